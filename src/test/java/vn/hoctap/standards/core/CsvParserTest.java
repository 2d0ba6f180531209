package vn.hoctap.standards.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The CSV parser, which cuts the bytes into cells before decoding them: against texts written from known cells
 * (quoting, white space, every line break, Vietnamese letters, long enough to cross the 64 KiB buffer many times) and
 * against the JDK's own UTF-8 decoder for what is malformed.
 */
class CsvParserTest {

    private static final String[] PIECES = {"a", "Z", "0", "Đ", "ế", "ữ", "Hà Nội", "😀", ",", ";", "\"", "\n", "\r\n", "\r",
            " ", "\t", "\u00A0", "x y", "-", "'"};

    /** One record of random cells, each quoted when it must be (or at random), with white space around. */
    private static String cell(Random random) {
        StringBuilder v = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            v.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return v.toString();
    }

    private static String trim(String s) {
        int from = 0, to = s.length();
        while (from < to && " \t\u00A0".indexOf(s.charAt(from)) >= 0) from++;
        while (to > from && " \t\u00A0".indexOf(s.charAt(to - 1)) >= 0) to--;
        return s.substring(from, to);
    }

    private static String pad(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> " ";
            case 1 -> "\t ";
            default -> "";
        };
    }

    @Test
    void cellsComeBackAsTheyWereWrittenOnTheirLines() throws Exception {
        Random random = new Random(4180);
        StringBuilder text = new StringBuilder("a,b,c\n");
        List<List<String>> expected = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        long line = 2;
        while (text.length() < 400_000) {
            int width = 1 + random.nextInt(4);
            List<String> cells = new ArrayList<>();
            long breaks = 0;
            for (int i = 0; i < width; i++) {
                String v = cell(random);
                boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                        || random.nextInt(4) == 0;
                if (i > 0) text.append(',');
                if (quote) {
                    text.append(pad(random)).append('"').append(v.replace("\"", "\"\"")).append('"').append(pad(random));
                    // a quoted cell keeps its inside as it is; only the white space outside the quotes goes
                    cells.add(trim(v));
                    String counted = v.replace("\r\n", "\n").replace('\r', '\n');
                    breaks += counted.chars().filter(ch -> ch == '\n').count();
                } else {
                    text.append(pad(random)).append(v).append(pad(random));
                    cells.add(trim(v));
                }
            }
            if (cells.stream().allMatch(String::isEmpty)) {
                // a record of empty cells is skipped; keep the count of lines right all the same
                // (ended by \r\n: a lone \n after a record ended by \r would make one line break of the two)
                line += breaks + 1;
                text.append("\r\n");
                continue;
            }
            text.append(random.nextBoolean() ? "\n" : random.nextBoolean() ? "\r\n" : "\r");
            expected.add(cells);
            lines.add(line);
            line += breaks + 1;
        }
        for (int form = 0; form < 2; form++) {
            try (CsvParser p = form == 0
                    ? new CsvParser(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)))
                    : new CsvParser(new StringReader(text.toString()))) {
                assertThat(p.readHeader()).isTrue();
                assertThat(p.fields()).containsExactly("a", "b", "c");
                for (int r = 0; r < expected.size(); r++) {
                    assertThat(p.next()).as("record %d", r).isTrue();
                    assertThat(p.recordError()).as("record %d", r).isNull();
                    assertThat(p.fields()).as("record %d on line %d", r, lines.get(r)).containsExactlyElementsOf(expected.get(r));
                    assertThat(p.recordLine()).as("record %d", r).isEqualTo(lines.get(r));
                }
                assertThat(p.next()).isFalse();
            }
        }
    }

    @Test
    void aByteOrderMarkGoesAndSemicolonsAreFoundInTheHeader() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "mã;tên\n00001;Phường Ba Đình\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        try (CsvParser p = new CsvParser(new ByteArrayInputStream(all))) {
            assertThat(p.readHeader()).isTrue();
            assertThat(p.separator()).isEqualTo(';');
            assertThat(p.fields()).containsExactly("mã", "tên");
            assertThat(p.next()).isTrue();
            assertThat(p.fields()).containsExactly("00001", "Phường Ba Đình");
        }
    }

    /** Random bytes, mostly not ASCII: the parser refuses a cell exactly when the JDK's decoder calls it malformed. */
    @Test
    void malformedUtf8IsWhatTheJdkDecoderRefuses() {
        Random random = new Random(3629);
        int refused = 0;
        for (int t = 0; t < 200_000; t++) {
            byte[] b = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < b.length; i++) {
                int r = random.nextInt(10);
                b[i] = (byte) (r == 0 ? 'a' + random.nextInt(26) : r < 4 ? 0x80 + random.nextInt(0x40) : 0xC0 + random.nextInt(0x40));
            }
            boolean jdkRefuses;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
                jdkRefuses = false;
            } catch (CharacterCodingException e) {
                jdkRefuses = true;
            }
            assertThat(CsvParser.malformedAt(b, 0, b.length) >= 0).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(jdkRefuses);
            refused += jdkRefuses ? 1 : 0;
        }
        assertThat(refused).isBetween(10_000, 199_000); // both kinds were tried
    }

    @Test
    void aMalformedCellStopsTheParseAsADecodingError() throws Exception {
        byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                {(byte) 0x80}, {(byte) 0xE1, (byte) 0x80}};
        for (byte[] b : bad) {
            for (boolean quoted : new boolean[] {false, true}) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                out.writeBytes("a,b\nx,".getBytes(StandardCharsets.UTF_8));
                if (quoted) out.write('"');
                out.writeBytes(b);
                if (quoted) out.write('"');
                out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
                try (CsvParser p = new CsvParser(new ByteArrayInputStream(out.toByteArray()))) {
                    assertThat(p.readHeader()).isTrue();
                    assertThatThrownBy(p::next).isInstanceOf(CharacterCodingException.class);
                }
            }
        }
    }
}
