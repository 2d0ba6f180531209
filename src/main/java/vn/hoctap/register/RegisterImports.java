package vn.hoctap.register;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.register.internal.PersonColumns;
import vn.hoctap.register.internal.RegisterStore;
import vn.hoctap.platform.XlsxToCsv;
import vn.hoctap.standards.core.ImportIssue;
import vn.hoctap.standards.core.ImportReport;
import vn.hoctap.standards.core.PersonsReader;
import vn.hoctap.standards.core.Units;

/**
 * Nhập sổ phổ cập: imports a register file (CSV with , or ;, or XLSX with the same columns) for a data
 * year, all or nothing. The file is checked whole first (every bad row reported with line, column,
 * value and reason in Vietnamese and English); only a clean file is written, in one transaction that
 * replaces the register of the communes the file covers. The same file imported again changes nothing.
 * Runs as a background job whose progress the page polls.
 */
@Service
public class RegisterImports {

    private static final Logger log = LoggerFactory.getLogger(RegisterImports.class);

    public enum State { QUEUED, CONVERTING, CHECKING, SAVING, DONE, FAILED }

    /** A running or finished import; {@code progress} is 0–100. */
    public static final class Job {
        private final String id;
        private final String fileName;
        private final int year;
        private final String actor;
        private volatile State state = State.QUEUED;
        private volatile int progress;
        private volatile long rows;
        private volatile Result result;
        private volatile String failure;
        private volatile Long importId;

        Job(String fileName, int year, String actor) {
            this(UUID.randomUUID().toString(), fileName, year, actor);
        }

        private Job(String id, String fileName, int year, String actor) {
            this.id = id;
            this.fileName = fileName;
            this.year = year;
            this.actor = actor;
        }

        public String id() { return id; }
        public String fileName() { return fileName; }
        public int year() { return year; }
        public String actor() { return actor; }
        public State state() { return state; }
        public int progress() { return progress; }
        public long rows() { return rows; }
        public Result result() { return result; }
        /** A message key for a failure that is not about rows (unreadable file, database down). */
        public String failure() { return failure; }
        public boolean finished() { return state == State.DONE || state == State.FAILED; }
        /** The import it recorded (register_import.id) when it changed the register, else null. */
        public Long importId() { return importId; }
    }

    /** The outcome: either the errors (nothing written) or what changed. */
    public record Result(boolean ok, long rows, long errorCount, List<ImportIssue> errors, long warningCount,
                         List<ImportIssue> warnings, int inserted, int updated, int deleted, Set<String> communes,
                         String sha256) {
        public boolean changedNothing() {
            return ok && inserted == 0 && updated == 0 && deleted == 0;
        }

        /** The first commune of the file (for a link to its standards), or null. */
        public String firstCommune() {
            return communes.isEmpty() ? null : communes.iterator().next();
        }
    }

    private final RegisterStore store;
    private final RegisterStandards standards;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** A first import into an empty table drops and rebuilds its indexes ({@link RegisterStore#open}). */
    private final boolean rebuildIndexes;
    /** Persons go to PostgreSQL in its binary COPY form ({@link RegisterStore#open(int, boolean, boolean)}). */
    private final boolean binaryCopy;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "register-import");
        t.setDaemon(true);
        return t;
    });

    public RegisterImports(RegisterStore store, RegisterStandards standards, AccessGuard guard, AuditLog audit,
                           TransactionTemplate tx, JdbcTemplate jdbc, ApplicationEventPublisher events,
                           @org.springframework.beans.factory.annotation.Value("${hoctap.register.import.rebuild-indexes:true}") boolean rebuildIndexes,
                           @org.springframework.beans.factory.annotation.Value("${hoctap.register.import.binary-copy:true}") boolean binaryCopy) {
        this.rebuildIndexes = rebuildIndexes;
        this.binaryCopy = binaryCopy;
        this.store = store;
        this.standards = standards;
        this.guard = guard;
        this.audit = audit;
        this.tx = tx;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = Clock.system(vn.hoctap.platform.HanoiTime.ZONE);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * At start: a job still queued or running in the table was interrupted (the platform stopped or crashed during
     * the import; its transaction was rolled back by PostgreSQL, so the register is as before it): it is failed.
     */
    @jakarta.annotation.PostConstruct
    void failInterruptedJobs() {
        int n = jdbc.update("""
                update register_import_job set state = 'FAILED', failure = 'register.import.interrupted', finished_at = now()
                where state not in ('DONE', 'FAILED')""");
        if (n > 0) {
            log.warn("{} register import job(s) interrupted by a stop of the platform marked failed", n);
        }
    }

    private void recordStart(Job job) {
        jdbc.update("insert into register_import_job (id, year, file_name, actor, state) values (?, ?, ?, ?, 'QUEUED')",
                job.id(), job.year(), job.fileName(), job.actor());
    }

    private void recordState(Job job) {
        try {
            jdbc.update("""
                    update register_import_job set state = ?, failure = ?, rows = ?, errors = ?, import_id = ?,
                      finished_at = case when ? then now() end where id = ?""",
                    job.finished() ? job.state().name() : "RUNNING", job.failure(), job.rows(),
                    job.result() == null ? null : job.result().errorCount(), job.importId, job.finished(), job.id());
        } catch (RuntimeException e) {
            log.warn("register import {}: could not record its state: {}", job.id(), e.getClass().getSimpleName());
        }
    }

    /**
     * Starts importing {@code file} (which the job deletes when done) in the background, as the
     * signed-in user; returns at once.
     */
    public Job start(Path file, String fileName, int year) {
        guard.require(DataKind.PERSON_ROWS, AccessAction.WRITE);
        Job job = new Job(fileName, year, guard.requireUser().username());
        jobs.put(job.id(), job);
        recordStart(job);
        SecurityContext context = SecurityContextHolder.getContext();
        worker.submit(() -> {
            SecurityContextHolder.setContext(context);
            try {
                run(job, file);
            } finally {
                SecurityContextHolder.clearContext();
                deleteQuietly(file);
            }
        });
        return job;
    }

    /** Imports synchronously in the caller's thread and security context (command line, tests). */
    public Job importNow(Path file, String fileName, int year) {
        guard.require(DataKind.PERSON_ROWS, AccessAction.WRITE);
        Job job = new Job(fileName, year, guard.requireUser().username());
        jobs.put(job.id(), job);
        recordStart(job);
        run(job, file);
        return job;
    }

    /** The job, if it was started by the current user (or the user is an administrator). */
    public java.util.Optional<Job> job(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            job = stored(id);
        }
        if (job == null) {
            return java.util.Optional.empty();
        }
        var user = guard.requireUser();
        return user.isAdmin() || user.username().equals(job.actor()) ? java.util.Optional.of(job) : java.util.Optional.empty();
    }

    /** A job of an earlier run of the platform, as recorded (finished, or failed at start when interrupted). */
    private Job stored(String id) {
        List<Job> found = jdbc.query("select * from register_import_job where id = ?", (rs, i) -> {
            Job j = new Job(rs.getString("id"), rs.getString("file_name"), rs.getInt("year"), rs.getString("actor"));
            j.state = State.valueOf(rs.getString("state").equals("RUNNING") ? "CHECKING" : rs.getString("state"));
            j.failure = rs.getString("failure");
            j.rows = rs.getLong("rows");
            long importId = rs.getLong("import_id");
            j.importId = rs.wasNull() ? null : importId;
            return j;
        }, id);
        return found.isEmpty() ? null : found.get(0);
    }

    private void run(Job job, Path file) {
        recordState(job);
        try {
            runJob(job, file);
        } finally {
            recordState(job);
        }
    }

    private void runJob(Job job, Path file) {
        Path csv = file;
        try {
            long size = Files.size(file);
            if (isXlsx(file)) {
                job.state = State.CONVERTING;
                csv = Files.createTempFile("hoctap-register-", ".csv");
                try (InputStream in = Files.newInputStream(file)) {
                    XlsxToCsv.convert(in, csv);
                }
                size = Files.size(csv);
            }
            job.state = State.CHECKING;
            Units u = standards.unitsFor(job.year());
            // whether the user may write each commune, decided before the COPY opens (the connection then runs no
            // other statement)
            Map<String, Boolean> writable = new java.util.HashMap<>();
            for (var commune : u.communes()) {
                writable.put(commune.code(), guard.can(DataKind.PERSON_ROWS, AccessAction.WRITE, commune.code()));
            }
            final Path source = csv;
            final long total = Math.max(1, size);
            // read, check and COPY in one pass, in one transaction: PostgreSQL stores the rows while the next ones
            // are parsed; a file with errors rolls the COPY back, so nothing is written
            Result saved = tx.execute(status -> {
                Result r = readAndSave(job, u, writable, source, total);
                if (!r.ok()) {
                    status.setRollbackOnly();
                } else if (!r.changedNothing()) {
                    // published inside the transaction, delivered after commit (RegisterStandards counts it as pending
                    // from now until it is applied, so columns saved meanwhile cannot miss it)
                    events.publishEvent(new RegisterChanged(job.year(), r.communes()));
                }
                return r;
            });
            job.result = saved;
            if (saved.ok()) {
                job.progress = 100;
            }
            job.state = saved.ok() ? State.DONE : State.FAILED;
        } catch (IOException | UncheckedIOException e) {
            log.warn("register import {} could not read its file: {}", job.id(), e.getClass().getSimpleName());
            job.failure = "register.import.unreadable";
            job.state = State.FAILED;
        } catch (RuntimeException e) {
            log.error("register import {} failed", job.id(), e);
            job.failure = "register.import.failed";
            job.state = State.FAILED;
        } finally {
            if (csv != file) {
                deleteQuietly(csv);
            }
        }
    }

    private Result readAndSave(Job job, Units u, Map<String, Boolean> writable, Path csv, long total) {
        PersonsReader reader = new PersonsReader(u, clock);
        Set<String> communes = new TreeSet<>();
        List<ImportIssue> scopeErrors = new ArrayList<>();
        long[] scopeErrorCount = {0};
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ImportReport report;
        long started = System.nanoTime();
        long startedCpu = processCpuNanos();
        RegisterStore.Copy copy = store.open(job.year(), rebuildIndexes, binaryCopy);
        boolean finished = false;
        try {
            try (InputStream raw = Files.newInputStream(csv);
                 // read from the file 1 MiB at a time: one system call and one digest update a MiB instead of one per
                 // piece the parser asks for
                 InputStream in = new java.io.BufferedInputStream(new DigestInputStream(
                         new Progress(raw, n -> job.progress = (int) Math.min(95, n * 95 / total)), sha), 1 << 20)) {
                String[] lastCommune = {null};
                report = reader.read(in, job.fileName(), total, p -> {
                    job.rows++;
                    if (p.communeCode().equals(lastCommune[0])) {
                        // rows come commune by commune: the same commune as the row before was allowed and counted
                        copy.write(job.year(), p);
                        return;
                    }
                    Boolean ok = writable.get(p.communeCode());
                    if (ok == null) {
                        ok = guard.can(DataKind.PERSON_ROWS, AccessAction.WRITE, p.communeCode());
                        writable.put(p.communeCode(), ok);
                    }
                    if (!ok) {
                        scopeErrorCount[0]++;
                        if (scopeErrors.size() < ImportReport.DEFAULT_MAX_STORED) {
                            scopeErrors.add(new ImportIssue(job.fileName(), p.line(), "commune_code", p.communeCode(),
                                    "xã/phường này nằm ngoài địa bàn tài khoản của bạn",
                                    "this commune is outside the units of your account"));
                        }
                        return;
                    }
                    communes.add(p.communeCode());
                    lastCommune[0] = p.communeCode();
                    copy.write(job.year(), p);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String digest = HexFormat.of().formatHex(sha.digest());
            List<ImportIssue> errors = new ArrayList<>(report.errors());
            long errorCount = report.errorCount() + scopeErrorCount[0];
            errors.addAll(scopeErrors);
            errors.sort(java.util.Comparator.comparingLong(ImportIssue::line));
            if (errorCount > 0) {
                return new Result(false, report.rows(), errorCount, errors, report.warningCount(), report.warnings(),
                        0, 0, 0, communes, digest);
            }
            job.state = State.SAVING;
            long copied = System.nanoTime();
            long copiedCpu = processCpuNanos();
            long stored = copy.finish();
            finished = true;
            log.info("register import {}: {} rows read, checked and copied in {} ms ({} ms of this process's CPU, {} form);"
                            + " COPY ended{} in {} ms", job.id(), stored, (copied - started) / 1_000_000,
                    (copiedCpu - startedCpu) / 1_000_000, copy.binary() ? "binary" : "CSV",
                    copy.rebuildsIndexes() ? " and indexes built" : "", (System.nanoTime() - copied) / 1_000_000);
            if (copy.direct()) {
                // the year's first import: every row is new, nothing to update or delete (undoing it empties the year)
                long importId = recordImport(job, report, communes, digest, true);
                return saved(job, report, communes, digest, new RegisterStore.MergeCounts((int) stored, 0, 0), importId);
            }
            return save(job, communes, report, digest);
        } finally {
            if (!finished) {
                copy.cancel();
            }
        }
    }

    private Result save(Job job, Set<String> communes, ImportReport report, String digest) {
        // one pass over the staged and the stored rows: what is new, changed (by the rows' hashes), no longer there
        long t = System.nanoTime();
        RegisterStore.MergeCounts diff = store.diff(job.year(), communes);
        log.info("register import {}: compared with the register in {} ms ({} new, {} changed, {} gone)", job.id(),
                (System.nanoTime() - t) / 1_000_000, diff.inserted(), diff.updated(), diff.deleted());
        List<ImportIssue> moved = new ArrayList<>();
        for (String[] m : store.stagedFromOtherCommunes()) {
            if (!guard.can(DataKind.PERSON_ROWS, AccessAction.WRITE, m[1])) {
                moved.add(new ImportIssue(job.fileName(), 0, "person_id", m[0],
                        "người này đã có trong sổ của xã/phường " + m[1] + ", ngoài địa bàn của bạn",
                        "this person is already registered in commune " + m[1] + ", outside your units"));
            }
        }
        if (!moved.isEmpty()) {
            return new Result(false, report.rows(), moved.size(), moved, report.warningCount(), report.warnings(),
                    0, 0, 0, communes, digest);
        }
        if (diff.changedNothing()) {
            // the same register again: no statement writes register_person, nothing is logged or audited
            return saved(job, report, communes, digest, diff, -1);
        }
        long importId = recordImport(job, report, communes, digest, false);
        // the before-images of the persons the merge will change or delete, for the diff page and the undo
        store.keepBeforeImages(importId, job.year());
        return saved(job, report, communes, digest, store.merge(job.year(), diff), importId);
    }

    private long recordImport(Job job, ImportReport report, Set<String> communes, String digest, boolean firstOfYear) {
        Long id = jdbc.queryForObject("""
                insert into register_import (year, file_name, sha256, actor, rows, inserted, updated, deleted, communes, first_of_year)
                values (?, ?, ?, ?, ?, 0, 0, 0, ?, ?) returning id""", Long.class, job.year(), job.fileName(), digest,
                job.actor(), (int) report.rows(), String.join(",", communes), firstOfYear);
        return id;
    }

    /** Records a successful import (unless it changed nothing): the import log and the audit trail. */
    private Result saved(Job job, ImportReport report, Set<String> communes, String digest, RegisterStore.MergeCounts counts,
                         long importId) {
        if (counts.changedNothing()) {
            if (importId >= 0) {
                jdbc.update("delete from register_import where id = ?", importId);
            }
        } else {
            jdbc.update("update register_import set inserted = ?, updated = ?, deleted = ? where id = ?",
                    counts.inserted(), counts.updated(), counts.deleted(), importId);
            job.importId = importId;
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("file", job.fileName());
            after.put("sha256", digest);
            after.put("rows", report.rows());
            after.put("inserted", counts.inserted());
            after.put("updated", counts.updated());
            after.put("deleted", counts.deleted());
            after.put("communes", communes);
            after.put("import_id", importId);
            audit.record("import", "register", job.year() + ":" + digest.substring(0, 12),
                    communes.size() == 1 ? communes.iterator().next() : null, null, after,
                    "Nhập sổ phổ cập năm " + job.year() + ": " + job.fileName());
        }
        return new Result(true, report.rows(), 0, List.of(), report.warningCount(), report.warnings(),
                counts.inserted(), counts.updated(), counts.deleted(), communes, digest);
    }

    static boolean isXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** CPU time of the whole JVM (every thread, the garbage collector's too), for the import's log line; -1 if unknown. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans its temp directory
        }
    }

    /** Counts bytes read, for the progress bar. */
    private static final class Progress extends FilterInputStream {
        private final java.util.function.LongConsumer onRead;
        private long count;

        Progress(InputStream in, java.util.function.LongConsumer onRead) {
            super(in);
            this.onRead = onRead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                onRead.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                onRead.accept(count);
            }
            return n;
        }
    }
}
