package vn.hoctap.analytics.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import vn.hoctap.analytics.core.ColumnarAggregates;
import vn.hoctap.analytics.core.ColumnarEngine;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import vn.hoctap.analytics.internal.RandomEdits;
import vn.hoctap.analytics.internal.SyntheticPersons;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;

/**
 * JMH microbenchmarks of the hot loops: the full recompute (1 and 2 threads) and one incremental update.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) vn.hoctap.analytics.bench.ColumnarBenchmark [persons]}
 * (see docs/performance.md). Not a test: surefire does not pick it up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ColumnarBenchmark {

    @Param({"1000000"})
    public int persons;

    ColumnarRegister register;
    ColumnarEngine engine;
    ColumnarAggregates aggregates;
    Person[] sample;
    String[] codes;
    SplittableRandom random;
    int year;

    @Setup(Level.Trial)
    public void setUp() {
        GeneratorOptions o = GeneratorOptions.of(persons, 7, Structure.HANOI_2025);
        Units units = SyntheticPersons.units(o);
        year = o.year();
        ColumnarRegister.Builder b = ColumnarRegister.builder(units, persons);
        List<Person> kept = new ArrayList<>();
        SyntheticPersons.forEach(o, units, p -> {
            b.add(p);
            if (kept.size() < 10_000 || (p.line() % 97) == 0 && kept.size() < 50_000) kept.add(p);
        });
        register = b.build();
        engine = ColumnarEngine.nq23(units, year, RuleSet.defaults());
        aggregates = engine.aggregates(register, 2);
        sample = kept.toArray(Person[]::new);
        codes = units.communes().stream().map(Unit::code).toArray(String[]::new);
        random = new SplittableRandom(1);
    }

    @Benchmark
    public ColumnarResult fullRecompute1Thread() { return engine.compute(register, 1); }

    @Benchmark
    public ColumnarResult fullRecompute2Threads() { return engine.compute(register, 2); }

    /** One update of a random person in place (the person's stored version is kept current). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void incrementalUpdate() {
        int k = random.nextInt(sample.length);
        Person before = sample[k];
        Person after = RandomEdits.mutate(before, random, year, codes);
        aggregates.apply(before, after);
        sample[k] = after;
    }

    public static void main(String[] args) throws Exception {
        OptionsBuilder o = new OptionsBuilder();
        o.include(ColumnarBenchmark.class.getSimpleName());
        if (args.length > 0) o.param("persons", args[0]);
        new Runner(o.build()).run();
    }
}
