package vn.hoctap.reporting.rules;

/**
 * An expression that cannot be read or evaluated: the reason and where (0-based character position in the
 * expression text), so that the author of a rule sees at once what to fix.
 */
public class ExpressionException extends RuntimeException {

    private final int position;
    private final String reason;

    public ExpressionException(String reason, int position) {
        super(reason + " (at character " + (position + 1) + ")");
        this.reason = reason;
        this.position = position;
    }

    /** 0-based position of the offending character or token. */
    public int position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
