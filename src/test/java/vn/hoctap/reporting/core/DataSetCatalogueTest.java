package vn.hoctap.reporting.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.hoctap.indicators.core.IndicatorCatalogue;
import vn.hoctap.indicators.core.IndicatorDefinition;

/** The shipped data sets, the form checks and the outlier warnings. */
class DataSetCatalogueTest {

    final DataSetCatalogue catalogue = DataSetCatalogue.load();

    @Test
    void everyReportedIndicatorIsFedByADataSet() {
        Set<String> reported = IndicatorCatalogue.load().stream().filter(d -> d.source() == IndicatorDefinition.Source.REPORTED)
                .map(IndicatorDefinition::id).collect(Collectors.toSet());
        Set<String> fed = catalogue.all().stream().flatMap(d -> d.indicators().stream()).map(IndicatorMapping::indicatorId)
                .collect(Collectors.toSet());
        assertThat(reported).containsExactlyInAnyOrder("cs.infosec_trained", "cs.digital_basic", "cs.data_skills",
                "inst.digital_university", "inst.digital_schools", "inst.clc_it", "inst.schools_national_standard");
        assertThat(fed).isEqualTo(reported);
        // issue 15: the officials' indicators are fed by agencies and by schools (viên chức) alike
        assertThat(catalogue.all().stream().filter(d -> d.indicators().stream().anyMatch(m -> m.indicatorId().equals("cs.digital_basic")))
                .map(DataSet::code)).containsExactly("agency_digital", "school_staff_digital");
        assertThat(catalogue.find("agency_digital").orElseThrow().codes())
                .containsExactly("staff", "it_security_staff", "it_security_trained", "trained_digital_basic", "trained_data_skills");
    }

    @Test
    void aBadFileNamesTheLineAndThePosition() {
        String text = """
                dataset|a|agency|A|A|12-15
                element|a|staff|Cán bộ|Staff|integer|0
                rule|a|staff <= trained|m|m
                """;
        assertThatThrownBy(() -> DataSetCatalogue.parse(text)).hasMessageContaining("line 3")
                .hasMessageContaining("unknown data element 'trained'").hasMessageContaining("character 10");
        assertThatThrownBy(() -> DataSetCatalogue.parse("dataset|a|ship|A|A|12-15\n")).hasMessageContaining("line 1")
                .hasMessageContaining("ship");
        assertThatThrownBy(() -> DataSetCatalogue.parse("""
                dataset|a|agency|A|A|12-15
                element|a|x|X|X|integer|0
                dataset|b|school|B|B|12-15
                element|b|x|X|X|integer|0
                """)).hasMessageContaining("line 4").hasMessageContaining("used twice");
    }

    @Test
    void formValuesAreReadByTypeAndRulesChecked() {
        DataSet agency = catalogue.find("agency_digital").orElseThrow();
        Map<String, String> raw = new HashMap<>(Map.of("staff", "60", "it_security_staff", "3", "it_security_trained", "4",
                "trained_digital_basic", "12 ", "trained_data_skills", "abc"));
        FormValidation.Result r = FormValidation.check(agency, raw, false);
        assertThat(r.fieldErrors()).containsExactly(Map.entry("trained_data_skills", "reporting.error.integer"));
        raw.put("trained_data_skills", "-1");
        assertThat(FormValidation.check(agency, raw, false).fieldErrors()).containsEntry("trained_data_skills", "reporting.error.min");
        raw.put("trained_data_skills", "5");
        r = FormValidation.check(agency, raw, false);
        assertThat(r.fieldErrors()).isEmpty();
        assertThat(r.failedRules()).extracting(x -> x.condition().text()).containsExactly("it_security_trained <= it_security_staff");
        raw.put("it_security_trained", "3");
        assertThat(FormValidation.check(agency, raw, true).ok()).isTrue();
        // a draft may miss values (rules over them are skipped); a submission may not
        raw.remove("staff");
        assertThat(FormValidation.check(agency, raw, false).ok()).isTrue();
        assertThat(FormValidation.check(agency, raw, true).fieldErrors()).containsExactly(Map.entry("staff", "reporting.error.required"));
    }

    @Test
    void yesNoAcceptsVietnameseAndDhis2Words() {
        DataSet school = catalogue.find("school_digital").orElseThrow();
        DataElement e = school.element("digital_teaching").orElseThrow();
        for (String yes : List.of("1", "true", "có", "Có", "yes")) {
            Map<String, Double> out = new HashMap<>();
            assertThat(FormValidation.parse(e, yes, out)).isNull();
            assertThat(out.get("digital_teaching")).isEqualTo(1.0);
        }
        assertThat(FormValidation.parse(e, "không", new HashMap<>())).isNull();
        assertThat(FormValidation.parse(e, "2", new HashMap<>())).isEqualTo("reporting.error.yes-no");
        assertThat(FormValidation.format(e, 1.0, true)).isEqualTo("true");
    }

    @Test
    void outliersAgainstEarlierYears() {
        // more than half again or less than half of last year
        assertThat(Outliers.check(31, 20, List.of(20.0)).kind()).isEqualTo(Outliers.Kind.CHANGE);
        assertThat(Outliers.check(9, 20, List.of(20.0)).kind()).isEqualTo(Outliers.Kind.CHANGE);
        assertThat(Outliers.check(30, 20, List.of(20.0))).isNull();               // exactly 50%: no warning
        assertThat(Outliers.check(5, 0, List.of(0.0))).isNull();                  // no rate against 0
        // with three earlier years, outside their range
        assertThat(Outliers.check(26, 25, List.of(20.0, 22.0, 25.0)).kind()).isEqualTo(Outliers.Kind.RANGE);
        assertThat(Outliers.check(24, 25, List.of(20.0, 22.0, 25.0))).isNull();
        assertThat(Outliers.check(26, 25, List.of(22.0, 25.0))).isNull();         // two years are not enough
        assertThat(Outliers.check(26, Double.NaN, List.of())).isNull();
    }
}
