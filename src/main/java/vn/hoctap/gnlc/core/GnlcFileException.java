package vn.hoctap.gnlc.core;

/**
 * A refused line of a framework, mapping or questionnaire file: which file, which line, which field and why (a
 * message key of the gnlc bundle, with the value found), so the page shows a located reason in the reader's language.
 */
public class GnlcFileException extends IllegalArgumentException {

    private final String file;
    private final int line;
    private final String field;
    private final String reasonKey;
    private final String value;

    public GnlcFileException(String file, int line, String field, String reasonKey, String value) {
        super(file + ":" + line + ": " + field + ": " + reasonKey + " (" + value + ")");
        this.file = file;
        this.line = line;
        this.field = field;
        this.reasonKey = reasonKey;
        this.value = value;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public String value() {
        return value;
    }
}
