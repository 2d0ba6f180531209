package vn.hoctap.reporting.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hoctap.reporting.core.RegistryDenominator.Facts;

/** Issue 15: who is in the denominators of inst.schools_national_standard and cs.digital_basic. */
class RegistryDenominatorTest {

    static Facts school(String level, boolean pub, Integer staff) {
        return new Facts(OrganisationKind.SCHOOL, level, pub, staff);
    }

    @Test
    void schoolsThatCanBeRatedIncludingPreschoolsNotGdnnGdtxCentres() {
        // a commune's register: public preschool, public primary, public GDNN-GDTX centre, private THPT; none reported
        List<Facts> register = List.of(school("mam_non", true, null), school("tieu_hoc", true, null),
                school("gdnn_gdtx", true, null), school("thpt", false, null));
        double den = register.stream().mapToDouble(f -> RegistryDenominator.of("inst.schools_national_standard", f)).sum();
        // preschool 1 + primary 1 + GDNN-GDTX 0 + private 0 = 2
        assertThat(den).isEqualTo(2.0);
        // a GDNN-GDTX centre's own report does not count either; a preschool's does
        assertThat(RegistryDenominator.counts("inst.schools_national_standard", school("gdnn_gdtx", true, null))).isFalse();
        assertThat(RegistryDenominator.counts("inst.schools_national_standard", school("mam_non", true, null))).isTrue();
    }

    @Test
    void digitalSkillsOfAllOfficialsIncludingSchoolStaff() {
        // an agency of 50 (a hospital registered as an agency of 120), a public school of 40, a private school of 30,
        // a school of unknown headcount: 50 + 120 + 40 + 0 = 210 (the unknown one cannot enlarge it)
        List<Facts> register = List.of(new Facts(OrganisationKind.AGENCY, null, true, 50), new Facts(OrganisationKind.AGENCY, null, true, 120),
                school("tieu_hoc", true, 40), school("thpt", false, 30), school("thcs", true, null));
        double den = 0;
        for (Facts f : register) {
            Double d = RegistryDenominator.of("cs.digital_basic", f);
            if (d != null) den += d;
        }
        assertThat(den).isEqualTo(210.0);
        assertThat(RegistryDenominator.of("cs.digital_basic", school("thcs", true, null))).isNull();
        // a private school's report is not counted (its staff are not viên chức)
        assertThat(RegistryDenominator.counts("cs.digital_basic", school("thpt", false, 30))).isFalse();
        assertThat(RegistryDenominator.counts("cs.data_skills", school("tieu_hoc", true, 40))).isTrue();
    }
}
