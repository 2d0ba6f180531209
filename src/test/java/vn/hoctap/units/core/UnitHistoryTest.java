package vn.hoctap.units.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The unit history built from the shipped reference data; expected figures come from its README and CSV rows. */
class UnitHistoryTest {

    static UnitHistory history;

    @BeforeAll
    static void load() {
        history = HanoiReferenceData.load();
    }

    @Test
    void countsOnEachStructure() {
        assertThat(history.countsOn(LocalDate.of(2024, 6, 1)))
                .isEqualTo(Map.of(UnitLevel.CITY, 1, UnitLevel.DISTRICT, 30, UnitLevel.COMMUNE, 579));
        assertThat(history.countsOn(LocalDate.of(2025, 3, 1)))
                .isEqualTo(Map.of(UnitLevel.CITY, 1, UnitLevel.DISTRICT, 30, UnitLevel.COMMUNE, 526));
        assertThat(history.countsOn(LocalDate.of(2025, 7, 1)))
                .isEqualTo(Map.of(UnitLevel.CITY, 1, UnitLevel.COMMUNE, 126));
        // the boundaries: the last day of the pre-reform structure and the first of the new one
        assertThat(history.unitsOn(LocalDate.of(2025, 6, 30))).hasSize(557);
        assertThat(history.unitsOn(LocalDate.of(2024, 12, 31))).hasSize(610);
        assertThat(history.unitsOn(LocalDate.of(2025, 1, 1))).hasSize(557);
    }

    @Test
    void datesBeforeTheHistoryAreNotCovered() {
        assertThat(history.covers(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(history.covers(LocalDate.of(2024, 1, 1))).isTrue();
    }

    @Test
    void aReusedCodeIsTwoUnits() {
        // 00004 was Phường Trúc Bạch (Quận Ba Đình) and is Phường Ba Đình from 1/7/2025
        assertThat(history.version("00004", LocalDate.of(2025, 6, 30)).orElseThrow().name()).isEqualTo("Phường Trúc Bạch");
        assertThat(history.version("00004", LocalDate.of(2025, 7, 1)).orElseThrow().name()).isEqualTo("Phường Ba Đình");
        List<UnitVersion> versions = history.versions("00004");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).validUntil()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(versions.get(0).parentCode()).isEqualTo("001");
        assertThat(versions.get(1).parentCode()).isEqualTo("01");
    }

    @Test
    void ancestorsAndDescendantsOnADate() {
        LocalDate d = LocalDate.of(2024, 6, 1);
        assertThat(history.ancestors("00004", d)).extracting(UnitVersion::code).containsExactly("001", "01");
        assertThat(history.ancestors("00004", LocalDate.of(2025, 7, 1))).extracting(UnitVersion::code).containsExactly("01");
        assertThat(history.descendants("01", d)).hasSize(609);
        assertThat(history.descendants("002", d)).allMatch(v -> v.level() == UnitLevel.COMMUNE && v.parentCode().equals("002"));
        assertThat(history.children("01", LocalDate.of(2025, 7, 1))).hasSize(126);
    }

    @Test
    void whatAnOldCommuneBecame() {
        // merger-2025.csv: 00001,00097,Phường Phúc Xá,Phường Hồng Hà,full
        UnitVersion phucXa = history.version("00001", LocalDate.of(2025, 6, 30)).orElseThrow();
        assertThat(history.successorsOf(phucXa)).singleElement()
                .satisfies(s -> {
                    assertThat(s.newCode()).isEqualTo("00097");
                    assertThat(s.kind()).isEqualTo(Succession.Kind.FULL);
                    assertThat(s.effective()).isEqualTo(LocalDate.of(2025, 7, 1));
                });
    }

    @Test
    void whatANewCommuneWasFormedFrom() {
        // merger-2025.csv: 00006 Vĩnh Phúc (full) and 00007 Cống Vị (partial) went into 00008 Phường Ngọc Hà
        UnitVersion ngocHa = history.version("00008", LocalDate.of(2025, 7, 1)).orElseThrow();
        List<Succession> from = history.predecessorsOf(ngocHa);
        assertThat(from).extracting(Succession::oldCode).contains("00006", "00007");
        assertThat(from).filteredOn(s -> s.oldCode().equals("00007")).singleElement()
                .extracting(Succession::kind).isEqualTo(Succession.Kind.PARTIAL);
        // the pre-reform 00008 (Phường Ngọc Hà of Quận Ba Đình) is another version with its own successors
        UnitVersion oldNgocHa = history.version("00008", LocalDate.of(2025, 6, 30)).orElseThrow();
        assertThat(history.predecessorsOf(oldNgocHa)).isEmpty();
    }

    @Test
    void everyPreReformCommuneHasASuccessorButThoseRemovedOnFirstJanuaryHaveNone() {
        for (UnitVersion v : history.unitsOn(LocalDate.of(2025, 6, 30))) {
            if (v.level() == UnitLevel.COMMUNE) {
                assertThat(history.successorsOf(v)).as(v.code()).isNotEmpty();
            }
        }
        long vanished = history.unitsOn(LocalDate.of(2024, 12, 31)).stream()
                .filter(v -> v.level() == UnitLevel.COMMUNE && history.version(v.code(), LocalDate.of(2025, 1, 1)).isEmpty())
                .peek(v -> assertThat(history.successorsOf(v)).isEmpty())
                .count();
        assertThat(vanished).isEqualTo(53);
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        assertThat(history.search("hoan kiem", LocalDate.of(2024, 6, 1)))
                .extracting(UnitVersion::name).contains("Quận Hoàn Kiếm");
        assertThat(history.search("HOÀN KIẾM", LocalDate.of(2025, 7, 1)))
                .extracting(UnitVersion::name).containsExactly("Phường Hoàn Kiếm");
        assertThat(history.search("dong da", LocalDate.of(2025, 7, 1)))
                .extracting(UnitVersion::name).contains("Phường Đống Đa");
        assertThat(history.search("   ", LocalDate.of(2025, 7, 1))).isEmpty();
    }

    @Test
    void scopeContainment() {
        assertThat(history.isWithin("00004", "01")).isTrue();
        assertThat(history.isWithin("00004", "001")).isTrue();   // as Phường Trúc Bạch of Quận Ba Đình
        assertThat(history.isWithin("00008", "00004")).isFalse();
        assertThat(history.isWithin("002", "001")).isFalse();
        assertThat(history.isWithin("01", "00004")).isFalse();
    }
}
