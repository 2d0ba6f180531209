package vn.hoctap.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;

/**
 * Loại tệp thật: the type of an uploaded file judged from its content (magic bytes, Apache Tika), never from the
 * type the browser declared or the file name: HTML bytes declared as {@code application/pdf} are refused, so a file
 * served back later cannot be anything else than what it was accepted as.
 *
 * <p>Office documents: Tika's magic (tika-core alone) only sees the container (a ZIP, an OOXML package, an OLE2
 * file). The container is opened here, without parsing the document: an OOXML package's {@code [Content_Types].xml}
 * names its main part (Word or Excel), an OpenDocument's {@code mimetype} entry names itself, an OLE2 file with a
 * {@code WordDocument} stream is a Word 97–2003 document. Anything else in a container stays a container and is
 * refused by routes that accept documents only.
 */
public final class FileTypes {

    private static final Tika TIKA = new Tika();
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String DOC = "application/msword";
    private static final int MAX_ENTRY = 256 * 1024;
    /** Names browsers send for a type, mapped to the type Tika names. */
    private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg",
            "image/x-png", "image/png");

    private FileTypes() {
    }

    /** The media type the content is (e.g. {@code application/pdf}, {@code text/html}), from the bytes alone. */
    public static String detect(byte[] content) {
        String t = TIKA.detect(content);
        t = t == null ? "application/octet-stream" : t.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "application/zip", "application/x-tika-ooxml", "application/vnd.oasis.opendocument.text" -> zipped(content, t);
            case "application/x-tika-msoffice" -> ole2(content, t);
            default -> t;
        };
    }

    /** The type the file name's extension stands for ({@code application/octet-stream} when none or unknown). */
    public static String ofName(String fileName) {
        if (fileName == null || fileName.isBlank() || fileName.lastIndexOf('.') < 0) return "application/octet-stream";
        String t = TIKA.detect(fileName.strip());
        return t == null ? "application/octet-stream" : t.toLowerCase(Locale.ROOT);
    }

    /**
     * Refuses ({@link ValidationException} on {@code field}) a file whose content is not one of {@code allowed}
     * ({@code notAllowedKey}) or is another type than the one declared ({@code file.error.type-mismatch}); returns the
     * detected type.
     */
    public static String require(String field, byte[] content, String declared, Collection<String> allowed, String notAllowedKey) {
        return require(field, content, declared, null, allowed, notAllowedKey);
    }

    /**
     * As {@link #require(String, byte[], String, Collection, String)}, and the file name's extension, when it names a
     * known type, must name the detected one too (a PDF named {@code .docx} is refused). A declared type that says
     * nothing ({@code application/octet-stream}, blank) is judged by the extension alone.
     */
    public static String require(String field, byte[] content, String declared, String fileName, Collection<String> allowed,
                                 String notAllowedKey) {
        String real = detect(content == null ? new byte[0] : content);
        if (!allowed.contains(real)) {
            throw ValidationException.of(field, notAllowedKey);
        }
        String d = declared == null ? "" : declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
        d = ALIASES.getOrDefault(d, d);
        boolean saysNothing = d.isEmpty() || d.equals("application/octet-stream");
        String byName = ofName(fileName);
        boolean nameSaysNothing = byName.equals("application/octet-stream");
        if (!saysNothing && !d.equals(real) || !nameSaysNothing && !byName.equals(real) || saysNothing && nameSaysNothing) {
            throw ValidationException.of(field, "file.error.type-mismatch");
        }
        return real;
    }

    /** An OOXML package (by its main part) or an OpenDocument text (by its mimetype entry); else the container. */
    private static String zipped(byte[] content, String container) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e;
            int seen = 0;
            while ((e = zip.getNextEntry()) != null && seen++ < 2000) {
                if (e.getName().equals("[Content_Types].xml")) {
                    String types = read(zip);
                    if (types.contains("wordprocessingml.document.main+xml")) return DOCX;
                    if (types.contains("spreadsheetml.sheet.main+xml")) return XLSX;
                    return container;
                }
                if (e.getName().equals("mimetype")) {
                    return read(zip).strip().equals(ODT) ? ODT : container;
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            return container;
        }
        return container;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readNBytes(MAX_ENTRY), StandardCharsets.UTF_8);
    }

    /** A Word 97–2003 document (an OLE2 file with a WordDocument stream); else the container. */
    private static String ole2(byte[] content, String container) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntry("WordDocument") ? DOC : container;
        } catch (IOException | RuntimeException ex) {
            return container;
        }
    }
}
