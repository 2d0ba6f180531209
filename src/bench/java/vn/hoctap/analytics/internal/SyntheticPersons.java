package vn.hoctap.analytics.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.function.Consumer;
import vn.hoctap.standards.core.ImportReport;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.PersonsReader;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.UnitsReader;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.SyntheticRegister;

/** Generated registers as {@link Person}s without files: the generator writes CSV into a pipe the reader parses. */
public final class SyntheticPersons {
    private SyntheticPersons() { }

    /** The units of the options' structure. */
    public static Units units(GeneratorOptions o) {
        try {
            StringWriter u = new StringWriter();
            SyntheticRegister.generate(new GeneratorOptions(1, o.seed(), o.structure(), o.year()), u, Writer.nullWriter());
            UnitsReader.Result r = new UnitsReader().read(
                    new java.io.ByteArrayInputStream(u.toString().getBytes(StandardCharsets.UTF_8)), "units.csv");
            if (!r.ok()) throw new IllegalStateException(r.report().format());
            return r.units();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Generates the persons and hands each to {@code sink} (streaming; nothing is kept). */
    public static void forEach(GeneratorOptions o, Units units, Consumer<Person> sink) {
        try (PipedInputStream in = new PipedInputStream(1 << 20)) {
            PipedOutputStream out = new PipedOutputStream(in);
            Throwable[] failure = new Throwable[1];
            Thread gen = new Thread(() -> {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                    SyntheticRegister.generate(o, Writer.nullWriter(), w);
                } catch (Throwable e) {
                    failure[0] = e;
                }
            }, "synthetic-generator");
            gen.start();
            ImportReport r = new PersonsReader(units, Year.of(Math.max(Year.now().getValue(), o.year())), 20).read((InputStream) in, "persons.csv", sink);
            gen.join();
            if (failure[0] != null) throw new IllegalStateException("generator failed", failure[0]);
            if (!r.ok()) throw new IllegalStateException(r.format());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads a persons CSV file (e.g. a cached generated register) and hands each person to {@code sink}. */
    public static void forEach(java.nio.file.Path csv, Units units, int year, Consumer<Person> sink) {
        try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(csv), 1 << 16)) {
            ImportReport r = new PersonsReader(units, Year.of(Math.max(Year.now().getValue(), year)), 20).read(in, csv.getFileName().toString(), sink);
            if (!r.ok()) throw new IllegalStateException(r.format());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads a units text (for tests). */
    public static Units units(String csv) {
        UnitsReader.Result r = new UnitsReader().read(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "units.csv");
        if (!r.ok()) throw new IllegalStateException(r.report().format());
        return r.units();
    }

}
