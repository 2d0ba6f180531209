package vn.hoctap.register;

import java.util.Set;

/** Published after a register write commits: the data year and the communes whose persons changed. */
public record RegisterChanged(int year, Set<String> communes) {
}
