package vn.hoctap.gnlc.core;

/**
 * Trạng thái xác minh of an entry of the framework or of a fact: read in UIL's own text, seen only in secondary
 * sources, unverified, or added by the city itself (not from UIL's text).
 */
public enum Verification {
    VERIFIED("V"), SECONDARY("S"), UNVERIFIED("U"), CITY("C");

    private final String code;

    Verification(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean fromUil() {
        return this == VERIFIED;
    }

    public static Verification ofCode(String code) {
        for (Verification v : values()) {
            if (v.code.equals(code)) return v;
        }
        throw new IllegalArgumentException(code);
    }
}
