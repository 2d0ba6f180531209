package vn.hoctap.gnlc.core;


import vn.hoctap.gnlc.core.GnlcFileException;
import vn.hoctap.gnlc.core.IndicatorMap;
import vn.hoctap.gnlc.core.KeyFeatures;
import vn.hoctap.gnlc.core.Verification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeyFeaturesTest {

    @Test
    void theShippedFrameworkHasTheTwelveVerifiedAreasInThreeGroupsAndNoInventedFeature() {
        KeyFeatures k = KeyFeatures.load();
        assertThat(k.version()).isEqualTo("uil-key-features-2013/v1");
        assertThat(k.groups()).extracting(KeyFeatures.Group::nameEn)
                .containsExactly("Wider benefits", "Major building blocks", "Fundamental conditions");
        assertThat(k.areasOf("1")).hasSize(3);
        assertThat(k.areasOf("2")).hasSize(6);
        assertThat(k.areasOf("3")).hasSize(3);
        assertThat(k.areas()).extracting(KeyFeatures.Area::code).containsExactly("1.1", "1.2", "1.3", "2.1", "2.2", "2.3",
                "2.4", "2.5", "2.6", "3.1", "3.2", "3.3");
        assertThat(k.areas()).allMatch(a -> a.verification() == Verification.VERIFIED);
        assertThat(k.area("2.2").orElseThrow().nameEn()).isEqualTo("Re-vitalised learning in families and communities");
        assertThat(k.area("3.3").orElseThrow().nameVi()).isEqualTo("Huy động và sử dụng các nguồn lực");
        // the UIL feature list was not found: nothing is shipped in its place
        assertThat(k.features()).isEmpty();
    }

    @Test
    void theCitysFeaturesAreMergedUnderTheirArea() {
        KeyFeatures k = KeyFeatures.load().withFeatures(List.of(new KeyFeatures.Feature("2.4.c1", "2.4", "Học liệu số", "Digital materials",
                null, null, "Quyết định của thành phố", Verification.CITY)));
        assertThat(k.featuresOf("2.4")).extracting(KeyFeatures.Feature::code).containsExactly("2.4.c1");
        assertThat(k.hasTarget("2.4.c1")).isTrue();
        assertThat(k.hasTarget("2.4.c2")).isFalse();
        assertThat(k.areaOf("2.4.c1")).isEqualTo("2.4");
    }

    @Test
    void aBadLineIsRefusedWithItsFileLineAndField() {
        String text = """
                version|t/1
                group|1|Nhóm|Group|src|V
                area|1.1|1|A|A|||src|V
                feature|1.2.1|1.2|F|F|||src|U
                """;
        assertThatThrownBy(() -> KeyFeatures.parse(new StringReader(text), "k.txt"))
                .isInstanceOfSatisfying(GnlcFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("k.txt");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("area");
                    assertThat(e.reasonKey()).isEqualTo("gnlc.file.unknown-parent");
                });
        assertThatThrownBy(() -> KeyFeatures.parse(new StringReader("version|t/1\ngroup|1|N|G|src|X\n"), "k.txt"))
                .isInstanceOfSatisfying(GnlcFileException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> KeyFeatures.parse(new StringReader("version|t/1\ngroup|1|N|G|src|V\ngroup|1|N|G|src|V\n"), "k.txt"))
                .isInstanceOfSatisfying(GnlcFileException.class, e -> assertThat(e.reasonKey()).isEqualTo("gnlc.file.duplicate"));
    }

    @Test
    void everyMappedIndicatorPointsAtAnArea() {
        KeyFeatures k = KeyFeatures.load();
        IndicatorMap m = IndicatorMap.load();
        assertThat(m.byTarget().keySet()).allMatch(k::hasTarget);
        assertThat(m.indicatorsOf("1.1")).contains("lit.rate_15_60");
        assertThat(m.indicatorsOf("3.1")).containsExactly("model.learning_city");
    }
}
