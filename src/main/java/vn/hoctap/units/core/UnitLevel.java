package vn.hoctap.units.core;

/** Cấp hành chính: thành phố (city), quận/huyện/thị xã (district), xã/phường/thị trấn (commune). */
public enum UnitLevel {
    CITY("city"), DISTRICT("district"), COMMUNE("commune");

    private final String code;

    UnitLevel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static UnitLevel fromCode(String code) {
        for (UnitLevel l : values()) {
            if (l.code.equals(code)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown level '" + code + "' (expected city, district or commune)");
    }
}
