package vn.hoctap.platform;

import java.util.Collection;
import java.util.Locale;

import org.apache.tika.Tika;

/**
 * Loại tệp thật: the type of an uploaded file judged from its content (magic bytes, Apache Tika), never from the
 * type the browser declared or the file name: HTML bytes declared as {@code application/pdf} are refused, so a file
 * served back later cannot be anything else than what it was accepted as.
 */
public final class FileTypes {

    private static final Tika TIKA = new Tika();

    private FileTypes() {
    }

    /** The media type the content is (e.g. {@code application/pdf}, {@code text/html}), from the bytes alone. */
    public static String detect(byte[] content) {
        String t = TIKA.detect(content);
        return t == null ? "application/octet-stream" : t.toLowerCase(Locale.ROOT);
    }

    /**
     * Refuses ({@link ValidationException} on {@code field}) a file whose content is not one of {@code allowed}
     * ({@code notAllowedKey}) or is another type than the one declared ({@code file.error.type-mismatch}); returns the
     * detected type.
     */
    public static String require(String field, byte[] content, String declared, Collection<String> allowed, String notAllowedKey) {
        String real = detect(content);
        if (!allowed.contains(real)) {
            throw ValidationException.of(field, notAllowedKey);
        }
        String d = declared == null ? "" : declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!d.equals(real)) {
            throw ValidationException.of(field, "file.error.type-mismatch");
        }
        return real;
    }
}
