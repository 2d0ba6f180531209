package vn.hoctap.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.register.internal.RegisterStore;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Units;
import vn.hoctap.units.UnitDirectory;

/**
 * Chuẩn phổ cập giáo dục, xóa mù chữ (Nghị định 20/2014/NĐ-CP) computed from the register in the
 * database with the pure {@link StandardsEngine}, per data year. A year's result is kept until the
 * register of that year changes ({@link RegisterChanged}), so pages are instant and never stale.
 *
 * <p>When a {@link RegisterEngine} is present (the columnar engine of module {@code analytics}) the result comes from
 * it, kept current edit by edit; otherwise, and as the baseline
 * ({@link #resultStreaming}), the year's register is streamed from PostgreSQL through the engine's accumulator.
 */
@Service
public class RegisterStandards {

    private final RegisterStore store;
    private final UnitDirectory units;
    private final AccessGuard guard;
    private final JdbcTemplate jdbc;
    private final RuleSet rules = RuleSet.defaults();
    /** Each data year's result until a {@link RegisterChanged} of that year (Caffeine; a few years at most). */
    private final Cache<Integer, StandardsResult> cache = Caffeine.newBuilder().maximumSize(16).build();
    private final ObjectProvider<RegisterEngine> engine;
    private final ApplicationEventPublisher events;
    /**
     * The data years with a register (one entry), dropped by a {@link RegisterChanged} that may add or empty a year.
     * An invalidation while the list is loading waits for the load and drops its value, so no stale list stays.
     */
    private final Cache<Boolean, List<Integer>> years = Caffeine.newBuilder().build();

    public RegisterStandards(RegisterStore store, UnitDirectory units, AccessGuard guard, JdbcTemplate jdbc,
                             ObjectProvider<RegisterEngine> engine, ApplicationEventPublisher events) {
        this.events = events;
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
        return years.get(Boolean.TRUE, k -> List.copyOf(store.years()));
    }

    public Units unitsFor(int year) {
        return RegisterUnits.forYear(units.history(), year, disadvantaged(year));
    }

    /** The whole year's result (the caller shows only what the user may read). */
    public StandardsResult result(int year) {
        return cache.get(year, y -> {
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

    /** Persons in a year's register. */
    public long personCount(int year) {
        return store.count(year);
    }

    /**
     * The one listener of {@link RegisterChanged}, after the write committed (or at once when published outside a
     * transaction, as an import does): the engine applies the change, the year's result is dropped (so that no stale
     * result can be cached again), and then {@link RegisterCountsChanged} tells everything that reads counts.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void registerChanged(RegisterChanged e) {
        RegisterEngine en = engine.getIfAvailable();
        try {
            try {
                if (en != null) {
                    en.changed(e);
                }
            } finally {
                writesSettled.incrementAndGet();
            }
        } finally {
            if (mayChangeYears(e)) {
                years.invalidateAll();
            }
            cache.invalidate(e.year());
            // also when the engine failed: readers must drop what they hold (the engine reloads the year)
            events.publishEvent(new RegisterCountsChanged(e.year(), e.communes()));
        }
    }

    /** {@link RegisterChanged} events published (every writer of the register publishes one inside its transaction). */
    private final java.util.concurrent.atomic.AtomicLong writesPublished = new java.util.concurrent.atomic.AtomicLong();
    /** Of those, the ones applied after commit ({@link #registerChanged}) or whose transaction rolled back. */
    private final java.util.concurrent.atomic.AtomicLong writesSettled = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Counts a {@link RegisterChanged} when it is published, inside the writer's transaction: until it has been
     * applied after commit (or the transaction rolled back), the register in the database may be ahead of what this
     * process holds, so {@link #settledState()} answers empty.
     */
    @org.springframework.context.event.EventListener
    void registerChangePublished(RegisterChanged e) {
        writesPublished.incrementAndGet();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            if (status != STATUS_COMMITTED) {
                                writesSettled.incrementAndGet(); // rolled back: registerChanged will not run
                            }
                        }
                    });
        }
    }

    /**
     * How many {@link RegisterChanged} events were published so far: equal before and after a piece of work (with
     * {@link #settledState()} equal too) means no write of this process happened in between.
     */
    public long writeGeneration() {
        return writesPublished.get();
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
        if (writesPublished.get() != writesSettled.get()) {
            return java.util.Optional.empty(); // a write of this process committed (or is open) and is not applied yet
        }
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
