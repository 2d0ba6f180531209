package vn.hoctap.standards.core;


import vn.hoctap.standards.core.Explanation;
import vn.hoctap.standards.core.Levels;
import vn.hoctap.standards.core.Percent;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Standard;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.Units;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.standards.core.Fixtures.pop;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Districts and the city (standards.md "Districts and the city"); expectations worked out by hand. */
class AggregationTest {

    /** Makes commune {@code c} fail MN5 (20 aged 5, none in preschool); its other standards stay at the maximum. */
    static void noMn5(Fixtures.Pop p, String c) { p.add(c, 20, 5); }

    /** Makes commune {@code c} reach TH 1 only (9/10 aged 6 in grade 1 = 90 %). */
    static void th1(Fixtures.Pop p, String c) {
        p.add(c, 9, 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(1).preschoolCompleted(Fixtures.Y))
         .add(c, 1, 6, b -> b.preschoolCompleted(Fixtures.Y));
    }

    /** Makes commune {@code c} reach XMC 0 (all aged 20 illiterate); THCS then drops to 0 too. */
    static void xmc0(Fixtures.Pop p, String c) { p.add(c, 10, 20, Fixtures::illiterate); }

    static String commune(int i) { return String.format("%05d", i); }

    @Test
    void cityDistrictCommune() {
        List<Unit> us = new ArrayList<>();
        us.add(Unit.city("01", "TP"));
        us.add(Unit.district("001", "Quận 1", "01"));
        us.add(Unit.district("002", "Quận 2", "01"));
        for (int i = 1; i <= 10; i++) us.add(Unit.commune(commune(i), "Xã " + i, "001", false));
        us.add(Unit.commune(commune(11), "Xã 11", "002", false));
        Units units = Units.of(us);
        var p = pop();
        th1(p, commune(1));    // district 001: 9 of 10 communes at TH 3, 1 at TH 1
        noMn5(p, commune(2));  // district 001: 9 of 10 communes with MN5
        StandardsResult r = p.run(units);

        UnitResult d1 = r.unit("001");
        assertThat(d1.childLevel()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(d1.childCount()).isEqualTo(10);
        assertThat(d1.meeting()).containsEntry(StandardLevel.MN5, 9L).containsEntry(StandardLevel.TH1, 10L)
                .containsEntry(StandardLevel.TH2, 9L).containsEntry(StandardLevel.TH3, 9L)
                .containsEntry(StandardLevel.THCS3, 10L).containsEntry(StandardLevel.XMC2, 10L);
        // MN5 9/10 = 90 % >= 90; TH1 100 %, TH2 90 % >= 90, TH3 90 % < 100
        assertThat(d1.levels()).isEqualTo(new Levels(true, 2, 3, 2));
        assertThat(r.unit("002").levels()).isEqualTo(new Levels(true, 3, 3, 2));

        UnitResult city = r.unit("01");
        assertThat(city.childLevel()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(city.childCount()).isEqualTo(2);
        assertThat(city.meeting()).containsEntry(StandardLevel.MN5, 2L).containsEntry(StandardLevel.TH2, 2L)
                .containsEntry(StandardLevel.TH3, 1L);
        assertThat(city.levels()).isEqualTo(new Levels(true, 2, 3, 2)); // TH3: 1 of 2 districts < 100 %

        // one commune more below MN5 in district 001: 8/10 = 80 % < 90 % -> district and city lose MN5
        noMn5(p, commune(3));
        StandardsResult r2 = p.run(units);
        assertThat(r2.unit("001").levels().mn5()).isFalse();
        assertThat(r2.unit("01").levels().mn5()).isFalse();
        assertThat(r2.unit("01").meeting()).containsEntry(StandardLevel.MN5, 1L);
    }

    private static Units cityWithDistricts(int districts) {
        List<Unit> us = new ArrayList<>();
        us.add(Unit.city("01", "TP"));
        for (int d = 1; d <= districts; d++) {
            String dc = String.format("%03d", d);
            us.add(Unit.district(dc, "Huyện " + d, "01"));
            us.add(Unit.commune(commune(d), "Xã " + d, dc, false));
        }
        return Units.of(us);
    }

    @Test
    void cityXmcLevel1NeedsOnly90PercentOfDistricts() {
        Units units = cityWithDistricts(10);
        var p = pop();
        xmc0(p, commune(1)); // district 001 has its only commune at XMC 0 -> district XMC 0
        StandardsResult r = p.run(units);
        assertThat(r.unit("001").levels().xmc()).isEqualTo(0);
        UnitResult city = r.unit("01");
        assertThat(city.meeting()).containsEntry(StandardLevel.XMC1, 9L).containsEntry(StandardLevel.XMC2, 9L);
        // XMC1: 9/10 = 90 % >= 90 %; XMC2: 9/10 < 100 %. THCS (100 %) is lost too: commune 1 has THCS 0.
        assertThat(city.levels()).isEqualTo(new Levels(true, 3, 0, 1));
        Explanation xmc2 = city.explanations(Standard.XMC).get(0);
        assertThat(xmc2.level()).isEqualTo(2);
        assertThat(xmc2.failures()).singleElement().isInstanceOfSatisfying(Explanation.RateBelowThreshold.class, f -> {
            assertThat(f.numerator()).isEqualTo(9);
            assertThat(f.denominator()).isEqualTo(10);
            assertThat(f.threshold()).isEqualTo(Percent.of(100));
            assertThat(f.additionalNeeded()).isEqualTo(1);
            assertThat(f.childLevel()).isEqualTo(UnitLevel.DISTRICT);
        });

        xmc0(p, commune(2)); // 8/10 = 80 % < 90 %
        assertThat(p.run(units).unit("01").levels().xmc()).isEqualTo(0);
    }

    private static Units cityWithCommunes(int n) {
        List<Unit> us = new ArrayList<>();
        us.add(Unit.city("01", "TP"));
        for (int i = 1; i <= n; i++) us.add(Unit.commune(commune(i), "Xã " + i, "01", false));
        return Units.of(us);
    }

    @Test
    void cityWithoutDistrictsUsesTheDistrictPercentagesOverItsCommunes() {
        Units units = cityWithCommunes(10);
        var p = pop();
        noMn5(p, commune(1));
        th1(p, commune(2));
        StandardsResult r = p.run(units);
        UnitResult city = r.unit("01");
        assertThat(city.childLevel()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(city.childCount()).isEqualTo(10);
        assertThat(city.meeting()).containsEntry(StandardLevel.MN5, 9L).containsEntry(StandardLevel.TH3, 9L);
        // MN5 90 % >= 90 % (district rule; the city rule would need 100 %), TH2 90 % >= 90 %, TH3 90 % < 100 %
        assertThat(city.levels()).isEqualTo(new Levels(true, 2, 3, 2));

        // THCS2 needs 95 % of communes: with 20 communes, 19 at THCS 3 and 1 at THCS 1 -> 95 % -> THCS 2 is met
        Units twenty = cityWithCommunes(20);
        var q = pop();
        q.add(commune(1), 8, 16, b -> b.highestGradeCompleted(8).lowerSecondaryDiploma(Fixtures.Y))
         .add(commune(1), 2, 16, b -> b.highestGradeCompleted(8)); // diploma 80 % -> THCS 1
        UnitResult c20 = q.run(twenty).unit("01");
        assertThat(c20.meeting()).containsEntry(StandardLevel.THCS1, 20L).containsEntry(StandardLevel.THCS2, 19L)
                .containsEntry(StandardLevel.THCS3, 19L);
        assertThat(c20.levels().thcs()).isEqualTo(2);
        // a second commune at THCS 1: 18/20 = 90 % < 95 % -> THCS 1
        q.add(commune(2), 8, 16, b -> b.highestGradeCompleted(8).lowerSecondaryDiploma(Fixtures.Y))
         .add(commune(2), 2, 16, b -> b.highestGradeCompleted(8));
        assertThat(q.run(twenty).unit("01").levels().thcs()).isEqualTo(1);
    }

    @Test
    void cityWithoutDistrictsCanBeSwitchedToCityPercentages() {
        RuleSet cityPct = RuleSet.parse(RuleSet.defaultText().replace(
                "option | city_without_districts | district_percentages", "option | city_without_districts | city_percentages"), "test");
        var p = pop();
        noMn5(p, commune(1));
        assertThat(p.run(cityWithCommunes(10), cityPct).unit("01").levels().mn5()).isFalse(); // 90 % < 100 %
    }

    @Test
    void mixedCityCountsDistrictsOnlyByDefault() {
        Units units = Units.of(List.of(Unit.city("01", "TP"), Unit.district("001", "Q", "01"),
                Unit.commune(commune(1), "Xã 1", "001", false), Unit.commune(commune(2), "Xã 2", "01", false)));
        var p = pop();
        noMn5(p, commune(2));
        UnitResult city = p.run(units).unit("01");
        assertThat(city.childLevel()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(city.childCount()).isEqualTo(1);
        assertThat(city.levels().mn5()).isTrue();

        RuleSet both = RuleSet.parse(RuleSet.defaultText().replace("| districts_only |", "| districts_and_communes |"), "test");
        UnitResult city2 = p.run(units, both).unit("01");
        assertThat(city2.childCount()).isEqualTo(2);
        assertThat(city2.meeting()).containsEntry(StandardLevel.MN5, 1L);
        assertThat(city2.levels().mn5()).isFalse();
    }

    @Test
    void unitsWithoutChildrenMeetEverything() {
        Units units = Units.of(List.of(Unit.city("01", "TP"), Unit.district("001", "Q", "01"), Unit.city("02", "Tỉnh trống")));
        StandardsResult r = pop().run(units);
        assertThat(r.unit("001").levels()).isEqualTo(new Levels(true, 3, 3, 2));
        assertThat(r.unit("001").childCount()).isZero();
        assertThat(r.unit("02").levels()).isEqualTo(new Levels(true, 3, 3, 2));
        assertThat(r.unit("02").childLevel()).isEqualTo(UnitLevel.COMMUNE);
        // city 01 has one district that meets everything
        assertThat(r.unit("01").levels()).isEqualTo(new Levels(true, 3, 3, 2));
    }

    @Test
    void resultKeepsUnitsOrder() {
        Units units = Units.of(List.of(Unit.commune("00001", "A", "001", false), Unit.district("001", "Q", "01"),
                Unit.city("01", "TP")));
        assertThat(pop().run(units).units()).extracting(UnitResult::code).containsExactly("00001", "001", "01");
    }
}
