package vn.hoctap.expressions.core;

/**
 * An error in an expression (indicator expression, validation rule, standards criterion), with its place and a
 * message in Vietnamese and English: the one exception class of the shared expression front end.
 *
 * <p>{@link #position()} is the 0-based character offset in the expression text; {@link #line()} and
 * {@link #column()} are 1-based (a line ends at {@code '\n'}). {@link #getMessage()} reads, e.g.,
 * {@code "Vị trí 42 (dòng 1, cột 43): cần ')' nhưng gặp 'and' / at 42 (line 1, column 43): expected ')' but found 'and'"}.
 */
public final class ExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** A character or literal that is not part of the language (stray character, unterminated string, …). */
        LEXICAL,
        /** Tokens in an order the grammar does not allow. */
        SYNTAX,
        /** A word in a field position that is not a field (for validation rules: not a data element of the set). */
        UNKNOWN_FIELD,
        /** A value name that is not a value of the field's enumeration. */
        UNKNOWN_VALUE,
        /** Well-formed, but the types do not fit (ordering an unordered enum, a number compared with text, …). */
        TYPE,
        /** Nesting deeper than {@link Parser#MAX_NESTING}. */
        TOO_DEEP,
        /** Valid, but the engine asked cannot compute it (e.g. a field the columnar register does not keep). */
        UNSUPPORTED
    }

    private final Kind kind;
    private final int position;
    private final int line;
    private final int column;
    private final String found;
    private final String expected;
    private final String messageVi;
    private final String messageEn;

    private ExpressionException(Kind kind, int position, int line, int column, String found, String expected,
                                String messageVi, String messageEn) {
        super("Vị trí " + position + " (dòng " + line + ", cột " + column + "): " + messageVi
                + " / at " + position + " (line " + line + ", column " + column + "): " + messageEn);
        this.kind = kind;
        this.position = position;
        this.line = line;
        this.column = column;
        this.found = found;
        this.expected = expected;
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }

    /**
     * The error at character {@code position} of {@code source}; line and column are computed from the text.
     *
     * @param found    the offending token as written, or null
     * @param expected what would have been accepted (English), or null
     */
    public static ExpressionException at(String source, int position, Kind kind, String found, String expected,
                                  String messageVi, String messageEn) {
        int pos = Math.max(0, Math.min(position, source.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new ExpressionException(kind, pos, line, pos - lineStart + 1, found, expected, messageVi, messageEn);
    }

    public Kind kind() { return kind; }

    /** 0-based character offset of the offending token. */
    public int position() { return position; }

    /** 1-based line of {@link #position()}. */
    public int line() { return line; }

    /** 1-based column of {@link #position()}. */
    public int column() { return column; }

    /** The offending token as written ({@code "end of expression"} at the end), or null when not applicable. */
    public String found() { return found; }

    /** What would have been accepted (English), or null when not applicable. */
    public String expected() { return expected; }

    /** The message in Vietnamese, without the position prefix. */
    public String messageVi() { return messageVi; }

    /** The message in English, without the position prefix. */
    public String messageEn() { return messageEn; }

    /** The reason in English, without the position prefix (the same as {@link #messageEn()}). */
    public String reason() { return messageEn; }

    /** The message in the language of {@code locale} (Vietnamese unless English is asked for), with the place. */
    public String message(java.util.Locale locale) {
        return "en".equals(locale.getLanguage())
                ? "at " + position + " (line " + line + ", column " + column + "): " + messageEn
                : "Vị trí " + position + " (dòng " + line + ", cột " + column + "): " + messageVi;
    }
}
