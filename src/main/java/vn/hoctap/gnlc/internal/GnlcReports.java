package vn.hoctap.gnlc.internal;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.gnlc.core.AnswerDraft;
import vn.hoctap.gnlc.core.GnlcFileException;
import vn.hoctap.gnlc.core.KeyFeatures;
import vn.hoctap.gnlc.core.Questionnaire;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;

/**
 * Báo cáo tiến độ và hồ sơ Giải thưởng: the questionnaires (versioned files the city receives from UIL, stored as
 * loaded), the bilingual answers with their state (draft → approved by the city; an edit returns an approved answer
 * to draft), drafts assembled from the evidence, and the approved report the public sees.
 */
@Service
public class GnlcReports {

    public enum Status { DRAFT, APPROVED }

    public record Answer(int number, String textVi, String textEn, Status status, String updatedBy, OffsetDateTime updatedAt,
                         String approvedBy, OffsetDateTime approvedAt) {
        public int wordsEn() {
            return AnswerDraft.words(textEn);
        }

        public int wordsVi() {
            return AnswerDraft.words(textVi);
        }
    }

    public record Summary(Questionnaire questionnaire, int answered, int approved) {
    }

    /** A questionnaire with its answers (absent answers are not in the map). */
    public record Report(Questionnaire questionnaire, Map<Integer, Answer> answers) {
    }

    /** Thrown for a refused questionnaire file, with its location. */
    public static class BadFile extends ValidationException {
        private final transient GnlcFileException cause;

        BadFile(GnlcFileException cause) {
            super(Map.of("file", cause.reasonKey()));
            this.cause = cause;
        }

        public GnlcFileException located() {
            return cause;
        }
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final GnlcFramework framework;
    private final GnlcEvidence evidence;

    GnlcReports(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, GnlcFramework framework, GnlcEvidence evidence) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.framework = framework;
        this.evidence = evidence;
    }

    Questionnaire parse(String text, String file) {
        KeyFeatures fw = framework.framework();
        return Questionnaire.parse(new StringReader(text), file, fw::hasTarget);
    }

    private Questionnaire stored(String code) {
        List<String> text = jdbc.queryForList("select file_text from gnlc_questionnaire where code = ?", String.class, code);
        if (text.isEmpty()) throw new NotFoundException("gnlc.error.not-found");
        return parse(text.get(0), code + ".txt");
    }

    public List<Summary> questionnaires() {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.READ);
        List<Summary> out = new ArrayList<>();
        for (String code : jdbc.queryForList("select code from gnlc_questionnaire order by loaded_at desc, kind desc, code", String.class)) {
            Map<Integer, Answer> a = answers(code);
            out.add(new Summary(stored(code), (int) a.values().stream().filter(x -> !x.textVi().isBlank() || !x.textEn().isBlank()).count(),
                    (int) a.values().stream().filter(x -> x.status() == Status.APPROVED).count()));
        }
        return out;
    }

    Map<Integer, Answer> answers(String code) {
        Map<Integer, Answer> out = new LinkedHashMap<>();
        jdbc.query("select * from gnlc_answer where questionnaire_code = ? order by number", rs -> {
            out.put(rs.getInt("number"), new Answer(rs.getInt("number"), rs.getString("text_vi"), rs.getString("text_en"),
                    Status.valueOf(rs.getString("status")), rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class),
                    rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class)));
        }, code);
        return out;
    }

    public Report report(String code) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.READ);
        return new Report(stored(code), answers(code));
    }

    /** The report for export (DOCX, PDF): city roles and auditors (EXPORT). */
    public Report reportForExport(String code) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.EXPORT, GnlcFramework.CITY);
        return new Report(stored(code), answers(code));
    }

    /** Loads a questionnaire file (the city received it from UIL); all or nothing, a new code each version. */
    @Transactional
    public String load(byte[] bytes, String fileName) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.WRITE, GnlcFramework.CITY);
        String text = new String(bytes, StandardCharsets.UTF_8);
        Questionnaire q;
        try {
            q = parse(text, fileName);
        } catch (GnlcFileException e) {
            throw new BadFile(e);
        }
        Integer exists = jdbc.queryForObject("select count(*) from gnlc_questionnaire where code = ?", Integer.class, q.code());
        if (exists > 0) throw ValidationException.of("file", "gnlc.error.questionnaire-exists");
        insert(q, text, guard.requireUser().username());
        audit.record("gnlc.questionnaire.load", "gnlc_questionnaire", q.code(), GnlcFramework.CITY, null,
                Map.of("code", q.code(), "version", q.version(), "questions", q.questions().size(), "sample", q.sample()),
                "Nạp bộ câu hỏi " + q.code());
        return q.code();
    }

    void insert(Questionnaire q, String text, String by) {
        jdbc.update("""
                insert into gnlc_questionnaire (code, version, kind, sample, title_vi, title_en, source, file_text, loaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                q.code(), q.version(), q.kind().name(), q.sample(), q.titleVi(), q.titleEn(), q.source(), text, by);
    }

    /**
     * Drafts an answer from the evidence of the question's areas and features (records the user sees, cooperation,
     * indicator statistics) and stores it as a draft, replacing the text.
     */
    @Transactional
    public Answer draft(String code, int number) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.WRITE, GnlcFramework.CITY);
        Questionnaire.Question q = stored(code).question(number);
        List<AnswerDraft.Source> sources = new ArrayList<>();
        List<AnswerDraft.Statistic> stats = new ArrayList<>();
        java.util.Set<String> seenIndicators = new java.util.HashSet<>();
        KeyFeatures fw = framework.framework();
        for (String target : q.targets()) {
            List<String> codes = new ArrayList<>();
            codes.add(target);
            if (fw.area(target).isPresent()) fw.featuresOf(target).forEach(f -> codes.add(f.code()));
            for (String t : codes) {
                for (GnlcEvidence.Evidence e : evidence.evidence(t)) {
                    boolean city = e.unitCode().equals(GnlcFramework.CITY);
                    sources.add(new AnswerDraft.Source(e.titleVi(), e.titleEn(), e.dateFrom(), e.owner(),
                            city ? null : e.unitName(), city ? null : e.unitName()));
                }
                for (GnlcEvidence.Cooperation c : evidence.cooperation(t)) {
                    sources.add(new AnswerDraft.Source(c.titleVi(), c.titleEn(), c.dateFrom(), c.partner(), null, null));
                }
                for (GnlcEvidence.IndicatorEvidence i : evidence.indicators(t)) {
                    if (seenIndicators.add(i.id())) stats.add(i.statistic());
                }
            }
        }
        AnswerDraft.Draft d = AnswerDraft.assemble(sources, stats);
        return save(code, number, d.vi(), d.en(), "gnlc.answer.draft");
    }

    @Transactional
    public Answer save(String code, int number, String textVi, String textEn) {
        return save(code, number, textVi, textEn, "gnlc.answer.save");
    }

    private Answer save(String code, int number, String textVi, String textEn, String action) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.WRITE, GnlcFramework.CITY);
        stored(code).question(number);
        String vi = textVi == null ? "" : java.text.Normalizer.normalize(textVi.strip(), java.text.Normalizer.Form.NFC);
        String en = textEn == null ? "" : textEn.strip();
        Answer before = answers(code).get(number);
        String by = guard.requireUser().username();
        jdbc.update("""
                insert into gnlc_answer (questionnaire_code, number, text_vi, text_en, status, updated_by, updated_at)
                values (?, ?, ?, ?, 'DRAFT', ?, now())
                on conflict (questionnaire_code, number) do update set text_vi = excluded.text_vi, text_en = excluded.text_en,
                    status = 'DRAFT', updated_by = excluded.updated_by, updated_at = now(), approved_by = null, approved_at = null""",
                code, number, vi, en, by);
        audit.record(action, "gnlc_answer", code + "#" + number, GnlcFramework.CITY, before == null ? null : state(before),
                Map.of("text_vi", vi, "text_en", en, "status", "DRAFT"), "Câu trả lời " + number + " (" + code + ")");
        return answers(code).get(number);
    }

    /** The city approves an answer: both languages written, within the word limit when one is known. */
    @Transactional
    public Answer approve(String code, int number) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.APPROVE, GnlcFramework.CITY);
        Questionnaire.Question q = stored(code).question(number);
        Answer a = answers(code).get(number);
        Map<String, String> errors = new LinkedHashMap<>();
        if (a == null || a.textVi().isBlank()) errors.put("textVi", "gnlc.error.answer-vi");
        if (a == null || a.textEn().isBlank()) errors.put("textEn", "gnlc.error.answer-en");
        if (a != null && q.wordLimit() != null && a.wordsEn() > q.wordLimit()) errors.put("textEn", "gnlc.error.word-limit");
        if (a != null && a.status() == Status.APPROVED) errors.put("status", "gnlc.error.already-approved");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        jdbc.update("update gnlc_answer set status = 'APPROVED', approved_by = ?, approved_at = now() where questionnaire_code = ? and number = ?",
                guard.requireUser().username(), code, number);
        audit.record("gnlc.answer.approve", "gnlc_answer", code + "#" + number, GnlcFramework.CITY, state(a),
                Map.of("status", "APPROVED"), "Duyệt câu trả lời " + number + " (" + code + ")");
        return answers(code).get(number);
    }

    private static Map<String, Object> state(Answer a) {
        return Map.of("text_vi", a.textVi(), "text_en", a.textEn(), "status", a.status().name());
    }

    /** The approved answers of every questionnaire that has any: what the public sees. No sign-in needed. */
    public List<Report> publicReports() {
        List<Report> out = new ArrayList<>();
        for (String code : jdbc.queryForList("""
                select q.code from gnlc_questionnaire q where exists (select 1 from gnlc_answer a
                where a.questionnaire_code = q.code and a.status = 'APPROVED') order by q.loaded_at desc, q.code""", String.class)) {
            Map<Integer, Answer> approved = new LinkedHashMap<>();
            answers(code).forEach((n, a) -> {
                if (a.status() == Status.APPROVED) approved.put(n, a);
            });
            out.add(new Report(stored(code), approved));
        }
        return out;
    }
}
