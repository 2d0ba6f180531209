package vn.hoctap.indicators.core;

/**
 * Một chỉ tiêu của Nghị quyết 23-NQ/TU: what it measures, where its value comes from, and its targets
 * (Hà Nội's for 2025 and 2030, the national ones for comparison).
 *
 * @param rebasedVi the wording re-based on communes where the original speaks of districts (none since
 *        1/7/2025), or null
 */
public record IndicatorDefinition(String id, int group, Source source, String unit, String nameVi, String nameEn,
                                  TargetSpec target2025, TargetSpec target2030, String target2030Source,
                                  String rebasedVi, TargetSpec national2025, TargetSpec national2030,
                                  String nationalSource) {

    /** Where the value comes from. */
    public enum Source {
        /** computed from the person register with an indicator expression */
        REGISTER,
        /** computed by the universal-education and literacy standards engine */
        STANDARDS,
        /** reported through data-entry forms (agencies, schools, centres) */
        REPORTED,
        /** supplied by another module (recognition of learning titles, learning records) */
        MODULE,
        /** a fact recorded by the city (e.g. registration as a learning city) */
        RECORD
    }

    /**
     * Whether the national target measures what the city's value measures (issue 15, "like with like"): the national
     * targets of Đề án 1373 for the standards are shares of provinces ("% of provinces" in their source), which a
     * city's yes/no status or a share of the city's communes or districts is not; QĐ 387 sets a target per part
     * ("per part": families, clans, communities), which the pooled value is not.
     */
    public boolean nationalComparable() {
        return national2025 == null && national2030 == null || nationalSource == null
                || !nationalSource.contains("% of provinces") && !nationalSource.contains("per part");
    }

    public boolean isStatus() {
        return "status".equals(unit);
    }

    /** The target for a data year: the 2025 one up to 2025, then the 2030 one (or the 2025 one when unset). */
    public TargetSpec targetFor(int year) {
        return year <= 2025 || target2030 == null ? target2025 : target2030;
    }

    public int targetYearFor(int year) {
        return year <= 2025 || target2030 == null ? 2025 : 2030;
    }
}
