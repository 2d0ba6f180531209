package vn.hoctap.register;

import java.util.Set;

/**
 * Published once a {@link RegisterChanged} has been applied to every count (the columnar engine's, and the year's
 * standards result is dropped), after the write committed: what reads counts of the register (indicator values, the
 * learning titles' denominators) listens to this event, never to {@link RegisterChanged} itself, so it always sees
 * the new counts. Published outside the writer's transaction: a listener that writes opens its own.
 */
public record RegisterCountsChanged(int year, Set<String> communes) {

    public RegisterCountsChanged {
        communes = communes == null ? Set.of() : Set.copyOf(communes);
    }
}
