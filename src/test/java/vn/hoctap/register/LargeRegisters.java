package vn.hoctap.register;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;

/**
 * A commune register of realistic size for the upload tests: the synthetic generator's persons of the 2025 city, all
 * moved into one commune (the third column), with a prefix on the ids so that runs and tests do not collide.
 */
public final class LargeRegisters {

    private LargeRegisters() {
    }

    /** Writes {@code persons} persons of commune {@code commune} to {@code file}; returns the file's size in bytes. */
    public static long communeRegister(Path file, String commune, int persons, String idPrefix) throws IOException {
        StringWriter units = new StringWriter();
        StringWriter all = new StringWriter(persons * 140);
        SyntheticRegister.generate(GeneratorOptions.of(persons, 20251207L, Structure.HANOI_2025), units, all);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String[] lines = all.toString().split("\n");
            out.write(lines[0]);
            out.write('\n');
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) continue;
                String[] f = lines[i].split(",", -1);
                f[0] = idPrefix + f[0];
                f[1] = idPrefix + f[1];
                f[2] = commune;
                out.write(String.join(",", f));
                out.write('\n');
            }
        }
        return Files.size(file);
    }
}
