package vn.hoctap.synthetic.core;


import vn.hoctap.synthetic.core.GenerationSummary;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The generator streams: 2 million persons (about 250 MB of UTF-8, twice that as Java chars) go through
 * a counting stream that discards them, under the surefire heap of 384 MB (see pom.xml).
 */
class StreamingTest {

    static final class CountingOutputStream extends OutputStream {
        long bytes;
        long newlines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                newlines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    newlines++;
                }
            }
        }
    }

    @Test
    void twoMillionPersonsStreamThroughASmallHeap() throws Exception {
        long n = 2_000_000;
        CountingOutputStream units = new CountingOutputStream();
        CountingOutputStream persons = new CountingOutputStream();
        long[] last = {0};
        long[] calls = {0};
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long baseline = rt.totalMemory() - rt.freeMemory();
        long[] peakLive = {0};
        try (Writer u = new BufferedWriter(new OutputStreamWriter(units, StandardCharsets.UTF_8));
             Writer p = new BufferedWriter(new OutputStreamWriter(persons, StandardCharsets.UTF_8), 1 << 16)) {
            GenerationSummary s = SyntheticRegister.generate(GeneratorOptions.of(n, 11, Structure.HANOI_2024), u, p,
                    (done, total) -> {
                        assertThat(done).isGreaterThan(last[0]).isLessThanOrEqualTo(total);
                        last[0] = done;
                        // every 250,000 persons, the memory still live after a full collection
                        if (done - calls[0] >= 250_000) {
                            calls[0] = done;
                            System.gc();
                            peakLive[0] = Math.max(peakLive[0], rt.totalMemory() - rt.freeMemory() - baseline);
                        }
                    });
            assertThat(s.persons()).isEqualTo(n);
        }
        assertThat(last[0]).isEqualTo(n);
        assertThat(persons.newlines).isEqualTo(n + 1);
        assertThat(units.newlines).isEqualTo(611);
        // ~250 MB of output, while what stays live during generation is a few MB: nothing is retained
        assertThat(persons.bytes).isGreaterThan(200_000_000L);
        assertThat(peakLive[0]).isLessThan(64L << 20);
    }
}
