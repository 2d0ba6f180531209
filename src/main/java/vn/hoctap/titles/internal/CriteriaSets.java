package vn.hoctap.titles.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.titles.core.CriteriaSet;
import vn.hoctap.titles.core.CriteriaSetException;
import vn.hoctap.titles.core.CriteriaSetLoader;
import vn.hoctap.titles.core.TitleKind;

/**
 * Bộ tiêu chí đang dùng: the criteria-set versions evaluations are scored with, stored with their exact text
 * and SHA-256 (an evaluation keeps the version's row id and hash). The built-in files are copied in on first
 * use; the city administrator publishes a new version from an edited text (audited).
 */
@Service
public class CriteriaSets {

    /** One stored version. */
    public record StoredSet(long id, CriteriaSet set, String sha256, String text) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Map<Long, StoredSet> cache = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    CriteriaSets(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureBuiltIn() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            for (String name : readIndex()) {
                String text = resource(CriteriaSetLoader.RESOURCE_DIR + name);
                CriteriaSet s = CriteriaSetLoader.parse(name, text);
                jdbc.update("""
                        insert into titles_criteria_set (set_id, version, kind, title, text, sha256, unverified, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, 'built-in') on conflict (set_id, version) do nothing""",
                        s.id(), s.version(), s.kind().name(), s.title(), text, sha256(text), s.isUnverified());
            }
            loaded = true;
        }
    }

    private static List<String> readIndex() {
        return resource(CriteriaSetLoader.INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (var in = CriteriaSets.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public StoredSet get(long id) {
        ensureBuiltIn();
        return cache.computeIfAbsent(id, k -> jdbc.query("select id, set_id, text, sha256 from titles_criteria_set where id = ?",
                (rs, n) -> new StoredSet(rs.getLong("id"), CriteriaSetLoader.parse(rs.getString("set_id"), rs.getString("text")),
                        rs.getString("sha256"), rs.getString("text")), k).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("titles.error.not-found")));
    }

    /** The latest version of every set, in the order of the built-in index. */
    public List<StoredSet> latest() {
        ensureBuiltIn();
        return jdbc.queryForList("""
                select distinct on (set_id) id from titles_criteria_set order by set_id, version desc""", Long.class)
                .stream().map(this::get).sorted(java.util.Comparator.comparing((StoredSet s) -> s.set().kind())
                        .thenComparing(s -> s.set().id())).toList();
    }

    /**
     * Sets replaced by a later legal text (issue 15): kept, with every evaluation scored with them, but no longer offered
     * for new dossiers. "tt44-commune" (Thông tư 44/2014/TT-BGDĐT) → "tt25-commune" (Thông tư 25/2023/TT-BGDĐT, which
     * succeeds it: regulations-2026-12.md §3.5).
     */
    public static final Map<String, String> SUPERSEDED = Map.of("tt44-commune", "tt25-commune");

    public static boolean superseded(String setId) { return SUPERSEDED.containsKey(setId); }

    /** The latest version of every set of a title that new dossiers may use (superseded sets left out). */
    public List<StoredSet> latest(TitleKind kind) {
        return latest().stream().filter(s -> s.set().kind() == kind && !superseded(s.set().id())).toList();
    }

    public StoredSet latest(String setId) {
        return latest().stream().filter(s -> s.set().id().equals(setId)).findFirst()
                .orElseThrow(() -> new NotFoundException("titles.error.not-found"));
    }

    public List<StoredSet> versions(String setId) {
        ensureBuiltIn();
        return jdbc.queryForList("select id from titles_criteria_set where set_id = ? order by version", Long.class, setId)
                .stream().map(this::get).toList();
    }

    /**
     * Publishes a new version from an edited text (format of docs/titles.md). City administrators only; the
     * version must be above every stored version of that set. Nothing is stored when the text is invalid.
     */
    @Transactional
    public StoredSet publish(String text) {
        guard.require(DataKind.ADMINISTRATION, AccessAction.WRITE);   // criteria sets: the city administrator
        ensureBuiltIn();
        CriteriaSet s;
        try {
            s = CriteriaSetLoader.parse("bo-tieu-chi.txt", text);
        } catch (CriteriaSetException e) {
            throw new DetailedValidation("text", "titles.error.set-format", e.getMessage());
        }
        Integer max = jdbc.queryForObject("select max(version) from titles_criteria_set where set_id = ?", Integer.class, s.id());
        if (max != null && s.version() <= max) {
            throw ValidationException.of("text", "titles.error.set-version");
        }
        return store(s, text);
    }

    /**
     * Publishes the next version of a set from the structured editor: the version number is computed here
     * (one above every stored version of that set), never typed. The set id and kind cannot change. The draft
     * is written to the format of docs/titles.md and read back, so it is stored, hashed and audited exactly
     * as {@link #publish(String)} does. Nothing is stored when it is invalid.
     */
    @Transactional
    public StoredSet publishNextVersion(CriteriaSet draft) {
        guard.require(DataKind.ADMINISTRATION, AccessAction.WRITE);   // criteria sets: the city administrator
        ensureBuiltIn();
        jdbc.queryForList("select id from titles_criteria_set where set_id = ? for update", Long.class, draft.id());
        Integer max = jdbc.queryForObject("select max(version) from titles_criteria_set where set_id = ?", Integer.class, draft.id());
        if (max == null) {
            throw new NotFoundException("titles.error.not-found");
        }
        String text = vn.hoctap.titles.core.CriteriaSetWriter.write(draft, max + 1);
        CriteriaSet s;
        try {
            s = CriteriaSetLoader.parse("bo-tieu-chi.txt", text);
        } catch (CriteriaSetException e) {
            throw new DetailedValidation("text", "titles.error.set-format", e.getMessage());
        }
        return store(s, text);
    }

    private StoredSet store(CriteriaSet s, String text) {
        Long id = jdbc.queryForObject("""
                insert into titles_criteria_set (set_id, version, kind, title, text, sha256, unverified, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                s.id(), s.version(), s.kind().name(), s.title(), text, sha256(text), s.isUnverified(), guard.requireUser().username());
        audit.record("titles.criteria-set.publish", "titles_criteria_set", String.valueOf(id), "01", null,
                Map.of("set", s.key(), "sha256", sha256(text), "unverified", s.isUnverified()), "Bộ tiêu chí " + s.key());
        return get(id);
    }
}
