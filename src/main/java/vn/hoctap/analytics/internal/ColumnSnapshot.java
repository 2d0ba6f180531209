package vn.hoctap.analytics.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A columnar register on disk, so that a restarted platform has a year's columns in about a second instead of reading
 * every person from PostgreSQL again (issue 18, item 1). The file holds the columns and the person_id index exactly as
 * in memory, a header of labels ({@code stamp}: the state of the database the columns were made from, {@code units}:
 * the fingerprint of the communes in order, {@code layout}: {@link #LAYOUT}), and a CRC-32C of all bytes before it.
 * A snapshot whose checksum, layout, units or stamp differ from what is expected is not used: the caller reads the
 * register from the database instead. Files are written to a temporary name, forced to disk and renamed, so a crash
 * while writing leaves the old snapshot or none, never a torn one.
 */
public final class ColumnSnapshot {

    /** The in-memory layout the file mirrors; change it whenever {@link Columns} or {@link IdIndex} change shape. */
    public static final String LAYOUT = "columns-v3:commune,birthYear,bytes[" + Columns.BYTE_COLUMNS + "],idHash;index-int-table;householdHash;village,villageDictionary";

    private static final byte[] MAGIC = "HOCTAP-COLUMNS\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 1 << 20;

    private ColumnSnapshot() {
    }

    /** What a snapshot holds: the columns and, per row, the hash of the person's household. */
    public record Read(Columns columns, long[] households) {
    }

    /** Writes {@code c} and the rows' household hashes with the header labels; atomically replaces {@code file}. */
    public static void write(Columns c, Map<String, String> labels, long[] households, Path file) throws IOException {
        if (households.length != c.size) {
            throw new IllegalArgumentException("household hashes for " + households.length + " rows, columns have " + c.size);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            Out out = new Out(ch);
            out.bytes(MAGIC, 0, MAGIC.length);
            Map<String, String> all = new LinkedHashMap<>(labels);
            all.put("layout", LAYOUT);
            StringBuilder h = new StringBuilder();
            all.forEach((k, v) -> h.append(k).append('=').append(v).append('\n'));
            byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
            out.putInt(header.length);
            out.bytes(header, 0, header.length);
            int n = c.size;
            out.putInt(n);
            out.putInt(c.communeCount);
            out.shorts(c.commune, n);
            out.shorts(c.birthYear, n);
            for (int k = 0; k < Columns.BYTE_COLUMNS; k++) {
                out.bytes(c.bytes[k], 0, n);
            }
            out.longs(c.idHash, n);
            out.longs(households, n);
            IdIndex ix = c.index;
            out.putInt(ix.table.length);
            out.putInt(ix.count);
            out.ints(ix.table, ix.table.length);
            out.putInt(ix.overflow.size());
            for (Map.Entry<String, Integer> e : ix.overflow.entrySet()) {
                byte[] id = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.putInt(id.length);
                out.bytes(id, 0, id.length);
                out.putInt(e.getValue());
            }
            // the village of each row and the dictionary of (commune, village) pairs (issue 18, Explore)
            out.chars(c.village, n);
            VillageDictionary v = c.villages;
            out.putInt(v.size());
            out.putInt(v.overflowed() ? 1 : 0);
            for (int i = 1; i < v.size(); i++) {
                byte[] name = v.name(i).getBytes(StandardCharsets.UTF_8);
                out.putInt(v.commune(i));
                out.putInt(name.length);
                out.bytes(name, 0, name.length);
            }
            out.finish();
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The header labels of a snapshot (layout included), or null when the file is not a snapshot. */
    public static Map<String, String> labels(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            In in = new In(ch, false);
            return in.header();
        }
    }

    /**
     * Reads a snapshot if its labels equal {@code expected} (every expected label, and the layout) and its checksum is
     * right; null otherwise (the caller then loads from the database).
     */
    public static Read read(Path file, Map<String, String> expected) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            In in = new In(ch, true);
            Map<String, String> labels = in.header();
            if (labels == null || !LAYOUT.equals(labels.get("layout"))) {
                return null;
            }
            for (Map.Entry<String, String> e : expected.entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return null;
                }
            }
            int n = in.getInt();
            int communes = in.getInt();
            if (n < 0 || communes < 0) {
                return null;
            }
            Columns c = new Columns(communes, 0);
            c.commune = new short[Math.max(n, 1)];
            c.birthYear = new short[Math.max(n, 1)];
            in.shorts(c.commune, n);
            in.shorts(c.birthYear, n);
            for (int k = 0; k < Columns.BYTE_COLUMNS; k++) {
                c.bytes[k] = new byte[Math.max(n, 1)];
                in.bytes(c.bytes[k], n);
            }
            c.idHash = new long[Math.max(n, 1)];
            in.longs(c.idHash, n);
            long[] households = new long[n];
            in.longs(households, n);
            c.size = n;
            int cap = in.getInt();
            int count = in.getInt();
            if (cap < 16 || count < 0 || count > n) {
                return null;
            }
            int[] table = new int[cap];
            in.ints(table, cap);
            int over = in.getInt();
            Map<String, Integer> overflow = new java.util.HashMap<>();
            for (int i = 0; i < over; i++) {
                byte[] id = new byte[in.getInt()];
                in.bytes(id, id.length);
                overflow.put(new String(id, StandardCharsets.UTF_8), in.getInt());
            }
            c.village = new char[Math.max(n, 1)];
            in.chars(c.village, n);
            int villages = in.getInt();
            boolean villagesOverflowed = in.getInt() != 0;
            if (villages < 1 || villages > VillageDictionary.MAX + 1) {
                return null;
            }
            VillageDictionary dict = new VillageDictionary();
            for (int i = 1; i < villages; i++) {
                int commune = in.getInt();
                byte[] name = new byte[in.getInt()];
                in.bytes(name, name.length);
                if (commune < 0 || commune >= communes) {
                    return null;
                }
                dict.restore(commune, new String(name, StandardCharsets.UTF_8));
            }
            if (villagesOverflowed) {
                dict.markOverflowed();
            }
            for (int r = 0; r < n; r++) {
                if (c.village[r] >= villages || (c.village[r] == 0 && !villagesOverflowed)) {
                    return null;
                }
            }
            c.villages = dict;
            if (!in.checksumMatches()) {
                return null;
            }
            c.index.restore(table, count, overflow);
            return new Read(c, households);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException | OutOfMemoryError e) {
            return null;
        }
    }

    /** Buffered little-endian writer that keeps a CRC-32C of everything written. */
    private static final class Out {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();

        Out(FileChannel ch) {
            this.ch = ch;
        }

        void room(int n) throws IOException {
            if (buf.remaining() < n) flush();
        }

        void flush() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) ch.write(buf);
            buf.clear();
        }

        void putInt(int v) throws IOException { room(4); buf.putInt(v); }

        void bytes(byte[] a, int off, int n) throws IOException {
            while (n > 0) {
                room(1);
                int k = Math.min(n, buf.remaining());
                buf.put(a, off, k);
                off += k;
                n -= k;
            }
        }

        void shorts(short[] a, int n) throws IOException {
            int i = 0;
            while (i < n) {
                room(2);
                int k = Math.min(n - i, buf.remaining() / 2);
                buf.asShortBuffer().put(a, i, k);
                buf.position(buf.position() + 2 * k);
                i += k;
            }
        }

        void chars(char[] a, int n) throws IOException {
            int i = 0;
            while (i < n) {
                room(2);
                int k = Math.min(n - i, buf.remaining() / 2);
                buf.asCharBuffer().put(a, i, k);
                buf.position(buf.position() + 2 * k);
                i += k;
            }
        }

        void ints(int[] a, int n) throws IOException {
            int i = 0;
            while (i < n) {
                room(4);
                int k = Math.min(n - i, buf.remaining() / 4);
                buf.asIntBuffer().put(a, i, k);
                buf.position(buf.position() + 4 * k);
                i += k;
            }
        }

        void longs(long[] a, int n) throws IOException {
            int i = 0;
            while (i < n) {
                room(8);
                int k = Math.min(n - i, buf.remaining() / 8);
                buf.asLongBuffer().put(a, i, k);
                buf.position(buf.position() + 8 * k);
                i += k;
            }
        }

        void finish() throws IOException {
            flush();
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc.getValue());
            tail.flip();
            while (tail.hasRemaining()) ch.write(tail);
        }
    }

    /** Buffered little-endian reader that keeps a CRC-32C of everything read. */
    private static final class In {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();
        private final long end;
        private long consumedBeforeBuffer;

        In(FileChannel ch, boolean checked) throws IOException {
            this.ch = ch;
            this.end = ch.size() - 8;
            buf.limit(0);
        }

        /** Makes at least n bytes available (fewer only at the end of the data part). */
        void need(int n) throws IOException {
            if (buf.remaining() >= n) return;
            // account the consumed part of the buffer in the checksum, keep the rest
            ByteBuffer consumed = buf.duplicate();
            consumed.limit(consumed.position());
            consumed.position(0);
            crc.update(consumed);
            consumedBeforeBuffer += buf.position();
            buf.compact();
            long left = end - consumedBeforeBuffer - buf.position();
            if (left > 0 && buf.hasRemaining()) {
                int lim = (int) Math.min(buf.remaining(), left);
                ByteBuffer window = buf.duplicate();
                window.limit(window.position() + lim);
                while (window.hasRemaining() && ch.read(window) > 0) { }
                buf.position(window.position());
            }
            buf.flip();
            if (buf.remaining() < n) throw new java.nio.BufferUnderflowException();
        }

        Map<String, String> header() throws IOException {
            if (end < MAGIC.length + 4) return null;
            need(MAGIC.length);
            byte[] magic = new byte[MAGIC.length];
            buf.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) return null;
            int len = getInt();
            if (len < 0 || len > 1 << 20) return null;
            byte[] h = new byte[len];
            bytes(h, len);
            Map<String, String> out = new LinkedHashMap<>();
            for (String line : new String(h, StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1));
            }
            return out;
        }

        int getInt() throws IOException { need(4); return buf.getInt(); }

        void bytes(byte[] a, int n) throws IOException {
            int i = 0;
            while (i < n) {
                need(1);
                int k = Math.min(n - i, buf.remaining());
                buf.get(a, i, k);
                i += k;
            }
        }

        void shorts(short[] a, int n) throws IOException {
            int i = 0;
            while (i < n) {
                need(2);
                int k = Math.min(n - i, buf.remaining() / 2);
                buf.asShortBuffer().get(a, i, k);
                buf.position(buf.position() + 2 * k);
                i += k;
            }
        }

        void chars(char[] a, int n) throws IOException {
            int i = 0;
            while (i < n) {
                need(2);
                int k = Math.min(n - i, buf.remaining() / 2);
                buf.asCharBuffer().get(a, i, k);
                buf.position(buf.position() + 2 * k);
                i += k;
            }
        }

        void ints(int[] a, int n) throws IOException {
            int i = 0;
            while (i < n) {
                need(4);
                int k = Math.min(n - i, buf.remaining() / 4);
                buf.asIntBuffer().get(a, i, k);
                buf.position(buf.position() + 4 * k);
                i += k;
            }
        }

        void longs(long[] a, int n) throws IOException {
            int i = 0;
            while (i < n) {
                need(8);
                int k = Math.min(n - i, buf.remaining() / 8);
                buf.asLongBuffer().get(a, i, k);
                buf.position(buf.position() + 8 * k);
                i += k;
            }
        }

        /** Whether the data part was read to its end and its CRC-32C equals the one stored after it. */
        boolean checksumMatches() throws IOException {
            ByteBuffer consumed = buf.duplicate();
            consumed.limit(consumed.position());
            consumed.position(0);
            crc.update(consumed);
            long read = consumedBeforeBuffer + buf.position();
            if (read != end) return false;
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.position(end);
            while (tail.hasRemaining() && ch.read(tail) > 0) { }
            tail.flip();
            return tail.remaining() == 8 && tail.getLong() == crc.getValue();
        }
    }
}
