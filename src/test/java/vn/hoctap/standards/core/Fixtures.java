package vn.hoctap.standards.core;


import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test helpers: small unit structures and populations built by age. Data year {@link #Y}. */
final class Fixtures {
    static final int Y = 2025;

    private Fixtures() { }

    /** City 01 with one ordinary commune 00001 and one disadvantaged commune 00002 directly under it. */
    static Units oneCity() {
        return Units.of(List.of(Unit.city("01", "Thành phố"), Unit.commune("00001", "Xã Thường", "01", false),
                Unit.commune("00002", "Xã ĐBKK", "01", true)));
    }

    /** A population being built for one commune. */
    static final class Pop {
        final List<Person> persons = new ArrayList<>();
        private int next;

        /** Adds {@code count} persons of age {@code age} in {@code commune}, customised by {@code f}. */
        Pop add(String commune, int count, int age, UnaryOperator<Person.Builder> f) {
            for (int i = 0; i < count; i++) {
                persons.add(f.apply(Person.builder("p" + (next++), commune, Y - age)).build());
            }
            return this;
        }

        Pop add(String commune, int count, int age) { return add(commune, count, age, b -> b); }

        StandardsResult run(Units units) { return run(units, RuleSet.defaults()); }

        StandardsResult run(Units units, RuleSet rules) {
            return StandardsEngine.compute(units, persons.stream(), Y, rules);
        }
    }

    static Pop pop() { return new Pop(); }

    static Person.Builder literate2(Person.Builder b) { return b.highestGradeCompleted(9); }

    static Person.Builder illiterate(Person.Builder b) { return b.highestGradeCompleted(0); }
}
