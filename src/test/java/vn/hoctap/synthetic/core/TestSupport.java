package vn.hoctap.synthetic.core;


import vn.hoctap.synthetic.core.GenerationSummary;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.SyntheticRegister;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Shared helpers for the tests. */
final class TestSupport {
    private TestSupport() {
    }

    /** A generated register held in memory (only for small sizes). */
    record Register(String units, String persons, GenerationSummary summary) {
        RegisterValidator validate(int year) {
            try {
                return new RegisterValidator().validateUnits(new StringReader(units))
                        .validatePersons(new StringReader(persons), year);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long personLines() {
            return persons.chars().filter(c -> c == '\n').count() - 1;
        }

        long unitLines() {
            return units.chars().filter(c -> c == '\n').count() - 1;
        }
    }

    static Register generate(GeneratorOptions o) {
        StringWriter u = new StringWriter();
        StringWriter p = new StringWriter();
        try {
            GenerationSummary s = SyntheticRegister.generate(o, u, p);
            return new Register(u.toString(), p.toString(), s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
