package vn.hoctap.platform;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Tệp CSV xuất ra: the platform's CSV exports written by Apache Commons CSV (RFC 4180: comma, a field quoted when it
 * holds a comma, a quote or a line break, quotes doubled; lines end with {@code \n}), every text cell neutralised
 * against formula injection first ({@link SpreadsheetCells#neutralise}, OWASP), optionally after a UTF-8 byte-order
 * mark so that Excel on Windows reads Vietnamese. Numbers and booleans are written as given.
 */
public final class CsvWriter implements Flushable {

    /** RFC 4180 with {@code \n} line ends. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final CSVPrinter printer;

    private CsvWriter(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer onto {@code out}. */
    public static CsvWriter of(Appendable out) {
        return new CsvWriter(out);
    }

    /** A writer onto {@code out} that first writes the UTF-8 byte-order mark (U+FEFF). */
    public static CsvWriter withByteOrderMark(Writer out) throws IOException {
        out.write('\uFEFF');
        return new CsvWriter(out);
    }

    /**
     * One line: a {@link CharSequence} is neutralised, a {@link Number} or {@link Boolean} written as it is, null an
     * empty field.
     */
    public CsvWriter row(Object... cells) throws IOException {
        List<Object> out = new ArrayList<>(cells.length);
        for (Object c : cells) {
            out.add(c == null ? "" : c instanceof Number || c instanceof Boolean ? c.toString()
                    : SpreadsheetCells.neutralise(c.toString()));
        }
        printer.printRecord(out);
        return this;
    }

    /** A header line given as one comma-separated text (as kept in the message bundles). */
    public CsvWriter header(String commaSeparated) throws IOException {
        return row((Object[]) commaSeparated.split(",", -1));
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }
}
