package vn.hoctap.reporting.core;

/**
 * Mẫu số theo sổ danh mục: what an organisation of the register that did <em>not</em> report (or whose report is
 * not approved) adds to an indicator's denominator; its numerator is 0 ("chưa báo cáo" counts as not meeting the
 * indicator). Reporting organisations keep their reported denominators. The platform's decision for issue 12
 * (NQ 23 divides by all centres, schools, agencies of the city, not by those that reported).
 * <ul>
 * <li>{@code inst.clc_it}, {@code inst.digital_university}: every centre / university in force counts 1.</li>
 * <li>{@code inst.digital_schools}: every school in force counts 1 except kindergartens (mầm non is not "phổ thông,
 * GDNN-GDTX").</li>
 * <li>{@code inst.schools_national_standard}: every public school that can be rated against the national standard
 * counts 1 — preschools, primary, lower- and upper-secondary and multi-level schools; a GDNN-GDTX centre is not a
 * school with a national standard ("trường đạt chuẩn quốc gia" is defined for preschools and general schools; the
 * platform's reading, not checked against a circular) and counts neither when silent nor when it reports (issue 15).</li>
 * <li>{@code cs.digital_basic}, {@code cs.data_skills}: every cán bộ, công chức, viên chức (issue 15): the headcount in
 * the register ({@code staff}) of an agency (cơ quan; public service units such as hospitals are registered as
 * agencies) and of a public school (its teachers and staff are viên chức); a private school counts 0 and its report
 * is not counted. Unknown headcount → shown as not reported but cannot enlarge the denominator.</li>
 * <li>{@code cs.infosec_trained}: the agency's dedicated IT and information-security headcount in the register
 * ({@code it_staff}, organisations-csv.md version 2), as its reports' denominator is {@code it_security_staff};
 * unknown → shown as not reported but cannot enlarge the denominator (issue 12).</li>
 * </ul>
 * Pure Java.
 */
public final class RegistryDenominator {

    /** The register's facts about one organisation. */
    public record Facts(OrganisationKind kind, String schoolLevel, boolean publicOwnership, Integer staff, Integer itStaff) {
        public Facts(OrganisationKind kind, String schoolLevel, boolean publicOwnership, Integer staff) {
            this(kind, schoolLevel, publicOwnership, staff, null);
        }
    }

    private RegistryDenominator() {
    }

    /**
     * Whether an organisation's approved report counts towards an indicator at all: a GDNN-GDTX centre is not
     * rated against the national school standard; a private school's staff are not cán bộ, công chức, viên chức.
     */
    public static boolean counts(String indicatorId, Facts f) {
        if (f == null) return true;
        return switch (indicatorId) {
            case "inst.schools_national_standard" -> f.kind() != OrganisationKind.SCHOOL || !"gdnn_gdtx".equals(f.schoolLevel());
            case "cs.digital_basic", "cs.data_skills" -> f.kind() != OrganisationKind.SCHOOL || f.publicOwnership();
            default -> true;
        };
    }

    /** The denominator a non-reporting organisation adds, or null when the register cannot say (unknown). */
    public static Double of(String indicatorId, Facts f) {
        if (!counts(indicatorId, f)) return 0.0;
        return switch (indicatorId) {
            case "inst.clc_it" -> f.kind() == OrganisationKind.CLC ? 1.0 : null;
            case "inst.digital_university" -> f.kind() == OrganisationKind.UNIVERSITY ? 1.0 : null;
            case "inst.digital_schools" -> f.kind() == OrganisationKind.SCHOOL ? ("mam_non".equals(f.schoolLevel()) ? 0.0 : 1.0) : null;
            case "inst.schools_national_standard" -> f.kind() == OrganisationKind.SCHOOL ? (f.publicOwnership() ? 1.0 : 0.0) : null;
            case "cs.digital_basic", "cs.data_skills" -> (f.kind() == OrganisationKind.AGENCY || f.kind() == OrganisationKind.SCHOOL)
                    && f.staff() != null ? f.staff().doubleValue() : null;
            case "cs.infosec_trained" -> f.kind() == OrganisationKind.AGENCY && f.itStaff() != null ? f.itStaff().doubleValue() : null;
            default -> null;
        };
    }
}
