package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.ExpressionException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One line of an indicator file: {@code id | expression | unit note}. Lines that are blank or start with {@code #}
 * are comments. The expression is everything between the first and the last {@code |}.
 */
public record ExpressionDefinition(String id, String expression, String note, int line, CompiledIndicator compiled) {

    /** The register-derived indicators of Nghị quyết 23-NQ/TU (classpath resource). */
    public static final String NQ23_RESOURCE = "/indicators/nq23-register-indicators.txt";

    public ExpressionDefinition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(compiled);
    }

    /**
     * Reads and compiles every line.
     *
     * @throws IllegalArgumentException naming the line (and wrapping the {@link ExpressionException}) when a line
     *         is malformed, an id repeats or an expression does not compile
     */
    public static List<ExpressionDefinition> read(Reader in) {
        List<ExpressionDefinition> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BufferedReader r = new BufferedReader(in);
        int lineNo = 0;
        try {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                int a = t.indexOf('|');
                int b = t.lastIndexOf('|');
                if (a < 0 || a == b) {
                    throw new IllegalArgumentException("dòng " + lineNo + ": cần 'id | biểu thức | ghi chú' / line " + lineNo
                            + ": expected 'id | expression | unit note'");
                }
                String id = t.substring(0, a).strip();
                String expr = t.substring(a + 1, b).strip();
                String note = t.substring(b + 1).strip();
                if (!ids.add(id)) {
                    throw new IllegalArgumentException("dòng " + lineNo + ": id trùng " + id + " / line " + lineNo + ": duplicate id " + id);
                }
                CompiledIndicator c;
                try {
                    c = CompiledIndicator.compile(expr);
                } catch (ExpressionException e) {
                    throw new IllegalArgumentException("dòng " + lineNo + " (" + id + ") / line " + lineNo + " (" + id + "): "
                            + e.getMessage(), e);
                }
                out.add(new ExpressionDefinition(id, expr, note, lineNo, c));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Reads {@link #NQ23_RESOURCE}. */
    public static List<ExpressionDefinition> nq23() {
        try (InputStream in = ExpressionDefinition.class.getResourceAsStream(NQ23_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + NQ23_RESOURCE);
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
