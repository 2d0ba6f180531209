package vn.hoctap.reporting.core;

/** Kiểu dữ liệu of a data element: a whole number, a percentage (0–100) or yes/no (stored 1/0). */
public enum ElementType {
    INTEGER, PERCENT, YES_NO;

    public String code() {
        return name().toLowerCase();
    }

    public static ElementType fromCode(String code) {
        for (ElementType t : values()) {
            if (t.code().equals(code)) {
                return t;
            }
        }
        return null;
    }
}
