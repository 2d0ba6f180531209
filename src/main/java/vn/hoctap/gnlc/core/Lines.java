package vn.hoctap.gnlc.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** The |-separated lines of the module's data files: comments (#) and blank lines skipped, text in Unicode NFC. */
final class Lines {

    record Line(int number, String[] fields) {
        String get(int i) {
            return fields[i].strip();
        }
    }

    private Lines() {
    }

    static List<Line> read(Reader reader) {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                if (n == 1 && s.startsWith("\uFEFF")) s = s.substring(1);
                if (s.isBlank() || s.stripLeading().startsWith("#")) continue;
                out.add(new Line(n, Normalizer.normalize(s, Normalizer.Form.NFC).split("\\|", -1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Reader resource(String path) {
        InputStream in = Lines.class.getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("missing resource " + path);
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static void expect(String file, Line l, int count, String kind) {
        if (l.fields().length != count) {
            throw new GnlcFileException(file, l.number(), kind, "gnlc.file.field-count", l.fields().length + " ≠ " + count);
        }
    }

    static String required(String file, Line l, int i, String field) {
        String v = l.get(i);
        if (v.isEmpty()) throw new GnlcFileException(file, l.number(), field, "gnlc.file.required", "");
        return v;
    }

    static String optional(Line l, int i) {
        String v = l.get(i);
        return v.isEmpty() ? null : v;
    }
}
