package vn.hoctap.standards.core.expression;

import vn.hoctap.standards.core.Person;

/** A compiled condition: whether a person meets it in data year {@code year}. */
@FunctionalInterface
public interface PersonTest {
    boolean test(Person p, int year);
}
