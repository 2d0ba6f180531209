package vn.hoctap.units.core;

import java.time.LocalDate;

/**
 * A reorganisation link (sắp xếp đơn vị hành chính): the old unit, as in force on the day before
 * {@code effective}, went wholly ({@link Kind#FULL}, "toàn bộ") or in part ({@link Kind#PARTIAL},
 * "một phần") into the new unit, as in force from {@code effective}.
 */
public record Succession(String oldCode, String newCode, LocalDate effective, Kind kind, String source) {

    public enum Kind {
        FULL, PARTIAL;

        public String code() {
            return name().toLowerCase();
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }
}
