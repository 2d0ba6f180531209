package vn.hoctap.titles.core;

/** A criteria-set file that cannot be read; the message is {@code file:line: reason}. */
public final class CriteriaSetException extends RuntimeException {
    private final String file;
    private final int line;

    public CriteriaSetException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }

    public int line() { return line; }
}
