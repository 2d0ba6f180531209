package vn.hoctap.learning;

import vn.hoctap.platform.ReportText;
import vn.hoctap.platform.ReportPdf;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.Accounts;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.Grant;
import vn.hoctap.accounts.Role;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.FileTypes;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.PdfTables;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.platform.VietnameseText;

/**
 * Hồ sơ học tập suốt đời: every course, class, certificate and qualification of a person after school, by the
 * register's pseudonymous person id (no name is stored). Verified entries come from centres and organisations,
 * self-declared ones from the citizen with an evidence file. Access (one {@code AccessMatrix} row,
 * {@link DataKind#LEARNING_RECORD}): a citizen reads, exports and declares on their own record (the account is
 * linked to one person id by an officer); a centre officer or organisation user touches only the entries their
 * organisation provided; commune and city officers the entries of their communes.
 */
@Service
public class LearningRecord {

    public static final List<String> TOPICS = List.of("literacy", "post_literacy", "vocational", "digital", "legal", "health",
            "agriculture", "language", "life_skills", "other");
    public static final List<String> KINDS = List.of("course", "class", "certificate", "qualification");

    /** A verified entry to write (from a centre's closed course or an organisation). */
    public record NewEntry(String personId, String communeCode, String title, String kind, String topic, String provider,
                           Long providerOrgId, LocalDate startDate, LocalDate endDate, BigDecimal hours, Long courseId) {
    }

    /** Hours and courses of a person in a year, for the learning titles' automatic criteria. */
    public record YearSummary(int year, int courses, BigDecimal hours, int verifiedCourses) {
    }

    static final RowMapper<LearningEntry> MAPPER = (rs, i) -> new LearningEntry(rs.getLong("id"), rs.getString("person_id"),
            rs.getString("commune_code"), rs.getString("title"), rs.getString("kind"), rs.getString("topic"), rs.getString("provider"),
            (Long) rs.getObject("provider_org_id"), rs.getDate("start_date").toLocalDate(),
            rs.getDate("end_date") == null ? null : rs.getDate("end_date").toLocalDate(), rs.getBigDecimal("hours"),
            rs.getString("status"), rs.getString("evidence_name"), (Long) rs.getObject("course_id"));
    static final String COLUMNS = "id, person_id, commune_code, title, kind, topic, provider, provider_org_id, start_date, end_date, hours,"
            + " status, evidence_name, course_id";

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Accounts accounts;
    private final ProviderMembership providers;
    private final vn.hoctap.indicators.IndicatorValues indicators;
    private final SecureRandom random = new SecureRandom();
    private final org.springframework.beans.factory.ObjectProvider<CredentialSigner> signers;

    public LearningRecord(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, Accounts accounts, ProviderMembership providers,
                          vn.hoctap.indicators.IndicatorValues indicators,
                          org.springframework.beans.factory.ObjectProvider<CredentialSigner> signers) {
        this.signers = signers;
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.accounts = accounts;
        this.providers = providers;
    }

    /** The person id the signed-in citizen's account is linked to. */
    public Optional<String> ownPersonId() {
        CurrentUser u = guard.requireUser();
        return jdbc.queryForList("select person_id from learning_citizen_link where username = ?", String.class, u.username())
                .stream().findFirst();
    }

    private Optional<String> linkedCommune(String personId) {
        return jdbc.queryForList("select commune_code from learning_citizen_link where person_id = ?", String.class, personId)
                .stream().findFirst();
    }

    /** Links a citizen account to a register person id (commune or city officers of the commune); audited. */
    @Transactional
    public void linkCitizen(String username, String personId, String communeCode) {
        if (communeCode == null || communeCode.isBlank()) throw ValidationException.of("commune_code", "learning.error.commune");
        guard.require(DataKind.LEARNING_RECORD, AccessAction.WRITE, communeCode);
        guard.requireOwnOrScope(guard.grant(DataKind.LEARNING_RECORD, AccessAction.WRITE), false);
        var account = accounts.findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> ValidationException.of("username", "learning.error.user"));
        if (account.user().role() != Role.CITIZEN) throw ValidationException.of("username", "learning.error.user");
        String pid = personId == null ? "" : personId.strip();
        if (pid.isEmpty() || pid.length() > 100) throw ValidationException.of("person_id", "learning.error.person");
        jdbc.update("delete from learning_citizen_link where username = ? or person_id = ?", account.user().username(), pid);
        jdbc.update("insert into learning_citizen_link (username, person_id, commune_code) values (?, ?, ?)",
                account.user().username(), pid, communeCode);
        audit.record("link", "learning_citizen_link", account.user().username(), communeCode, null, Map.of("person_id", pid),
                "Gắn tài khoản công dân với hồ sơ học tập");
    }

    /** The entries of a person the user may read, newest first. */
    public List<LearningEntry> entries(String personId) {
        Grant g = guard.require(DataKind.LEARNING_RECORD, AccessAction.READ);
        List<LearningEntry> all = jdbc.query("select " + COLUMNS + " from learning_entry where person_id = ? order by start_date desc, id desc",
                MAPPER, personId);
        return visible(g, personId, all);
    }

    private List<LearningEntry> visible(Grant g, String personId, List<LearningEntry> all) {
        CurrentUser u = guard.requireUser();
        if (g == Grant.SCOPE) {
            return all.stream().filter(e -> guard.canRead(e.communeCode())).toList();
        }
        if (u.role() == Role.CITIZEN) {
            if (!ownPersonId().map(personId::equals).orElse(false)) throw new AccessDeniedException("not the citizen's own record");
            return all;
        }
        Long org = providers.providerOf(u.username()).orElseThrow(() -> new AccessDeniedException("no provider organisation"));
        return all.stream().filter(e -> org.equals(e.providerOrgId())).toList();
    }

    /** The signed-in citizen's own record. */
    public List<LearningEntry> ownEntries() {
        String pid = ownPersonId().orElseThrow(() -> new NotFoundException("learning.error.no-link", 0));
        return entries(pid);
    }

    /** Writes a verified entry (a centre's closed course, an organisation's course); the provider must be the user's own. */
    @Transactional
    public long recordVerified(NewEntry e) {
        Grant g = guard.require(DataKind.LEARNING_RECORD, AccessAction.WRITE, e.communeCode());
        CurrentUser u = guard.requireUser();
        if (g == Grant.OWN) {
            boolean own = u.role() != Role.CITIZEN && e.providerOrgId() != null
                    && providers.providerOf(u.username()).map(e.providerOrgId()::equals).orElse(false);
            guard.requireOwnOrScope(g, own);
        }
        check(e.title(), e.kind(), e.topic(), e.startDate(), e.endDate(), e.hours());
        Long id = jdbc.queryForObject("""
                insert into learning_entry (person_id, commune_code, title, kind, topic, provider, provider_org_id, start_date, end_date,
                hours, status, course_id, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'verified', ?, ?)
                on conflict (course_id, person_id) do update set hours = excluded.hours, end_date = excluded.end_date
                returning id""", Long.class, e.personId(), e.communeCode(), VietnameseText.nfc(e.title()), e.kind(), e.topic(),
                VietnameseText.nfc(e.provider()), e.providerOrgId(), e.startDate(), e.endDate(), e.hours(), e.courseId(), u.username());
        audit.record("create", "learning_entry", String.valueOf(id), e.communeCode(), null,
                Map.of("title", e.title(), "hours", e.hours().toPlainString(), "status", "verified"), "Ghi hồ sơ học tập");
        return id;
    }

    /** A citizen declares a course or certificate of their own, with an evidence file (PDF, JPEG or PNG, ≤ 5 MB). */
    @Transactional
    public long declare(String title, String kind, String topic, String provider, LocalDate start, LocalDate end, BigDecimal hours,
                        String evidenceName, String evidenceType, byte[] evidence) {
        CurrentUser u = guard.requireUser();
        Grant g = guard.require(DataKind.LEARNING_RECORD, AccessAction.WRITE);
        String pid = u.role() == Role.CITIZEN ? ownPersonId().orElseThrow(() -> new NotFoundException("learning.error.no-link", 0)) : null;
        guard.requireOwnOrScope(g, pid != null);
        String commune = linkedCommune(pid).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            check(title, kind, topic, start, end, hours);
        } catch (ValidationException ex) {
            errors.putAll(ex.errors());
        }
        if (provider == null || provider.isBlank() || provider.length() > 200) errors.put("provider", "learning.error.provider");
        if (evidence == null || evidence.length == 0) {
            errors.put("evidence", "learning.error.evidence");
        } else if (evidence.length > 5 * 1024 * 1024) {
            errors.put("evidence", "learning.error.evidence-type");
        } else {
            // the real type from the content (Apache Tika), which must be the declared type and the extension's
            try {
                FileTypes.require("evidence", evidence, evidenceType, evidenceName, EVIDENCE_TYPES, "learning.error.evidence-type");
            } catch (ValidationException ex) {
                errors.putAll(ex.errors());
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Long id = jdbc.queryForObject("""
                insert into learning_entry (person_id, commune_code, title, kind, topic, provider, start_date, end_date, hours, status,
                evidence_name, evidence, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'self_declared', ?, ?, ?) returning id""", Long.class,
                pid, commune, VietnameseText.nfc(title.strip()), kind, topic, VietnameseText.nfc(provider.strip()), start, end, hours,
                evidenceName == null ? "minh-chung" : evidenceName, evidence, u.username());
        audit.record("declare", "learning_entry", String.valueOf(id), commune, null,
                Map.of("title", title.strip(), "status", "self_declared"), "Công dân tự khai hồ sơ học tập");
        return id;
    }

    /** What a self-declared evidence file may be, judged from its bytes. */
    static final List<String> EVIDENCE_TYPES = List.of("application/pdf", "image/jpeg", "image/png");

    static void check(String title, String kind, String topic, LocalDate start, LocalDate end, BigDecimal hours) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title == null || title.isBlank() || title.length() > 200) errors.put("title", "learning.error.title");
        if (!KINDS.contains(kind)) errors.put("kind", "learning.error.kind");
        if (!TOPICS.contains(topic)) errors.put("topic", "learning.error.topic");
        if (start == null) errors.put("start_date", "learning.error.date");
        if (start != null && end != null && end.isBefore(start)) errors.put("end_date", "learning.error.end");
        if (start != null && start.isAfter(HanoiTime.today())) errors.put("start_date", "learning.error.future");
        if (hours == null || hours.signum() < 0 || hours.compareTo(new BigDecimal("10000")) > 0) errors.put("hours", "learning.error.hours");
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    /** Hours and courses of a person's record that started in a year (no rows leave: aggregates for the titles). */
    public YearSummary summary(String personId, int year) {
        Map<String, Object> m = jdbc.queryForMap("""
                select count(*) n, coalesce(sum(hours), 0) h, count(*) filter (where status = 'verified') v from learning_entry
                where person_id = ? and start_date >= ? and start_date < ?""", personId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        return new YearSummary(year, ((Number) m.get("n")).intValue(), (BigDecimal) m.get("h"), ((Number) m.get("v")).intValue());
    }

    // ---- share link ----

    /** Creates a share link for the citizen's own record, valid 90 days; only the token's SHA-256 is stored. */
    @Transactional
    public String share() {
        guard.require(DataKind.LEARNING_RECORD, AccessAction.EXPORT);
        String pid = ownPersonId().orElseThrow(() -> new AccessDeniedException("only a linked citizen shares a record"));
        byte[] b = new byte[24];
        random.nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        jdbc.update("insert into learning_share (token_sha256, person_id, expires_on) values (?, ?, ?)", sha256(token), pid,
                HanoiTime.today().plusDays(90));
        audit.record("share", "learning_share", pid, linkedCommune(pid).orElse("01"), null, Map.of("expires_on",
                HanoiTime.today().plusDays(90).toString()), "Tạo liên kết chia sẻ hồ sơ học tập");
        return token;
    }

    /** The person behind a share token still valid (public page); empty for an unknown or expired token. */
    public Optional<String> sharedPerson(String token) {
        if (token == null || !token.matches("[0-9a-f]{48}")) return Optional.empty();
        return jdbc.queryForList("select person_id from learning_share where token_sha256 = ? and expires_on >= ?", String.class,
                sha256(token), HanoiTime.today()).stream().findFirst();
    }

    /** Verified and self-declared entries behind a valid share token (public). */
    public List<LearningEntry> sharedEntries(String token) {
        String pid = sharedPerson(token).orElseThrow(() -> new NotFoundException("learning.error.share", 0));
        return jdbc.query("select " + COLUMNS + " from learning_entry where person_id = ? order by start_date desc, id desc", MAPPER, pid);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- exports ----

    /** The own record as Open Badges 3.0 AchievementCredentials in a W3C Verifiable Presentation (see docs/learning.md). */
    public Map<String, Object> exportOwn(String baseUrl) {
        guard.require(DataKind.LEARNING_RECORD, AccessAction.EXPORT);
        String pid = ownPersonId().orElseThrow(() -> new NotFoundException("learning.error.no-link", 0));
        return OpenBadgesExport.presentation(pid, entries(pid), baseUrl, java.time.OffsetDateTime.now(HanoiTime.ZONE));
    }

    /**
     * The own record as a CLR 2.0 ClrCredential ({@link ClrExport}) signed as a VC-JWT by the platform's issuer key
     * ({@link CredentialSigner}, implemented by titles); audited as an export.
     */
    public String clrOwn(String baseUrl) {
        guard.require(DataKind.LEARNING_RECORD, AccessAction.EXPORT);
        String pid = ownPersonId().orElseThrow(() -> new NotFoundException("learning.error.no-link", 0));
        CredentialSigner signer = signers.getIfAvailable();
        if (signer == null) throw new IllegalStateException("no credential signer");
        Map<String, Object> clr = ClrExport.credential(pid, entries(pid), signer.issuerProfile(), baseUrl,
                java.time.OffsetDateTime.now(HanoiTime.ZONE));
        String jwt = signer.sign(clr);
        audit.record("export", "learning_clr", String.valueOf(clr.get("id")), linkedCommune(pid).orElse("01"), null,
                Map.of("entries", ((List<?>) ((Map<?, ?>) clr.get("credentialSubject")).get("verifiableCredential")).size()),
                "Tải hồ sơ học tập dạng CLR 2.0 có chữ ký");
        return jwt;
    }

    /** The own record as a PDF (A4, the platform's fonts). */
    public byte[] pdfOwn(String heading, String[] columns, java.util.Locale locale,
                         java.util.function.Function<String, String> words) {
        guard.require(DataKind.LEARNING_RECORD, AccessAction.EXPORT);
        String pid = ownPersonId().orElseThrow(() -> new NotFoundException("learning.error.no-link", 0));
        return pdf(pid, entries(pid), heading, columns, locale, words);
    }

    static byte[] pdf(String pid, List<LearningEntry> entries, String heading, String[] columns, java.util.Locale locale,
                      java.util.function.Function<String, String> words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportPdf pdf = ReportPdf.open(out, PageSize.A4, new float[] {36, 36, 36, 36},
                ReportText.of(locale), heading, heading, 14)) {
            Document doc = pdf.document();
            Font h = pdf.fonts().title();
            Font f = pdf.fonts().regular(9);
            Font fb = pdf.fonts().bold(9);
            doc.add(new Paragraph(heading, h));
            doc.add(new Paragraph(pid + " · " + HanoiTime.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), f));
            PdfPTable t = PdfTables.table(new float[] {3, 2, 3, 2, 1, 2}, null, fb, false);
            PdfTables.headerRow(t, fb, columns);
            DateTimeFormatter d = DateTimeFormatter.ofPattern("dd/MM/yyyy");
            for (LearningEntry e : entries) {
                t.addCell(PdfTables.cell(e.title(), f));
                t.addCell(PdfTables.cell(words.apply("learning.topic." + e.topic()), f));
                t.addCell(PdfTables.cell(e.provider(), f));
                t.addCell(PdfTables.cell(e.startDate().format(d) + (e.endDate() == null ? "" : " – " + e.endDate().format(d)), f));
                t.addCell(PdfTables.num(e.hours().stripTrailingZeros().toPlainString(), f));
                t.addCell(PdfTables.cell(words.apply("learning.status." + e.status()), f));
            }
            doc.add(t);
        } catch (Exception e) {
            throw new IllegalStateException("learning record PDF", e);
        }
        return out.toByteArray();
    }

    // ---- literacy follow-up ----

    /** Records a follow-up status of a newly literate person for a year (officers of the commune, centre officers). */
    @Transactional
    public void recordFollowUp(String personId, String communeCode, int completedYear, int followYear, String status) {
        Grant g = guard.require(DataKind.LEARNING_RECORD, AccessAction.WRITE, communeCode);
        if (g == Grant.OWN) {
            // a centre officer follows up only persons who learned literacy at their own centre
            String me = guard.requireUser().username();
            Long org = guard.requireUser().role() == Role.CITIZEN ? null : providers.providerOf(me).orElse(null);
            Integer n = org == null ? 0 : jdbc.queryForObject(
                    "select count(*) from learning_entry where person_id = ? and provider_org_id = ? and topic = 'literacy'", Integer.class, personId, org);
            guard.requireOwnOrScope(g, n != null && n > 0);
        }
        if (!FOLLOW_UP_STATUSES.contains(status)) {
            throw ValidationException.of("status", "learning.error.followup-status");
        }
        if (followYear <= completedYear) throw ValidationException.of("follow_year", "learning.error.followup-year");
        CurrentUser u = guard.requireUser();
        jdbc.update("""
                insert into learning_literacy_followup (person_id, commune_code, completed_year, follow_year, status, recorded_by)
                values (?, ?, ?, ?, ?, ?) on conflict (person_id, follow_year) do update set status = excluded.status,
                recorded_by = excluded.recorded_by, recorded_at = now()""", personId, communeCode, completedYear, followYear, status, u.username());
        refreshLiteracyIndicator(followYear);
        audit.record("follow-up", "learning_literacy_followup", personId, communeCode, null, Map.of("year", followYear, "status", status),
                "Theo dõi sau xóa mù chữ");
    }

    /** A commune's learning in a year: entries, verified ones, distinct learners and hours (aggregates, no person). */
    public record CommuneYear(String communeCode, int year, long entries, long verified, long learners, BigDecimal hours) {
    }

    static final RowMapper<CommuneYear> COMMUNE_YEAR = (rs, i) -> new CommuneYear(rs.getString(1), rs.getInt(2), rs.getLong(3),
            rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6).setScale(2, java.math.RoundingMode.UNNECESSARY));

    /**
     * The city's learning figures of a year by commune, read from {@code learning_commune_year}: 126 rows whatever the
     * size of the record (kept by the V91 trigger in each writing transaction). Before it, the figures were
     * {@link #FIGURES_BY_SCAN}, linear in the record (≈ 40 s at 200 M entries; {@code bin/hoctap bench-record}).
     */
    public static final String FIGURES = """
            select commune_code, year, entries, verified, learners, hours from learning_commune_year
            where year = ? and entries > 0 order by commune_code""";
    /** The same figures computed from the entries (the old way; the bench's baseline and the tests' cross-check). */
    public static final String FIGURES_BY_SCAN = """
            select commune_code, extract(year from start_date)::int as year, count(*) as entries,
            count(*) filter (where status = 'verified') as verified, count(distinct person_id) as learners,
            coalesce(sum(hours), 0) as hours from learning_entry where start_date >= make_date(?, 1, 1)
            and start_date < make_date(? + 1, 1, 1) group by commune_code, 2 order by commune_code""";

    /** The learning figures of a year for the communes the user may read (aggregates: officers, auditors, centres…). */
    public List<CommuneYear> figures(int year) {
        guard.require(DataKind.UNIT_AGGREGATES, AccessAction.READ);
        return jdbc.query(FIGURES, COMMUNE_YEAR, year).stream().filter(c -> guard.canRead(c.communeCode())).toList();
    }

    /** The same from the entries themselves (not access-checked: tests and the bench compare the two). */
    public List<CommuneYear> figuresByScan(int year) {
        return jdbc.query(FIGURES_BY_SCAN, COMMUNE_YEAR, year, year);
    }

    /** The follow-up statuses an officer may record ({@code learning_literacy_followup.status}). */
    public static final List<String> FOLLOW_UP_STATUSES = List.of("in_class", "post_literacy", "retested", "relapsed", "not_found");

    /**
     * One person of a commune's literacy cohort of a year (completed a verified literacy class in year − 1): the status
     * recorded for the year, whether a learning entry starts in the year, and whether they count as continuing
     * ({@link LiteracyContinuation}).
     */
    public record CohortPerson(String personId, String communeCode, int completedYear, String provider, String status,
                               boolean learnedInYear, boolean continuing) {
    }

    /**
     * Theo dõi sau xóa mù chữ: the cohort of year {@code year} in a commune, person by person (pseudonymous ids only).
     * Commune and city officers: the persons of their commune; a centre officer: only those who learned literacy at
     * their own centre. Others are refused.
     */
    public List<CohortPerson> literacyCohort(String communeCode, int year) {
        Grant g = guard.require(DataKind.LEARNING_RECORD, AccessAction.READ);
        CurrentUser u = guard.requireUser();
        Long provider = null;
        if (g != Grant.SCOPE) {
            if (u.role() == Role.CITIZEN) throw new AccessDeniedException("a citizen follows no cohort");
            provider = providers.providerOf(u.username()).orElseThrow(() -> new AccessDeniedException("no provider organisation"));
        } else if (communeCode == null || !guard.canRead(communeCode)) {
            throw new AccessDeniedException("commune outside the user's units");
        }
        Map<String, String> status = new java.util.HashMap<>();
        jdbc.query("select person_id, status from learning_literacy_followup where follow_year = ?",
                rs -> { status.put(rs.getString(1), rs.getString(2)); }, year);
        java.util.Set<String> learned = new java.util.HashSet<>(jdbc.queryForList(
                "select distinct person_id from learning_entry where start_date >= ? and start_date < ?", String.class,
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
        Map<String, CohortPerson> out = new java.util.TreeMap<>();
        String sql = """
                select person_id, commune_code, min(provider) provider, max(end_date) ended from learning_entry
                where topic = 'literacy' and status = 'verified' and end_date >= ? and end_date < ?"""
                + (provider == null ? " and commune_code = ?" : " and provider_org_id = ?") + " group by person_id, commune_code";
        jdbc.query(sql, rs -> {
            String pid = rs.getString(1);
            String commune = rs.getString(2);
            if (!guard.canRead(commune)) return;
            String s = status.get(pid);
            boolean l = learned.contains(pid);
            boolean continuing = LiteracyContinuation.count(java.util.Set.of(pid), s == null ? Map.of() : Map.of(pid, s),
                    l ? java.util.Set.of(pid) : java.util.Set.of()).continuing() == 1;
            out.put(pid, new CohortPerson(pid, commune, year - 1, rs.getString(3), s, l, continuing));
        }, LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 1, 1), provider == null ? communeCode : provider);
        return List.copyOf(out.values());
    }

    /** A citizen account linked to a register person id (the account's display name is not shown beside the pseudonym). */
    public record CitizenLink(String username, String personId, String communeCode) {
    }

    /** The citizen accounts linked to person ids of a commune (commune and city officers only). */
    public List<CitizenLink> links(String communeCode) {
        Grant g = guard.require(DataKind.LEARNING_RECORD, AccessAction.WRITE, communeCode);
        guard.requireOwnOrScope(g, false);
        return jdbc.query("select username, person_id, commune_code from learning_citizen_link where commune_code = ? order by person_id",
                (rs, i) -> new CitizenLink(rs.getString(1), rs.getString(2), rs.getString(3)), communeCode);
    }

    /** Values of {@code lit.new_continuing} for a year per commune and for the city ({@link LiteracyContinuation}). */
    public Map<String, LiteracyContinuation.Counts> literacyContinuation(int year) {
        Map<String, java.util.Set<String>> cohort = new java.util.TreeMap<>();
        jdbc.query("""
                select distinct person_id, commune_code from learning_entry where topic = 'literacy' and status = 'verified'
                and end_date >= ? and end_date < ?""", rs -> {
            cohort.computeIfAbsent(rs.getString("commune_code"), k -> new java.util.HashSet<>()).add(rs.getString("person_id"));
        }, LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 1, 1));
        Map<String, String> follow = new java.util.HashMap<>();
        jdbc.query("select person_id, status from learning_literacy_followup where follow_year = ?",
                rs -> { follow.put(rs.getString(1), rs.getString(2)); }, year);
        java.util.Set<String> learned = new java.util.HashSet<>(jdbc.queryForList(
                "select distinct person_id from learning_entry where start_date >= ? and start_date < ?", String.class,
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
        Map<String, LiteracyContinuation.Counts> out = new LinkedHashMap<>();
        java.util.Set<String> all = new java.util.HashSet<>();
        cohort.forEach((commune, persons) -> {
            out.put(commune, LiteracyContinuation.count(persons, follow, learned));
            all.addAll(persons);
        });
        if (!all.isEmpty()) out.put("01", LiteracyContinuation.count(all, follow, learned));
        return out;
    }

    /**
     * Stores {@code lit.new_continuing} of a year (per commune from 1/7/2025 on, else the city only: communes are today's)
     * with {@code IndicatorValues.store}, source "learning".
     */
    @Transactional
    public void refreshLiteracyIndicator(int year) {
        Map<String, double[]> byUnit = new LinkedHashMap<>();
        boolean communes = !LocalDate.of(year, 12, 31).isBefore(LocalDate.of(2025, 7, 1));
        literacyContinuation(year).forEach((unit, c) -> {
            if (c.cohort() > 0 && (communes || "01".equals(unit))) byUnit.put(unit, new double[] {c.continuing(), c.cohort()});
        });
        if (!byUnit.isEmpty()) indicators.store("lit.new_continuing", year, byUnit, "learning");
    }
}
