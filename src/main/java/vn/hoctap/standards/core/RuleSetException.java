package vn.hoctap.standards.core;

/** A rule file that cannot be used; the message names the source and line. */
public final class RuleSetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;

    public RuleSetException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The file or resource name. */
    public String source() { return source; }

    /** 1-based line, or 0 when the problem is not on one line (e.g. a missing rule). */
    public int line() { return line; }
}
