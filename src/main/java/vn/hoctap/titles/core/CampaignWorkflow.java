package vn.hoctap.titles.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.hoctap.accounts.Role;

/**
 * Quy trình đợt công nhận danh hiệu học tập (QĐ 448/QĐ-KHVN; Kế hoạch của Hà Nội thực hiện Đề án 1373): registration →
 * self-assessment (with evidence) → review (thẩm định: the village / the commune's Hội Khuyến học) → decision
 * (quyết định công nhận: the commune — for an organisation under its management too — or the city for communes and
 * for organisations at city level, {@link SubjectType#decidedByCity()}) → publication;
 * rejection with a reason at review or decision; revocation of a published title by the city administrator.
 *
 * <p>Each step is allowed only when every policy agrees, in this order: the step order (no step skipped), the
 * actor's role and unit, the step's deadline. A refusal is a message key ({@code titles.error.*}). Pure Java.
 */
public final class CampaignWorkflow {

    private CampaignWorkflow() {}

    public enum Step { REGISTER, SELF_ASSESS, REVIEW, DECIDE, PUBLISH, REJECT, REVOKE }

    /** The campaign's deadlines, inclusive (Hà Nội dates). */
    public record Deadlines(LocalDate registrationUntil, LocalDate assessmentUntil, LocalDate reviewUntil, LocalDate decisionUntil) {
        public Deadlines {
            if (assessmentUntil.isBefore(registrationUntil) || reviewUntil.isBefore(assessmentUntil)
                    || decisionUntil.isBefore(reviewUntil)) {
                throw new IllegalArgumentException("deadlines must follow the order of the steps");
            }
        }
    }

    /**
     * Who acts: a signed-in role (null for a resident on the public self-assessment page) and whether that user
     * may write / read the commune the evaluation belongs to (as {@code AccessGuard} says).
     */
    public record Actor(Role role, boolean writesCommune, boolean readsCommune) {
        public static Actor publicResident() { return new Actor(null, false, false); }
    }

    /** A policy answers with a refusal (message key) or nothing. */
    @FunctionalInterface
    public interface Policy {
        Optional<String> check(Step step, TitleStatus from, SubjectType subject, Actor actor, Deadlines deadlines, LocalDate today);
    }

    /** No step skipped: each step starts only from the state the previous step leaves. */
    public static final Policy STEP_ORDER = (step, from, subject, actor, d, today) -> {
        Set<TitleStatus> allowed = switch (step) {
            case REGISTER -> Set.of();   // a new evaluation has no state
            case SELF_ASSESS -> Set.of(TitleStatus.REGISTERED, TitleStatus.SELF_ASSESSED);
            case REVIEW -> Set.of(TitleStatus.SELF_ASSESSED);
            case DECIDE -> Set.of(TitleStatus.REVIEWED);
            case PUBLISH -> Set.of(TitleStatus.RECOGNISED);
            case REJECT -> Set.of(TitleStatus.SELF_ASSESSED, TitleStatus.REVIEWED);
            case REVOKE -> Set.of(TitleStatus.PUBLISHED);
        };
        boolean ok = step == Step.REGISTER ? from == null : allowed.contains(from);
        return ok ? Optional.empty() : Optional.of("titles.error.step-order");
    };

    /** Each step only by its role, within the evaluation's commune. */
    public static final Policy ROLE_AND_UNIT = (step, from, subject, actor, d, today) -> {
        Role r = actor.role();
        boolean ok = switch (step) {
            // a resident (on the public page, signed in as a citizen or not) registers and assesses only themselves
            case REGISTER, SELF_ASSESS -> r == null || r == Role.CITIZEN ? subject == SubjectType.CITIZEN
                    : r == Role.ORGANISATION_USER ? subject.isOrganisation() && actor.readsCommune()
                    : actor.writesCommune();
            case REVIEW -> actor.writesCommune() && (r == Role.COMMUNE_OFFICER || r == Role.ASSOCIATION_MEMBER
                    || subject.decidedByCity() && (r == Role.CITY_OFFICER || r == Role.CITY_ADMIN));
            case DECIDE, PUBLISH -> decider(subject, actor);
            case REJECT -> from == TitleStatus.SELF_ASSESSED
                    ? reviewer(subject, actor) : decider(subject, actor);
            case REVOKE -> r == Role.CITY_ADMIN;
        };
        return ok ? Optional.empty() : Optional.of("titles.error.role");
    };

    private static boolean reviewer(SubjectType subject, Actor actor) {
        Role r = actor.role();
        return actor.writesCommune() && (r == Role.COMMUNE_OFFICER || r == Role.ASSOCIATION_MEMBER
                || subject.decidedByCity() && (r == Role.CITY_OFFICER || r == Role.CITY_ADMIN));
    }

    private static boolean decider(SubjectType subject, Actor actor) {
        Role r = actor.role();
        if (!actor.writesCommune() || r == null) {
            return false;
        }
        return subject.decidedByCity() ? r == Role.CITY_OFFICER || r == Role.CITY_ADMIN : r == Role.COMMUNE_OFFICER;
    }

    /** Deadlines: registration, self-assessment, review (and rejection at review), decision (and rejection at decision). */
    public static final Policy DEADLINE = (step, from, subject, actor, d, today) -> {
        LocalDate until = switch (step) {
            case REGISTER -> d.registrationUntil();
            case SELF_ASSESS -> d.assessmentUntil();
            case REVIEW -> d.reviewUntil();
            case DECIDE -> d.decisionUntil();
            case REJECT -> from == TitleStatus.SELF_ASSESSED ? d.reviewUntil() : d.decisionUntil();
            case PUBLISH, REVOKE -> null;
        };
        return until != null && today.isAfter(until) ? Optional.of("titles.error.deadline") : Optional.empty();
    };

    /**
     * Who opens a campaign (kế hoạch công nhận hằng năm): the commune's government or the city (Sở GD&ĐT, the city
     * administrator), not the association, an organisation or a resident; the access matrix decides the unit.
     */
    public static boolean opensCampaigns(Role role) {
        return role == Role.CITY_ADMIN || role == Role.CITY_OFFICER || role == Role.COMMUNE_OFFICER;
    }

    public static final List<Policy> POLICIES = List.of(STEP_ORDER, ROLE_AND_UNIT, DEADLINE);

    /** The first refusal of any policy, or empty when the step is allowed. */
    public static Optional<String> check(Step step, TitleStatus from, SubjectType subject, Actor actor, Deadlines d, LocalDate today) {
        for (Policy p : POLICIES) {
            Optional<String> refusal = p.check(step, from, subject, actor, d, today);
            if (refusal.isPresent()) return refusal;
        }
        return Optional.empty();
    }

    /** The state a step leads to. */
    public static TitleStatus next(Step step) {
        return switch (step) {
            case REGISTER -> TitleStatus.REGISTERED;
            case SELF_ASSESS -> TitleStatus.SELF_ASSESSED;
            case REVIEW -> TitleStatus.REVIEWED;
            case DECIDE -> TitleStatus.RECOGNISED;
            case PUBLISH -> TitleStatus.PUBLISHED;
            case REJECT -> TitleStatus.REJECTED;
            case REVOKE -> TitleStatus.REVOKED;
        };
    }
}
