package vn.hoctap.titles.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.Grant;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.titles.core.CampaignWorkflow;
import vn.hoctap.titles.core.CampaignWorkflow.Actor;
import vn.hoctap.titles.core.CampaignWorkflow.Deadlines;
import vn.hoctap.titles.core.CampaignWorkflow.Step;
import vn.hoctap.titles.core.ScoreResult;
import vn.hoctap.titles.core.Scoring;
import vn.hoctap.titles.core.ScoringException;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.TitleStatus;
import vn.hoctap.units.UnitDirectory;

/**
 * Đợt công nhận danh hiệu học tập: campaigns, the evaluations (hồ sơ) in them, their scores, evidence files
 * and state history. Every step goes through {@link CampaignWorkflow} (order, role and unit, deadline) with the
 * actor's rights on the evaluation's commune from {@link AccessGuard}; every change is audited in the same
 * transaction; bad input changes nothing.
 */
@Service
public class Campaigns {

    public record Campaign(long id, int year, TitleKind kind, String unitCode, String name, Deadlines deadlines) {
    }

    /** An evaluation (hồ sơ) as stored. */
    public record Dossier(long id, long campaignId, SubjectType subjectType, String subjectName, String communeCode,
                          Long villageId, String householdId, long criteriaSetId, String criteriaSha256, TitleStatus status,
                          String contactType, Integer total, Integer maxTotal, Boolean passed, String reason,
                          String verificationCode, String credentialId, Instant publishedAt, int version,
                          Long subjectOrganisationId, Long ownerUserId) {
    }

    public record Score(String indicatorId, int points, boolean automatic, String evidence) {
    }

    public record HistoryEntry(TitleStatus from, TitleStatus to, String actor, String reason, Instant at) {
    }

    public record EvidenceFile(long id, String fileName, String contentType, int size, String uploadedBy, Instant uploadedAt) {
    }

    /** A new evaluation: the subject and its criteria set (one of the campaign's kind). */
    public record NewDossier(SubjectType subjectType, String subjectName, String communeCode, Long villageId, String householdId,
                             String setId, String personId) {
        /** Without a register person id (all subjects but a resident whose record is linked). */
        public NewDossier(SubjectType subjectType, String subjectName, String communeCode, Long villageId, String householdId, String setId) {
            this(subjectType, subjectName, communeCode, villageId, householdId, setId, null);
        }
    }

    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final List<String> FILE_TYPES = List.of("application/pdf", "image/jpeg", "image/png");

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final CriteriaSets sets;
    private final UnitDirectory units;
    private final AutomaticCriteria automatic;
    private final Certificates certificates;
    private final TitleIndicators indicators;
    private final SecureRandom random = new SecureRandom();

    private final vn.hoctap.notifications.Notifications notifications;
    private final vn.hoctap.reporting.Organisations organisations;

    Campaigns(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, CriteriaSets sets, UnitDirectory units,
              AutomaticCriteria automatic, Certificates certificates, TitleIndicators indicators,
              vn.hoctap.notifications.Notifications notifications, vn.hoctap.reporting.Organisations organisations) {
        this.notifications = notifications;
        this.organisations = organisations;
        this.certificates = certificates;
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.sets = sets;
        this.units = units;
        this.automatic = automatic;
    }

    // ---------------------------------------------------------------- access

    /**
     * Reading titles data: {@link AccessGuard#canRead}. Campaigns exist for units in force today, so the dateless
     * check applies (a reused code such as 00025, Ngọc Khánh then and Giảng Võ now, is judged as today's unit).
     */
    public boolean canRead(String unitCode) {
        return guard.canRead(unitCode);
    }

    public void requireRead(String unitCode) {
        guard.requireRead(unitCode);
    }

    /**
     * The access matrix on a dossier (TITLE_DOSSIER × action on the dossier's commune); with "own data only"
     * (citizens, organisation users) only the user's own dossier: the one a citizen registered while signed in, the
     * one registered for the organisation an organisation user reports for.
     */
    public boolean may(Dossier d, AccessAction action) {
        if (!guard.can(DataKind.TITLE_DOSSIER, action, d.communeCode())) return false;
        Grant g = guard.grant(DataKind.TITLE_DOSSIER, action);
        return g == Grant.SCOPE || g == Grant.OWN && owns(d);
    }

    void requireMay(Dossier d, AccessAction action) {
        if (!may(d, action)) {
            throw new AccessDeniedException("dossier " + d.id() + ": " + action + " not allowed for this user");
        }
    }

    /** Whether the dossier is the signed-in user's own (as a citizen, or as their organisation's). */
    boolean owns(Dossier d) {
        Optional<CurrentUser> u = guard.currentUser();
        if (u.isEmpty()) return false;
        if (d.ownerUserId() != null && d.ownerUserId() == u.get().id()) return true;
        return d.subjectOrganisationId() != null
                && guard.ownOrganisation().map(m -> m.organisationId() == d.subjectOrganisationId()).orElse(false);
    }

    /** The dossiers that are the signed-in user's own (for "Dữ liệu của tôi"). */
    public List<Dossier> ownDossiers() {
        Optional<CurrentUser> u = guard.currentUser();
        if (u.isEmpty()) return List.of();
        Long org = guard.ownOrganisation().map(m -> m.organisationId()).orElse(-1L);
        return jdbc.query("select * from titles_evaluation where owner_user_id = ? or subject_organisation_id = ? order by id",
                DOSSIER, u.get().id(), org);
    }

    // ---------------------------------------------------------------- campaigns

    static final RowMapper<Campaign> CAMPAIGN = (rs, n) -> new Campaign(rs.getLong("id"), rs.getInt("year"),
            TitleKind.valueOf(rs.getString("kind")), rs.getString("unit_code"), rs.getString("name"),
            new Deadlines(rs.getDate("registration_until").toLocalDate(), rs.getDate("assessment_until").toLocalDate(),
                    rs.getDate("review_until").toLocalDate(), rs.getDate("decision_until").toLocalDate()));

    /** Campaigns whose unit the user may read, newest first. */
    public List<Campaign> campaigns() {
        return jdbc.query("select * from titles_campaign order by year desc, unit_code, kind", CAMPAIGN).stream()
                .filter(c -> canRead(c.unitCode()) || "01".equals(c.unitCode()) && guard.currentUser().isPresent()
                        && hasCampaignData(c.id())).toList();
    }

    private boolean hasCampaignData(long campaignId) {
        return jdbc.queryForList("select distinct commune_code from titles_evaluation where campaign_id = ?", String.class, campaignId)
                .stream().anyMatch(this::canRead);
    }

    public Campaign campaign(long id) {
        Campaign c = jdbc.query("select * from titles_campaign where id = ?", CAMPAIGN, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("titles.error.not-found"));
        if (!canRead(c.unitCode()) && !("01".equals(c.unitCode()) && hasCampaignData(c.id()))) {
            throw new AccessDeniedException("campaign of unit " + c.unitCode() + " is outside the user's units");
        }
        return c;
    }

    /** The open "Công dân học tập" campaign of a commune for a year, for the public self-assessment. */
    public Optional<Campaign> citizenCampaign(String communeCode, int year) {
        return jdbc.query("select * from titles_campaign where kind = 'CONG_DAN' and unit_code = ? and year = ?", CAMPAIGN,
                communeCode, year).stream().findFirst();
    }

    /**
     * Opens a campaign for a year, a title kind and a unit: a commune (by its officers or the city), or the city
     * "01" for the commune learning-community title. The deadlines must follow the steps' order.
     */
    @Transactional
    public Campaign createCampaign(int year, TitleKind kind, String unitCode, String name, Deadlines deadlines) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) errors.put("kind", "titles.error.kind");
        if (unitCode == null || !units.exists(unitCode)) errors.put("unit", "titles.error.unit");
        if (year < 2020 || year > 2100) errors.put("year", "titles.error.year");
        if (deadlines == null) errors.put("deadlines", "titles.error.deadlines");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        guard.require(DataKind.TITLE_DOSSIER, AccessAction.APPROVE, unitCode);
        boolean city = "01".equals(unitCode);
        if (kind == TitleKind.CONG_DONG_XA && !city || kind != TitleKind.CONG_DONG_XA && city) {
            throw ValidationException.of("unit", "titles.error.campaign-unit");
        }
        if (!CampaignWorkflow.opensCampaigns(guard.requireUser().role())) {
            throw new AccessDeniedException("campaigns are opened by commune or city officers");
        }
        Integer exists = jdbc.queryForObject("select count(*) from titles_campaign where year = ? and kind = ? and unit_code = ?",
                Integer.class, year, kind.name(), unitCode);
        if (exists != null && exists > 0) throw ValidationException.of("kind", "titles.error.campaign-exists");
        String n = name == null || name.isBlank() ? kind.nameVi() + " năm " + year : name.strip();
        Long id = jdbc.queryForObject("""
                insert into titles_campaign (year, kind, unit_code, name, registration_until, assessment_until, review_until,
                decision_until, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                year, kind.name(), unitCode, n, Date.valueOf(deadlines.registrationUntil()), Date.valueOf(deadlines.assessmentUntil()),
                Date.valueOf(deadlines.reviewUntil()), Date.valueOf(deadlines.decisionUntil()), guard.requireUser().username());
        Campaign c = campaign(id);
        audit.record("titles.campaign.create", "titles_campaign", String.valueOf(id), unitCode, null, c, n);
        return c;
    }

    /** Counts by status of a campaign's evaluations (optionally of one commune). */
    public Map<TitleStatus, Integer> progress(long campaignId, String communeCode) {
        campaign(campaignId);
        Map<TitleStatus, Integer> out = new EnumMap<>(TitleStatus.class);
        for (TitleStatus s : TitleStatus.values()) out.put(s, 0);
        if (guard.grant(DataKind.TITLE_DOSSIER, AccessAction.READ) != Grant.SCOPE) {
            // own dossiers only: count those, not the commune's
            for (Dossier d : dossiers(campaignId, null, null)) {
                if (communeCode == null || communeCode.equals(d.communeCode())) out.merge(d.status(), 1, Integer::sum);
            }
            return out;
        }
        jdbc.query("select commune_code, status, count(*) n from titles_evaluation where campaign_id = ? group by commune_code, status",
                rs -> {
                    if ((communeCode == null || communeCode.equals(rs.getString("commune_code"))) && canRead(rs.getString("commune_code"))) {
                        out.merge(TitleStatus.valueOf(rs.getString("status")), rs.getInt("n"), Integer::sum);
                    }
                }, campaignId);
        return out;
    }

    // ---------------------------------------------------------------- evaluations

    static final RowMapper<Dossier> DOSSIER = Campaigns::dossier;

    static Dossier dossier(ResultSet rs, int n) throws SQLException {
        return new Dossier(rs.getLong("id"), rs.getLong("campaign_id"), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_name"), rs.getString("commune_code"), (Long) rs.getObject("village_id", Long.class),
                rs.getString("household_id"), rs.getLong("criteria_set_id"), rs.getString("criteria_sha256"),
                TitleStatus.valueOf(rs.getString("status")), rs.getString("contact_type"), (Integer) rs.getObject("total", Integer.class),
                (Integer) rs.getObject("max_total", Integer.class), (Boolean) rs.getObject("passed", Boolean.class), rs.getString("reason"),
                rs.getString("verification_code"), rs.getString("credential_id"),
                rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(), rs.getInt("version"),
                (Long) rs.getObject("subject_organisation_id", Long.class), (Long) rs.getObject("owner_user_id", Long.class));
    }

    /** The evaluations of a campaign the user may read, optionally of one village. */
    public List<Dossier> dossiers(long campaignId, Long villageId, TitleStatus status) {
        campaign(campaignId);
        return jdbc.query("select * from titles_evaluation where campaign_id = ? order by commune_code, subject_name, id", DOSSIER, campaignId)
                .stream().filter(d -> may(d, AccessAction.READ))
                .filter(d -> villageId == null || villageId.equals(d.villageId()))
                .filter(d -> status == null || status == d.status()).toList();
    }

    public Dossier dossier(long id) {
        Dossier d = find(id);
        requireMay(d, AccessAction.READ);
        return d;
    }

    Dossier find(long id) {
        return jdbc.query("select * from titles_evaluation where id = ?", DOSSIER, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("titles.error.not-found"));
    }

    /** A campaign's public facts (name, year, deadlines), for a resident's own self-assessment page. */
    public Campaign campaignPublic(long id) {
        return campaignUnchecked(id);
    }

    Campaign campaignUnchecked(long id) {
        return jdbc.query("select * from titles_campaign where id = ?", CAMPAIGN, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("titles.error.not-found"));
    }

    public List<Score> scores(long dossierId) {
        return jdbc.query("select * from titles_score where evaluation_id = ? order by indicator_id",
                (rs, n) -> new Score(rs.getString("indicator_id"), rs.getInt("points"), rs.getBoolean("automatic"), rs.getString("evidence")),
                dossierId);
    }

    public List<HistoryEntry> history(long dossierId) {
        return jdbc.query("select * from titles_history where evaluation_id = ? order by at, id",
                (rs, n) -> new HistoryEntry(rs.getString("from_status") == null ? null : TitleStatus.valueOf(rs.getString("from_status")),
                        TitleStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()), dossierId);
    }

    public List<EvidenceFile> files(long dossierId) {
        return jdbc.query("select id, file_name, content_type, size, uploaded_by, uploaded_at from titles_evidence_file where evaluation_id = ? order by id",
                (rs, n) -> new EvidenceFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size"),
                        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()), dossierId);
    }

    /** An evidence file's content, for a user who may read the evaluation. */
    public Map.Entry<EvidenceFile, byte[]> file(long fileId) {
        Long dossierId = jdbc.query("select evaluation_id from titles_evidence_file where id = ?", (rs, n) -> rs.getLong(1), fileId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("titles.error.not-found"));
        dossier(dossierId);
        EvidenceFile f = files(dossierId).stream().filter(x -> x.id() == fileId).findFirst().orElseThrow();
        byte[] content = jdbc.queryForObject("select content from titles_evidence_file where id = ?", byte[].class, fileId);
        return Map.entry(f, content);
    }

    // ---------------------------------------------------------------- steps

    /** The current user as an actor on a commune (for the pages to offer only the allowed steps). */
    public Actor actorFor(String communeCode) {
        return actor(communeCode);
    }

    Actor actor(String communeCode) {
        Optional<CurrentUser> u = guard.currentUser();
        return u.map(x -> new Actor(x.role(), guard.can(DataKind.TITLE_DOSSIER, AccessAction.WRITE, communeCode), canRead(communeCode)))
                .orElse(Actor.publicResident());
    }

    private String actorName() {
        return guard.currentUser().map(CurrentUser::username).orElse("cư dân (tự đăng ký)");
    }

    private void require(Step step, TitleStatus from, SubjectType subject, String communeCode, Campaign c) {
        Optional<String> refusal = CampaignWorkflow.check(step, from, subject, actor(communeCode), c.deadlines(), HanoiTime.today());
        if (refusal.isPresent()) {
            if (refusal.get().equals("titles.error.role")) {
                throw new AccessDeniedException("step " + step + " not allowed for this user on unit " + communeCode);
            }
            throw ValidationException.of("status", refusal.get());
        }
    }

    /**
     * The set a new dossier uses when none is chosen: an organisation at city level is evaluated under Thông tư
     * 24/2023/TT-BGDĐT ("tt24-unit-city"), everything else with the first current set of its title.
     */
    private CriteriaSets.StoredSet defaultSet(TitleKind kind, SubjectType subject) {
        List<CriteriaSets.StoredSet> current = sets.latest(kind);
        if (subject == SubjectType.CITY_UNIT) {
            return current.stream().filter(s -> s.set().id().equals("tt24-unit-city")).findFirst().orElse(current.get(0));
        }
        if (subject == SubjectType.UNIT) {
            return current.stream().filter(s -> s.set().id().equals("dvht")).findFirst().orElse(current.get(0));
        }
        return current.get(0);
    }

    /** Registers a subject in a campaign (đăng ký đầu năm). */
    @Transactional
    public Dossier register(long campaignId, NewDossier n) {
        Campaign c = campaignUnchecked(campaignId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (n.subjectName() == null || n.subjectName().isBlank() || n.subjectName().length() > 200) errors.put("subjectName", "titles.error.subject-name");
        if (n.subjectType() == null || n.subjectType().kind() != c.kind()) errors.put("subjectType", "titles.error.subject-type");
        if (n.communeCode() == null || units.version(n.communeCode(), LocalDate.of(c.year(), 12, 31)).isEmpty()
                || !"01".equals(c.unitCode()) && !c.unitCode().equals(n.communeCode())) {
            errors.put("commune", "titles.error.unit");
        }
        CriteriaSets.StoredSet set = null;
        try {
            set = n.setId() == null || n.setId().isBlank() ? defaultSet(c.kind(), n.subjectType()) : sets.latest(n.setId());
            if (set.set().kind() != c.kind() || CriteriaSets.superseded(set.set().id())) errors.put("setId", "titles.error.set");
        } catch (NotFoundException | IndexOutOfBoundsException e) {
            errors.put("setId", "titles.error.set");
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        require(Step.REGISTER, null, n.subjectType(), n.communeCode(), c);
        // the access matrix: a signed-in user needs TITLE_DOSSIER × WRITE on the commune; with "own data only" the
        // dossier is registered as theirs (a citizen: their account; an organisation user: their organisation, under
        // its name and in its commune, whatever the form said)
        Long ownerUser = null;
        Long ownerOrganisation = null;
        String subjectName = n.subjectName().strip();
        if (guard.currentUser().isPresent()) {
            Grant g = guard.require(DataKind.TITLE_DOSSIER, AccessAction.WRITE, n.communeCode());
            if (g == Grant.OWN) {
                if (n.subjectType() != null && n.subjectType().isOrganisation()) {
                    var own = guard.ownOrganisation()
                            .orElseThrow(() -> new AccessDeniedException("the account reports for no organisation"));
                    if (!own.communeCode().equals(n.communeCode())) {
                        throw new AccessDeniedException("an organisation registers only in its own commune");
                    }
                    ownerOrganisation = own.organisationId();
                    subjectName = own.name();
                } else {
                    ownerUser = guard.requireUser().id();
                }
            }
        }
        if (n.villageId() != null) {
            Integer inCommune = jdbc.queryForObject("select count(*) from village where id = ? and commune_code = ?", Integer.class,
                    n.villageId(), n.communeCode());
            if (inCommune == null || inCommune == 0) throw ValidationException.of("villageId", "titles.error.village");
        }
        Long id = jdbc.queryForObject("""
                insert into titles_evaluation (campaign_id, subject_type, subject_name, commune_code, village_id, household_id,
                criteria_set_id, criteria_sha256, status, created_by, subject_organisation_id, owner_user_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?) returning id""",
                Long.class, campaignId, n.subjectType().name(), subjectName, n.communeCode(), n.villageId(),
                n.householdId() == null || n.householdId().isBlank() ? null : n.householdId().strip(), set.id(), set.sha256(), actorName(),
                ownerOrganisation, ownerUser);
        if (n.subjectType() == SubjectType.CITIZEN && n.personId() != null && !n.personId().isBlank()) {
            jdbc.update("update titles_evaluation set person_id = ? where id = ?", n.personId().strip(), id);
        }
        historyAndAudit(id, null, TitleStatus.REGISTERED, null, n.communeCode(), "titles.evaluation.register");
        return find(id);
    }

    /** A resident registers themselves for "Công dân học tập" (public page): contact kept, national ID only as an HMAC. */
    @Transactional
    public Map.Entry<Dossier, String> registerResident(long campaignId, NewDossier n, String contact, String contactType,
                                                       String nationalIdHmac) {
        Dossier d = register(campaignId, n);
        byte[] t = new byte[24];
        random.nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        jdbc.update("update titles_evaluation set contact = ?, contact_type = ?, national_id_hmac = ?, public_token_sha256 = ? where id = ?",
                contact, contactType, nationalIdHmac, CriteriaSets.sha256(token), d.id());
        return Map.entry(find(d.id()), token);
    }

    /** The evaluation a resident's secret link opens (no account). */
    public Dossier byPublicToken(String token) {
        return jdbc.query("select * from titles_evaluation where public_token_sha256 = ?", DOSSIER, CriteriaSets.sha256(token))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("titles.error.not-found"));
    }

    /**
     * Tự đánh giá: the points per indicator (automatic criteria are filled in by the platform and override what is
     * typed), scored with the evaluation's own criteria-set version. May be repeated until reviewed.
     */
    @Transactional
    public ScoreResult selfAssess(long id, Map<String, Integer> points, int expectedVersion) {
        Dossier d = find(id);
        requireMay(d, AccessAction.WRITE);
        Campaign c = campaignUnchecked(d.campaignId());
        require(Step.SELF_ASSESS, d.status(), d.subjectType(), d.communeCode(), c);
        return selfAssess(d, c, points, expectedVersion);
    }

    /**
     * The resident's own self-assessment through the secret link of the public page: the link is the resident's
     * credential (no account), so the workflow judges them as the resident, whoever is signed in in that browser.
     */
    @Transactional
    public ScoreResult selfAssessWithToken(String token, Map<String, Integer> points, int expectedVersion) {
        Dossier d = byPublicToken(token);
        Campaign c = campaignUnchecked(d.campaignId());
        Optional<String> refusal = CampaignWorkflow.check(Step.SELF_ASSESS, d.status(), d.subjectType(), Actor.publicResident(),
                c.deadlines(), HanoiTime.today());
        if (refusal.isPresent()) throw ValidationException.of("status", refusal.get());
        return selfAssess(d, c, points, expectedVersion);
    }

    private ScoreResult selfAssess(Dossier d, Campaign c, Map<String, Integer> points, int expectedVersion) {
        long id = d.id();
        if (d.version() != expectedVersion) throw ValidationException.of("version", "titles.error.stale");
        CriteriaSets.StoredSet set = sets.get(d.criteriaSetId());
        Map<String, Integer> all = new LinkedHashMap<>(points);
        Map<String, AutomaticCriteria.Filled> auto = automatic.fill(d, c, set.set());
        auto.forEach((k, v) -> all.put(k, v.points()));
        ScoreResult r;
        try {
            r = Scoring.score(set.set(), all);
        } catch (ScoringException e) {
            throw new DetailedValidation("points", "titles.error.points", e.getMessage());
        }
        jdbc.update("delete from titles_score where evaluation_id = ?", id);
        List<Object[]> rows = new ArrayList<>();
        for (String ind : set.set().indicators().keySet()) {
            AutomaticCriteria.Filled f = auto.get(ind);
            rows.add(new Object[] {id, ind, all.getOrDefault(ind, 0), f != null, f == null ? null : f.evidence()});
        }
        jdbc.batchUpdate("insert into titles_score (evaluation_id, indicator_id, points, automatic, evidence) values (?, ?, ?, ?, ?)", rows);
        jdbc.update("update titles_evaluation set status = 'SELF_ASSESSED', total = ?, max_total = ?, passed = ?, version = version + 1 where id = ?",
                r.total(), r.maxTotal(), r.passed(), id);
        historyAndAudit(id, d.status(), TitleStatus.SELF_ASSESSED, null, d.communeCode(), "titles.evaluation.self-assess");
        return r;
    }

    /** Adds an evidence file (PDF, JPEG, PNG up to 5 MB) while the evaluation is being self-assessed. */
    @Transactional
    public void addEvidence(long id, String fileName, String contentType, byte[] content) {
        Dossier d = find(id);
        requireMay(d, AccessAction.WRITE);
        Campaign c = campaignUnchecked(d.campaignId());
        require(Step.SELF_ASSESS, d.status(), d.subjectType(), d.communeCode(), c);
        if (content == null || content.length == 0) throw ValidationException.of("file", "titles.error.file-empty");
        if (content.length > MAX_FILE_BYTES) throw ValidationException.of("file", "titles.error.file-size");
        // the real type from the content (Apache Tika), which must also be the declared one: HTML declared as PDF is refused
        contentType = vn.hoctap.platform.FileTypes.require("file", content, contentType, fileName, FILE_TYPES,
                "titles.error.file-type");
        String name = fileName == null || fileName.isBlank() ? "minh-chung" : fileName.replaceAll("[\\\\/\\r\\n]", "_");
        Long fid = jdbc.queryForObject("""
                insert into titles_evidence_file (evaluation_id, file_name, content_type, size, content, uploaded_by)
                values (?, ?, ?, ?, ?, ?) returning id""", Long.class, id, name, contentType, content.length, content, actorName());
        audit.record("titles.evidence.add", "titles_evidence_file", String.valueOf(fid), d.communeCode(), null,
                Map.of("evaluation", id, "file", name, "size", content.length), "Minh chứng " + name);
    }

    /** Thẩm định, quyết định công nhận, công bố, không công nhận (with a reason), thu hồi (with a reason). */
    @Transactional
    public Dossier step(long id, Step step, String reason) {
        Dossier d = find(id);
        Campaign c = campaignUnchecked(d.campaignId());
        if ((step == Step.REJECT || step == Step.REVOKE) && (reason == null || reason.isBlank())) {
            throw ValidationException.of("reason", "titles.error.reason");
        }
        if (step == Step.REGISTER || step == Step.SELF_ASSESS) throw new IllegalArgumentException(step.name());
        requireMay(d, AccessAction.APPROVE);
        require(step, d.status(), d.subjectType(), d.communeCode(), c);
        if (step == Step.DECIDE && !Boolean.TRUE.equals(d.passed())) {
            throw ValidationException.of("status", "titles.error.not-passed");
        }
        TitleStatus to = CampaignWorkflow.next(step);
        String r = reason == null || reason.isBlank() ? null : reason.strip();
        jdbc.update("update titles_evaluation set status = ?, reason = coalesce(?, reason), version = version + 1 where id = ?", to.name(), r, id);
        historyAndAudit(id, d.status(), to, r, d.communeCode(), "titles.evaluation." + step.name().toLowerCase().replace('_', '-'));
        notifyOwners(d, c, to, r);
        if (step == Step.PUBLISH) {
            certificates.issue(find(id), c, contact(id));
        }
        if (step == Step.PUBLISH || step == Step.REVOKE) {
            indicators.recompute(c.year());
        }
        return find(id);
    }

    /** The same step on several evaluations (e.g. review all selected in a village's list): all or nothing. */
    @Transactional
    public int bulk(List<Long> ids, Step step, String reason) {
        if (ids == null || ids.isEmpty()) throw ValidationException.of("ids", "titles.error.none-selected");
        for (Long id : ids) {
            step(id, step, reason);
        }
        return ids.size();
    }

    String contact(long id) {
        return jdbc.queryForObject("select contact from titles_evaluation where id = ?", String.class, id);
    }

    /**
     * Thông báo: the dossier's owner (the citizen who registered it) and the users of the organisation it is about learn
     * that it moved (issue 19); not the user who moved it.
     */
    private void notifyOwners(Dossier d, Campaign c, TitleStatus to, String reason) {
        List<String> args = new java.util.ArrayList<>(List.of("#titles.kind-name." + c.kind().name(), String.valueOf(c.year()),
                "#titles.status." + to.name()));
        String key = "notifications.titles.moved";
        if (reason != null) {
            args.add(reason);
            key = "notifications.titles.moved-reason";
        }
        String link = "/titles/evaluations/" + d.id();
        if (d.ownerUserId() != null) notifications.notifyOwner(d.ownerUserId(), key, args, link);
        if (d.subjectOrganisationId() != null) {
            List<String> members;
            try {
                members = organisations.members(d.subjectOrganisationId());
            } catch (RuntimeException notVisible) {
                members = List.of();
            }
            notifications.notify(members, key, args, link);
        }
    }

    private void historyAndAudit(long id, TitleStatus from, TitleStatus to, String reason, String commune, String action) {
        jdbc.update("insert into titles_history (evaluation_id, from_status, to_status, actor, reason) values (?, ?, ?, ?, ?)",
                id, from == null ? null : from.name(), to.name(), actorName(), reason);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        if (reason != null) after.put("reason", reason);
        audit.record(action, "titles_evaluation", String.valueOf(id), commune,
                from == null ? null : Map.of("status", from.name()), after, (from == null ? "" : from.name() + " → ") + to.name());
    }
}
