package vn.hoctap.register;

import java.util.List;
import java.util.Set;

import vn.hoctap.standards.core.Person;

/**
 * Published after a register write commits: the data year and the communes whose persons changed. An edit
 * itemises its change ({@link #changes()}: each person before and after), so that aggregates kept in memory can
 * take the old contribution out and add the new one; an import does not ({@code changes == null}): what it
 * touched is the whole register of {@link #communes()}.
 *
 * @param changes the changed persons ({@code before == null}: inserted, {@code after == null}: deleted), or null
 *                when the change is not itemised
 */
public record RegisterChanged(int year, Set<String> communes, List<Change> changes) {

    /** One person's change. */
    public record Change(Person before, Person after) {
    }

    /** A change that is not itemised (an import). */
    public RegisterChanged(int year, Set<String> communes) {
        this(year, communes, null);
    }

    public RegisterChanged {
        changes = changes == null ? null : List.copyOf(changes);
    }

    /** Whether {@link #changes()} lists every changed person. */
    public boolean itemised() {
        return changes != null;
    }
}
