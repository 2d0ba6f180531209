package vn.hoctap.analytics.core;

import java.util.Objects;
import vn.hoctap.analytics.internal.Columns;
import vn.hoctap.standards.core.Person;

/**
 * Counts kept exact under single-person changes: {@link #apply} takes the old row's contribution out, changes
 * the register, and adds the new row's, evaluating the same column program on that one row as the full pass
 * does on all of them. Not thread-safe (one writer; take {@link #result()} snapshots for readers).
 */
public final class ColumnarAggregates {
    private final ColumnarEngine engine;
    private final ColumnarRegister register;
    private final long[] counts;

    ColumnarAggregates(ColumnarEngine engine, ColumnarRegister register, long[] counts) {
        this.engine = engine;
        this.register = register;
        this.counts = counts;
    }

    public ColumnarRegister register() { return register; }

    public int year() { return engine.year(); }

    /**
     * One change: insert ({@code before == null}), delete ({@code after == null}) or update. For an update or a
     * delete, {@code before} must be the person as currently stored (checked). An update that keeps the
     * person_id rewrites the row in place; one that changes it is a delete and an insert.
     * @throws IllegalArgumentException when {@code before} is not stored as given, or {@code after}'s commune or
     *         values cannot be stored (nothing is changed then)
     */
    public void apply(Person before, Person after) {
        if (before == null && after == null) return;
        Columns c = register.columns;
        var program = engine.plan().program();
        int afterCommune = after == null ? -1 : ColumnarRegister.ordinal(register.units(), after);
        if (after != null) Columns.encode(after); // validates ranges before anything changes
        int row = -1;
        if (before != null) {
            row = c.find(before.personId());
            if (row < 0) throw new IllegalArgumentException("person " + before.personId() + " is not in the register");
            int bc = register.units().communeIndex(before.communeCode());
            if (bc < 0 || !c.matches(row, before, bc)) {
                throw new IllegalArgumentException("person " + before.personId() + ": 'before' differs from the stored row");
            }
        }
        // An insert must bring a new person_id (ids are unique in the register, as the import enforces); it is
        // not re-checked here because the index only holds hashes (an equal hash goes to the exact overflow).
        if (row >= 0) program.run(c, row, row + 1, counts, -1);
        if (before != null && after != null && Objects.equals(before.personId(), after.personId())) {
            c.overwrite(row, after, afterCommune);
            program.run(c, row, row + 1, counts, 1);
            return;
        }
        if (before != null) c.remove(row, before.personId());
        if (after != null) {
            int r = c.append(after, afterCommune);
            program.run(c, r, r + 1, counts, 1);
        }
    }

    /** A snapshot of the counts. */
    public ColumnarResult result() { return new ColumnarResult(engine.plan(), counts.clone()); }
}
