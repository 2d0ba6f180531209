package vn.hoctap.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.register.internal.RegisterStore;
import vn.hoctap.standards.Criterion;
import vn.hoctap.standards.Person;
import vn.hoctap.standards.RuleSet;
import vn.hoctap.standards.StandardsEngine;
import vn.hoctap.standards.StandardsResult;
import vn.hoctap.standards.Units;
import vn.hoctap.units.UnitDirectory;

/**
 * Chuẩn phổ cập giáo dục, xóa mù chữ (Nghị định 20/2014/NĐ-CP) computed from the register in the
 * database with the pure {@link StandardsEngine}, per data year. A year's result is kept until the
 * register of that year changes ({@link RegisterChanged}), so pages are instant and never stale.
 *
 * <p>When a {@link RegisterEngine} is present (the columnar engine of module {@code analytics}) the result and the
 * register-indicator counts come from it, kept current edit by edit; otherwise, and as the baseline
 * ({@link #resultStreaming}), the year's register is streamed from PostgreSQL through the engine's accumulator.
 */
@Service
public class RegisterStandards {

    private final RegisterStore store;
    private final UnitDirectory units;
    private final AccessGuard guard;
    private final JdbcTemplate jdbc;
    private final RuleSet rules = RuleSet.defaults();
    private final Map<Integer, StandardsResult> cache = new ConcurrentHashMap<>();
    private final ObjectProvider<RegisterEngine> engine;
    private volatile List<Integer> years;
    private final java.util.concurrent.atomic.AtomicLong yearsGeneration = new java.util.concurrent.atomic.AtomicLong();

    public RegisterStandards(RegisterStore store, UnitDirectory units, AccessGuard guard, JdbcTemplate jdbc,
                             ObjectProvider<RegisterEngine> engine) {
        this.store = store;
        this.units = units;
        this.guard = guard;
        this.jdbc = jdbc;
        this.engine = engine;
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * The data years with a register, kept until the next {@link RegisterChanged} (the dashboard asks for them
     * many times a request; each would otherwise scan the register table).
     */
    public List<Integer> years() {
        List<Integer> y = years;
        if (y == null) {
            long gen = yearsGeneration.get();
            y = List.copyOf(store.years());
            if (yearsGeneration.get() == gen) {
                years = y;
            }
        }
        return y;
    }

    public Units unitsFor(int year) {
        return RegisterUnits.forYear(units.history(), year, disadvantaged(year));
    }

    /** The whole year's result (the caller shows only what the user may read). */
    public StandardsResult result(int year) {
        return cache.computeIfAbsent(year, y -> {
            RegisterEngine e = engine.getIfAvailable();
            StandardsResult r = e == null ? null : e.standards(y);
            return r != null ? r : resultStreaming(y);
        });
    }

    /**
     * The year's result streamed from PostgreSQL through {@link StandardsEngine.Accumulator}, never cached: the
     * baseline the {@link RegisterEngine} must equal (persons of communes that are not the year's are skipped).
     */
    public StandardsResult resultStreaming(int year) {
        Units u = unitsFor(year);
        StandardsEngine.Accumulator acc = new StandardsEngine(u, rules, year).newAccumulator();
        store.forEach(year, null, p -> {
            if (u.communeIndex(p.communeCode()) >= 0) {
                acc.accept(p);
            }
        });
        return acc.result();
    }

    /**
     * The counts of register indicators from the {@link RegisterEngine}, or null when there is none or it does not
     * serve the year (the caller then streams {@link #forEachPersonOfYear}).
     * @see RegisterEngine#indicators
     */
    public Map<String, Map<String, long[]>> indicatorCounts(int year, java.util.Collection<String> ids) {
        RegisterEngine e = engine.getIfAvailable();
        return e == null ? null : e.indicators(year, ids);
    }

    /** Persons in a year's register. */
    public long personCount(int year) {
        return store.count(year);
    }

    /**
     * After the write committed (or at once when published outside a transaction, as an import does): the engine
     * applies the change first, then the year's result is dropped, so that no stale result can be cached again.
     * Runs before the indicators' listener (order 0).
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(0)
    void registerChanged(RegisterChanged e) {
        RegisterEngine en = engine.getIfAvailable();
        try {
            if (en != null) {
                en.changed(e);
            }
        } finally {
            if (mayChangeYears(e)) {
                yearsGeneration.incrementAndGet();
                years = null;
            }
            cache.remove(e.year());
        }
    }

    /** An import may add or empty a year; an edit of a person (before and after) cannot. */
    private static boolean mayChangeYears(RegisterChanged e) {
        return !e.itemised() || e.changes().stream().anyMatch(c -> c.before() == null || c.after() == null);
    }

    /**
     * The persons of a commune counted in a criterion's denominator who do not meet it: those to follow
     * up (for example the 11-year-olds who have not completed primary school). Scoped to the user's units.
     */
    public List<Person> shortfall(int year, String communeCode, Criterion criterion) {
        guard.requireForYear(DataKind.PERSON_ROWS, AccessAction.READ, communeCode, year);
        Units u = unitsFor(year);
        StandardsEngine engine = new StandardsEngine(u, rules, year);
        List<Person> out = new ArrayList<>();
        store.forEach(year, Set.of(communeCode), p -> {
            if (engine.counts(p, criterion) && !engine.meets(p, criterion)) {
                out.add(p);
            }
        });
        return out;
    }

    /**
     * Streams every person of a year's register, for aggregate computations (indicators) whose results
     * the caller shows only for the user's units. Not for listing persons.
     */
    public void forEachPersonOfYear(int year, java.util.function.Consumer<Person> sink) {
        store.forEach(year, null, sink);
    }

    /**
     * Streams the persons of one commune of a year's register, for an aggregate export of the commune (the per-age
     * tables): the caller must write counts only, never the rows (UNIT_AGGREGATES × EXPORT).
     */
    public void forEachPerson(int year, String communeCode, java.util.function.Consumer<Person> sink) {
        guard.requireForYear(DataKind.UNIT_AGGREGATES, AccessAction.EXPORT, communeCode, year);
        store.forEach(year, Set.of(communeCode), sink);
    }

    /**
     * Trạng thái sổ trong cơ sở dữ liệu: a label of the register's state in the database (the database's own id and the
     * count of writing statements on {@code register_person}, kept by a statement trigger, V130), or empty while a
     * transaction that wrote the register is still open (its state is not settled). Two equal labels, with no writer
     * open either time, mean no person was added, changed or removed in between; used to decide whether columns
     * saved on disk still describe the register (issue 18, item 1).
     */
    public java.util.Optional<String> settledState() {
        Integer writers = jdbc.queryForObject("""
                select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                where c.relname = 'register_person' and l.pid <> pg_backend_pid()
                  and l.mode in ('RowExclusiveLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')""", Integer.class);
        if (writers != null && writers > 0) {
            return java.util.Optional.empty();
        }
        String state = jdbc.queryForObject("""
                select i.id::text || ':' || s.last_value || ':' || s.is_called
                from register_state_instance i, register_change_seq s""", String.class);
        return java.util.Optional.ofNullable(state);
    }

    Set<String> disadvantaged(int year) {
        return new java.util.TreeSet<>(jdbc.queryForList("select code from commune_disadvantaged where year = ?", String.class, year));
    }
}
