package vn.hoctap.analytics.live;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import vn.hoctap.analytics.core.ColumnarAggregates;
import vn.hoctap.analytics.core.ColumnarEngine;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import vn.hoctap.analytics.core.RegisterCounts;
import vn.hoctap.analytics.core.RegisterPrograms;
import vn.hoctap.analytics.internal.HouseholdCounts;
import vn.hoctap.register.RegisterChanged;
import vn.hoctap.register.RegisterEngine;
import vn.hoctap.register.RegisterStandards;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.Units;

/**
 * The columnar engine serving the running platform (issue 7): each data year's register is loaded from PostgreSQL
 * into a {@link ColumnarRegister} (at start, in the background, and again after an import of that year), its
 * counts are kept by {@link ColumnarAggregates}, and every edit of one person ({@link RegisterChanged} with its
 * change itemised, delivered after commit) takes the old contribution out and adds the new one. What is counted: the
 * twelve criteria of the rule file, and every program the modules declared ({@link RegisterPrograms}: the register
 * indicators of {@code indicators}, the population aged 15+ of {@code titles}), plus each commune's distinct
 * households ({@link HouseholdCounts}). The standards and the counts ({@link RegisterCounts}) are read from an
 * immutable snapshot taken after each change.
 *
 * <p>A year is not served (the register then streams from PostgreSQL, as before) when
 * {@code hoctap.analytics.engine=streaming}, or when a person of the year cannot be held (a commune that is not
 * one of the year's units, a value outside the columns' ranges). Logs only counts and sizes, never personal data.
 */
@Component
class LiveRegisterEngine implements RegisterEngine, RegisterCounts, vn.hoctap.analytics.core.RegisterExplorer {

    private static final Logger log = LoggerFactory.getLogger(LiveRegisterEngine.class);

    /** One data year: loaded lazily under its own lock; {@code snapshot} is what readers see. */
    private static final class Year {
        ColumnarAggregates aggregates;
        HouseholdCounts households;
        Units units;
        /** Commune code → households, taken with each snapshot. */
        volatile Map<String, Long> householdSnapshot;
        volatile ColumnarResult snapshot;
        volatile StandardsResult standards;
        boolean unsupported;
        volatile int loads;
        volatile int savedReads;
    }

    private final RegisterStandards register;
    private final ObjectProvider<RegisterPrograms> programSources;
    /** Every declared program by id, gathered once (at the first load, when every module's bean exists). */
    private volatile Map<String, CompiledIndicator> programs;
    private final boolean enabled;
    private final boolean preload;
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();
    /** Loads years in the background: at start (several at once, {@link #loadYears}) and again after an import. */
    private final ExecutorService loader = Executors.newFixedThreadPool(threads, new java.util.concurrent.ThreadFactory() {
        private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "columnar-register-load-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    /**
     * Years read from PostgreSQL at once: half the cores (a load keeps a Java thread and a PostgreSQL backend busy).
     * Two at once on 2 cores took 184 and 222 s for what one took in 88 s (8.7 million residents a year, issue 18), and
     * delayed the newest year; reads of saved columns are not limited.
     */
    private final java.util.concurrent.Semaphore databaseLoads = new java.util.concurrent.Semaphore(Math.max(1, threads / 2));

    /** Where each year's columns are kept between runs (null: not kept). */
    private final java.nio.file.Path snapshots;
    /** Saves the loaded years' columns again after changes, in the background ({@link #saveChangedYears}). */
    private final java.util.concurrent.ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "columnar-register-save");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicBoolean saveScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * How long after a change the columns are saved (later changes within it are saved with it), ms; saves are at
     * least six times this apart.
     */
    private final long saveDelayMs;
    private volatile int savesAfterChanges;
    /** When the columns were last saved after changes (ms since the epoch; 0: never). */
    private volatile long lastSave;

    LiveRegisterEngine(RegisterStandards register, ObjectProvider<RegisterPrograms> programSources,
                       @Value("${hoctap.analytics.engine:columnar}") String engine,
                       @Value("${hoctap.command:}") String command, @Value("${hoctap.data-dir}") String dataDir,
                       @Value("${hoctap.analytics.snapshots:true}") boolean snapshots,
                       @Value("${hoctap.analytics.snapshot-delay-ms:10000}") long saveDelayMs) {
        this.saveDelayMs = saveDelayMs;
        this.programSources = programSources;
        this.snapshots = snapshots ? java.nio.file.Path.of(dataDir).toAbsolutePath().resolve("columns") : null;
        if (!engine.equals("columnar") && !engine.equals("streaming")) {
            throw new IllegalArgumentException("hoctap.analytics.engine: '" + engine + "' — use columnar or streaming");
        }
        this.register = register;
        this.enabled = engine.equals("columnar");
        this.preload = command.isEmpty();
    }

    /** Loads every data year in the background once the application is up (not for one-off commands). */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled || !preload) {
            return;
        }
        loadYears(threads);
    }

    /**
     * Loads every data year in the background, newest first (the year pages open on), {@code parallel} years at once
     * (those read from PostgreSQL at most {@link #databaseLoads} at once): the dashboard's progress series read every
     * year, so what a user waits for after a start is the last year loaded. Three years of 8.7 million residents from
     * their saved columns took 2.0–6.3 s on 2 shared cores; two at once about 20 % less than one at a time (before issue
     * 18) in three alternating starts of each (docs/performance.md, "Three years at start"). A reader of a year not yet loaded loads it itself (or waits for
     * the loader's lock on it), as before. Completes when every year is loaded (or found unsupported).
     */
    java.util.concurrent.CompletableFuture<Void> loadYears(int parallel) {
        if (!enabled) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return java.util.concurrent.CompletableFuture.supplyAsync(register::years, loader).thenCompose(all -> {
            java.util.Queue<Integer> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(
                    all.stream().sorted(java.util.Comparator.reverseOrder()).toList());
            int n = Math.max(1, Math.min(parallel, all.size()));
            java.util.concurrent.CompletableFuture<?>[] workers = new java.util.concurrent.CompletableFuture<?>[n];
            for (int i = 0; i < n; i++) {
                workers[i] = java.util.concurrent.CompletableFuture.runAsync(() -> {
                    for (Integer y = queue.poll(); y != null; y = queue.poll()) {
                        try {
                            snapshot(y);
                        } catch (RuntimeException ex) {
                            // a reader loads it again on first use (the streaming path if it still fails)
                            log.warn("columnar register {}: not loaded at start ({})", y, ex.getClass().getSimpleName());
                        }
                    }
                }, loader);
            }
            return java.util.concurrent.CompletableFuture.allOf(workers);
        });
    }

    @PreDestroy
    void stop() {
        loader.shutdownNow();
        saver.shutdownNow();
    }

    /** Saves the loaded years' columns {@code saveDelayMs} after a change (once for every change in between). */
    private void scheduleSave() {
        if (snapshots != null && saveScheduled.compareAndSet(false, true)) {
            // at most one save every six delays, a minute by default (each writes every loaded year: 254 MB a year at
            // 8.7 million residents), however often persons are edited
            long wait = Math.max(saveDelayMs, lastSave + 6 * saveDelayMs - System.currentTimeMillis());
            saver.schedule(() -> {
                saveScheduled.set(false);
                boolean done;
                try {
                    done = saveChangedYears();
                } catch (RuntimeException | java.io.IOException ex) {
                    log.info("columnar register: columns not saved after changes ({})", ex.getClass().getSimpleName());
                    done = false;
                }
                if (!done) {
                    scheduleSave(); // a writer was open or wrote meanwhile: try again later
                }
            }, wait, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes every loaded year's columns (as changed by edits since they were loaded) to disk, labelled with the
     * database's settled state — only when that label provably describes them: the label is read with no writer
     * open and no write of this process pending (published, not yet applied), and it and the count of published
     * writes are the same again after the files were written; only then are the files renamed into place. An edit of
     * any year changes the one label, so every loaded year is written again. Returns false when it must be tried
     * again later.
     */
    boolean saveChangedYears() throws java.io.IOException {
        long generation = register.writeGeneration();
        String state = register.settledState().orElse(null);
        if (state == null) {
            return false;
        }
        long start = System.nanoTime();
        Map<Integer, java.nio.file.Path> written = new TreeMap<>();
        try {
            for (var e : new TreeMap<>(years).entrySet()) {
                Year y = e.getValue();
                synchronized (y) {
                    if (y.snapshot == null) {
                        continue; // not loaded (or being reloaded: its load saves it)
                    }
                    java.nio.file.Path pending = pendingFile(e.getKey());
                    y.aggregates.register().writeSnapshot(pending, Map.of("year", Integer.toString(e.getKey()), "state", state),
                            y.households.rowHashes(y.aggregates.register()));
                    written.put(e.getKey(), pending);
                }
            }
            if (!state.equals(register.settledState().orElse(null)) || generation != register.writeGeneration()) {
                return false; // written meanwhile: the files may not be that state
            }
            for (var e : written.entrySet()) {
                java.nio.file.Files.move(e.getValue(), snapshotFile(e.getKey()), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            int n = written.size();
            written.clear();
            savesAfterChanges++;
            lastSave = System.currentTimeMillis();
            log.info("columnar register: columns of {} year(s) saved after changes in {} ms", n,
                    (System.nanoTime() - start) / 1_000_000);
            return true;
        } finally {
            for (java.nio.file.Path p : written.values()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public StandardsResult standards(int year) {
        Year y = ready(year);
        if (y == null) {
            return null;
        }
        StandardsResult r = y.standards;
        if (r == null) {
            synchronized (y) {
                if (y.standards == null && y.snapshot != null) {
                    y.standards = y.snapshot.standards(register.rules());
                }
                r = y.standards;
            }
        }
        return r;
    }

    @Override
    public Map<String, Map<String, long[]>> counts(int year, Collection<String> ids) {
        ColumnarResult r = snapshot(year);
        if (r == null) {
            return null;
        }
        List<String> known = r.indicatorIds();
        Map<String, Map<String, long[]>> out = new LinkedHashMap<>();
        for (String id : ids) {
            int i = known.indexOf(id);
            if (i < 0) {
                return null;
            }
            Map<String, long[]> byCommune = new TreeMap<>();
            for (int ci = 0; ci < r.communeCount(); ci++) {
                if (r.persons(ci) > 0) {
                    var g = r.indicator(ci, i);
                    byCommune.put(g.group(), new long[] {Math.round(g.numerator()), Math.round(g.denominator())});
                }
            }
            out.put(id, new LinkedHashMap<>(byCommune));
        }
        return out;
    }

    /**
     * Compiles and counts the expression over the year's columns under the year's lock, so that no edit moves rows while
     * they are scanned (an edit waits for the scan, tens of milliseconds at most).
     */
    @Override
    public vn.hoctap.analytics.core.ExploreQuery.Result explore(int year, CompiledIndicator expression,
                                                           vn.hoctap.analytics.core.ExploreQuery.Breakdown breakdown,
                                                           Collection<String> communeCodes) {
        Year y = ready(year);
        if (y == null) {
            return null;
        }
        synchronized (y) {
            ColumnarAggregates a = y.aggregates;
            if (a == null) {
                return null;
            }
            return vn.hoctap.analytics.core.ExploreQuery.compile(y.units, year, expression, breakdown, communeCodes).run(a.register(), threads);
        }
    }

    @Override
    public Map<String, Long> households(int year) {
        Year y = ready(year);
        return y == null ? null : y.householdSnapshot;
    }

    /** The programs every module declared ({@link RegisterPrograms}), by id; a second declaration of an id is an error. */
    private Map<String, CompiledIndicator> programs() {
        Map<String, CompiledIndicator> p = programs;
        if (p == null) {
            Map<String, CompiledIndicator> all = new LinkedHashMap<>();
            programSources.orderedStream().forEach(src -> src.programs().forEach((id, c) -> {
                if (all.putIfAbsent(id, c) != null) {
                    throw new IllegalStateException("two register programs named " + id);
                }
            }));
            p = java.util.Collections.unmodifiableMap(all);
            programs = p;
        }
        return p;
    }

    /** Commune code → households of the communes with persons (as the streamed counts list them). */
    private static Map<String, Long> householdSnapshot(Units units, HouseholdCounts h, ColumnarResult r) {
        Map<String, Long> out = new TreeMap<>();
        for (int ci = 0; ci < units.communeCount(); ci++) {
            if (r.persons(ci) > 0) {
                out.put(units.communes().get(ci).code(), h.count(ci));
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public void changed(RegisterChanged e) {
        if (!enabled) {
            return;
        }
        Year y = years.computeIfAbsent(e.year(), k -> new Year());
        synchronized (y) {
            if (y.snapshot == null) {
                // not loaded: the next read loads the committed register; a year that could not be held is tried
                // again after an import (which may have replaced the offending rows)
                if (!e.itemised()) {
                    y.unsupported = false;
                }
                return;
            }
            if (e.itemised()) {
                try {
                    for (RegisterChanged.Change c : e.changes()) {
                        y.aggregates.apply(c.before(), c.after());
                        if (c.before() != null) {
                            y.households.remove(y.units.communeIndex(c.before().communeCode()), c.before().householdId());
                        }
                        if (c.after() != null) {
                            y.households.add(y.units.communeIndex(c.after().communeCode()), c.after().householdId());
                        }
                    }
                    y.snapshot = y.aggregates.result();
                    y.householdSnapshot = householdSnapshot(y.units, y.households, y.snapshot);
                    y.standards = null;
                    scheduleSave();
                    return;
                } catch (RuntimeException ex) {
                    // the change does not fit what is held (e.g. a load raced with the edit: IllegalArgumentException):
                    // reload the year rather than fail the write that has already committed
                    log.info("columnar register {}: change not applicable ({}), reloading the year", e.year(),
                            ex.getClass().getSimpleName());
                }
            }
            y.aggregates = null;
            y.households = null;
            y.householdSnapshot = null;
            y.snapshot = null;
            y.standards = null;
        }
        int year = e.year();
        loader.submit(() -> snapshot(year));
        scheduleSave(); // the other loaded years' files carry the label this write changed
    }

    /** The year's counts, loading it first when needed; null when the engine is off or cannot hold the year. */
    ColumnarResult snapshot(int year) {
        Year y = ready(year);
        return y == null ? null : y.snapshot;
    }

    private Year ready(int year) {
        if (!enabled) {
            return null;
        }
        Year y = years.computeIfAbsent(year, k -> new Year());
        if (y.snapshot != null) {
            return y;
        }
        synchronized (y) {
            if (y.snapshot == null && !y.unsupported) {
                load(year, y);
            }
            return y.snapshot == null ? null : y;
        }
    }

    /** Reads the year's register from PostgreSQL into columns and counts it (caller holds the year's lock). */
    private void load(int year, Year y) {
        long start = System.nanoTime();
        Units units = register.unitsFor(year);
        // the columns saved by an earlier run, when the register has not changed since (same database, same count of
        // writing statements, no writer open): read in about a second instead of every person from PostgreSQL
        String state = snapshots == null ? null : register.settledState().orElse(null);
        if (state != null) {
            ColumnarRegister.Saved saved = null;
            try {
                saved = ColumnarRegister.readSnapshot(units, snapshotFile(year), Map.of("year", Integer.toString(year), "state", state));
            } catch (java.io.IOException | RuntimeException ex) {
                log.info("columnar register {}: saved columns not readable ({}), loading from the database", year, ex.getClass().getSimpleName());
            }
            if (saved != null) {
                y.savedReads++;
                long read = System.nanoTime();
                HouseholdCounts households = HouseholdCounts.of(units.communeCount(), saved.register(), saved.households());
                long hh = System.nanoTime();
                count(year, y, saved.register(), households, start, String.format(java.util.Locale.ROOT,
                        "read from the saved columns (file %d ms, households %d ms)", (read - start) / 1_000_000, (hh - read) / 1_000_000));
                return;
            }
        }
        try {
            databaseLoads.acquire();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt(); // stopping: not loaded, a later reader tries again
            return;
        }
        try {
            // the label again: it must be read before the rows, and a write may have committed while this waited
            loadFromDatabase(year, y, units, snapshots == null ? null : register.settledState().orElse(null), System.nanoTime());
        } finally {
            databaseLoads.release();
        }
    }

    /** {@link #load} from PostgreSQL, holding a {@link #databaseLoads} permit. */
    private void loadFromDatabase(int year, Year y, Units units, String state, long start) {
        ColumnarRegister.Builder b = ColumnarRegister.builder(units, (int) Math.min(Integer.MAX_VALUE - 16, register.personCount(year)));
        long[] rejected = {0};
        // the household of each row, as a hash in row order (kept with the saved columns)
        HouseholdCounts.Hashes hh = new HouseholdCounts.Hashes();
        register.forEachPersonOfYear(year, p -> {
            if (rejected[0] > 0) {
                return;
            }
            try {
                b.add(p);
                hh.add(p.householdId());
            } catch (IllegalArgumentException ex) {
                rejected[0]++;
            }
        });
        if (rejected[0] > 0) {
            y.unsupported = true;
            log.warn("columnar register {}: a person cannot be held (commune not of the year's units or a value out of range);"
                    + " this year is computed by streaming the register", year);
            return;
        }
        ColumnarRegister reg = b.build();
        long[] householdHashes = hh.toArray();
        count(year, y, reg, HouseholdCounts.of(units.communeCount(), reg, householdHashes), start, "loaded from the database");
        // saved for the next start only when nothing was written while it was read (same settled state before and after)
        if (state != null && state.equals(register.settledState().orElse(null))) {
            long w = System.nanoTime();
            try {
                reg.writeSnapshot(snapshotFile(year), Map.of("year", Integer.toString(year), "state", state), householdHashes);
                log.info("columnar register {}: columns saved for the next start in {} ms", year, (System.nanoTime() - w) / 1_000_000);
            } catch (java.io.IOException | RuntimeException ex) {
                log.info("columnar register {}: columns not saved ({})", year, ex.getClass().getSimpleName());
            }
        } else if (snapshots != null) {
            scheduleSave(); // written while it was read (or a write was pending): saved once settled
        }
    }

    private java.nio.file.Path snapshotFile(int year) {
        return snapshots.resolve("register-" + year + ".columns");
    }

    private java.nio.file.Path pendingFile(int year) {
        return snapshots.resolve("register-" + year + ".columns.pending");
    }

    /** How many times the columns were saved after changes (for tests). */
    int savesAfterChanges() {
        return savesAfterChanges;
    }

    private void count(int year, Year y, ColumnarRegister reg, HouseholdCounts households, long start, String how) {
        Units units = reg.units();
        ColumnarAggregates agg = ColumnarEngine.of(units, year, register.rules(), programs()).aggregates(reg, threads);
        y.aggregates = agg;
        y.households = households;
        y.units = units;
        y.loads++;
        y.snapshot = agg.result();
        y.householdSnapshot = householdSnapshot(units, households, y.snapshot);
        y.standards = null;
        long ms = (System.nanoTime() - start) / 1_000_000;
        log.info("columnar register {}: {} residents {} and counted in {} ms; {} bytes of heap ({} bytes a resident)",
                year, reg.size(), how, ms, reg.heapBytes(),
                reg.size() == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", reg.heapBytes() / (double) reg.size()));
    }

    /** How many of the year's loads read the columns saved by an earlier run (for tests). */
    int savedReads(int year) {
        Year y = years.get(year);
        return y == null ? 0 : y.savedReads;
    }

    /** How many times the year was loaded from PostgreSQL (for tests: edits must not reload). */
    int loads(int year) {
        Year y = years.get(year);
        return y == null ? 0 : y.loads;
    }

    /** The heap (estimated from the arrays) of the loaded years' columns, bytes; for the benchmark. */
    long heapBytes() {
        long n = 0;
        for (Year y : years.values()) {
            ColumnarAggregates a = y.aggregates;
            if (a != null) {
                n += a.register().heapBytes();
            }
        }
        return n;
    }
}
