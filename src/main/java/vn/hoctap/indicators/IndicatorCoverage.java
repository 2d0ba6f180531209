package vn.hoctap.indicators;

import java.util.Optional;

/**
 * Mức độ đầy đủ của số liệu báo cáo: for an indicator fed by organisations' reports, how many registered organisations
 * reported (approved) and how many are in the register, so the dashboard can say how many "chưa báo cáo" (counted as
 * not meeting the indicator). Declared here, implemented by {@code reporting} (so {@code reporting → indicators}).
 */
public interface IndicatorCoverage {

    record Coverage(int registered, int reported) {
        public int notReported() {
            return Math.max(0, registered - reported);
        }
    }

    /** The coverage of an indicator in a year for the city ("01") or a commune; empty when the indicator is not reported. */
    Optional<Coverage> coverage(String indicatorId, int year, String unitCode);

    /**
     * The coverage of a reported indicator in a year for every commune with registered organisations of its kind
     * (commune code → coverage); empty when the indicator is not reported.
     */
    default java.util.Map<String, Coverage> byCommune(String indicatorId, int year) {
        return java.util.Map.of();
    }
}
