package vn.hoctap.reporting.core;

/**
 * How approved values of a data set feed an NQ 23 indicator: per organisation the numerator and the
 * denominator expressions are evaluated and summed per commune and for the city; the value is their rate.
 */
public record IndicatorMapping(String indicatorId, String dataSet, Expression numerator, Expression denominator) {
}
