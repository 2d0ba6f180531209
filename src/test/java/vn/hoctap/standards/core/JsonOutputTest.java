package vn.hoctap.standards.core;


import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.standards.core.Fixtures.Y;
import static vn.hoctap.standards.core.Fixtures.pop;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON of standards.md, parsed back with a tiny test-only parser. */
@SuppressWarnings("unchecked")
class JsonOutputTest {

    static Map<String, Object> obj(Object o) { return (Map<String, Object>) o; }

    @Test
    void shapeForCityDistrictCommune() {
        Units units = Units.of(List.of(Unit.city("01", "Thành phố \"Hà Nội\" \\ thử"), Unit.district("001", "Quận Ba Đình", "01"),
                Unit.commune("00004", "Phường\tBa Đình", "001", true)));
        var p = pop().add("00004", 19, 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(1).preschoolCompleted(Y))
                .add("00004", 1, 6);
        Map<String, Object> root = obj(MiniJson.parse(p.run(units).toJson()));
        assertThat(root.get("year")).isEqualTo((long) Y);
        List<Object> us = (List<Object>) root.get("units");
        assertThat(us).hasSize(3);

        Map<String, Object> city = obj(us.get(0));
        assertThat(city.get("code")).isEqualTo("01");
        assertThat(city.get("name")).isEqualTo("Thành phố \"Hà Nội\" \\ thử");
        assertThat(city.get("level")).isEqualTo("city");
        assertThat(city).containsKey("districts_meeting").doesNotContainKey("communes_meeting").doesNotContainKey("criteria");
        assertThat(obj(city.get("districts_meeting")).keySet())
                .containsExactly("MN5", "TH1", "TH2", "TH3", "THCS1", "THCS2", "THCS3", "XMC1", "XMC2");

        Map<String, Object> district = obj(us.get(1));
        assertThat(district.get("level")).isEqualTo("district");
        assertThat(district).containsKey("communes_meeting").doesNotContainKey("districts_meeting");
        // commune: grade1 19/20 = 95 % -> TH 2; MN5.complete_age6 19/20 = 95 % -> MN5 met
        assertThat(obj(district.get("standards"))).isEqualTo(
                Map.of("MN5", true, "TH", 2L, "THCS", 3L, "XMC", 2L));
        assertThat(obj(district.get("communes_meeting"))).containsEntry("TH2", 1L).containsEntry("TH3", 0L)
                .containsEntry("MN5", 1L);

        Map<String, Object> commune = obj(us.get(2));
        assertThat(commune.get("code")).isEqualTo("00004");
        assertThat(commune.get("name")).isEqualTo("Phường\tBa Đình");
        assertThat(commune.get("level")).isEqualTo("commune");
        Map<String, Object> st = obj(commune.get("standards"));
        assertThat(st.keySet()).containsExactly("MN5", "TH", "THCS", "XMC");
        assertThat(st.get("MN5")).isEqualTo(true);
        assertThat(st.get("TH")).isEqualTo(2L);
        Map<String, Object> criteria = obj(commune.get("criteria"));
        assertThat(criteria.keySet()).containsExactly("MN5.attend_age5", "MN5.complete_age6", "TH.grade1_age6",
                "TH.complete_age11", "TH.age11_in_primary", "TH.complete_age14", "THCS.diploma_15_18", "THCS.attend_15_18",
                "XMC.lit1_15_35", "XMC.lit1_15_25", "XMC.lit2_15_60", "XMC.lit2_15_35");
        assertThat(obj(criteria.get("TH.grade1_age6"))).isEqualTo(Map.of("numerator", 19L, "denominator", 20L));
        assertThat(obj(criteria.get("XMC.lit1_15_35"))).isEqualTo(Map.of("numerator", 0L, "denominator", 0L));
    }

    @Test
    void cityWithoutDistrictsCarriesCommunesMeeting() {
        Units units = Units.of(List.of(Unit.city("01", "Hà Nội"), Unit.commune("00004", "Phường Ba Đình", "01", false)));
        Map<String, Object> city = obj(((List<Object>) obj(MiniJson.parse(pop().run(units).toJson())).get("units")).get(0));
        assertThat(city).containsKey("communes_meeting").doesNotContainKey("districts_meeting");
        assertThat(obj(city.get("communes_meeting"))).containsEntry("XMC2", 1L);
    }

    @Test
    void emptyUnitsGiveAnEmptyArray() {
        Map<String, Object> root = obj(MiniJson.parse(pop().run(Units.of(List.of())).toJson()));
        assertThat((List<Object>) root.get("units")).isEmpty();
    }

    @Test
    void vietnameseTextStaysUnescaped() {
        Units units = Units.of(List.of(Unit.city("01", "Thành phố Hà Nội")));
        assertThat(pop().run(units).toJson()).contains("\"Thành phố Hà Nội\"");
    }
}
