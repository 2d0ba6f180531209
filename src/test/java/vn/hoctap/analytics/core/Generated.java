package vn.hoctap.analytics.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.hoctap.analytics.internal.SyntheticPersons;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Units;
import vn.hoctap.synthetic.core.GeneratorOptions;

/** Generated registers held in memory for the tests (cached per options). */
final class Generated {
    private Generated() { }

    record Register(Units units, List<Person> persons, int year) { }

    private static final Map<GeneratorOptions, Register> CACHE = new ConcurrentHashMap<>();

    static Register of(GeneratorOptions o) {
        return CACHE.computeIfAbsent(o, k -> {
            Units units = SyntheticPersons.units(k);
            List<Person> persons = new ArrayList<>();
            SyntheticPersons.forEach(k, units, persons::add);
            return new Register(units, List.copyOf(persons), k.year());
        });
    }
}
