package vn.hoctap.units.core;

import java.time.LocalDate;

/**
 * One dated version of an administrative unit: in force from {@code validFrom} (inclusive) to
 * {@code validUntil} (exclusive; null while still in force).
 */
public record UnitVersion(String code, String name, UnitLevel level, String parentCode,
                          LocalDate validFrom, LocalDate validUntil, String source) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || date.isBefore(validUntil));
    }

    /** The last day on which this version was in force, or null while it still is. */
    public LocalDate lastDay() {
        return validUntil == null ? null : validUntil.minusDays(1);
    }
}
