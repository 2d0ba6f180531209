package vn.hoctap.fund.core;

/** A ledger rule refused an operation; {@code code} names the rule (the pages translate it into Vietnamese). */
public class LedgerException extends RuntimeException {

    private final String code;

    public LedgerException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
