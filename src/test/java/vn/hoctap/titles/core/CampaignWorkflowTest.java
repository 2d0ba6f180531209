package vn.hoctap.titles.core;


import vn.hoctap.titles.core.CampaignWorkflow;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.TitleStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.hoctap.accounts.Role;
import vn.hoctap.titles.core.CampaignWorkflow.Actor;
import vn.hoctap.titles.core.CampaignWorkflow.Deadlines;
import vn.hoctap.titles.core.CampaignWorkflow.Step;

/** The workflow's policies alone (no database): every step from every state, for every role. */
class CampaignWorkflowTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final Deadlines OPEN = new Deadlines(TODAY, TODAY.plusDays(1), TODAY.plusDays(2), TODAY.plusDays(3));

    static Optional<String> check(Step step, TitleStatus from, SubjectType subject, Role role, boolean writes) {
        return CampaignWorkflow.check(step, from, subject, new Actor(role, writes, true), OPEN, TODAY);
    }

    @Test
    void onlyTheNextStepIsAllowedFromEachState() {
        // for the commune officer of the unit (who may do most steps), list the steps allowed from each state
        for (TitleStatus from : TitleStatus.values()) {
            for (Step step : Step.values()) {
                if (step == Step.REGISTER || step == Step.REVOKE) continue;
                boolean allowedByOrder = CampaignWorkflow.STEP_ORDER.check(step, from, SubjectType.FAMILY, null, OPEN, TODAY).isEmpty();
                boolean expected = switch (step) {
                    case SELF_ASSESS -> from == TitleStatus.REGISTERED || from == TitleStatus.SELF_ASSESSED;
                    case REVIEW -> from == TitleStatus.SELF_ASSESSED;
                    case DECIDE -> from == TitleStatus.REVIEWED;
                    case PUBLISH -> from == TitleStatus.RECOGNISED;
                    case REJECT -> from == TitleStatus.SELF_ASSESSED || from == TitleStatus.REVIEWED;
                    default -> false;
                };
                assertThat(allowedByOrder).as(step + " from " + from).isEqualTo(expected);
            }
        }
        assertThat(check(Step.REVOKE, TitleStatus.PUBLISHED, SubjectType.CITIZEN, Role.CITY_ADMIN, true)).isEmpty();
        assertThat(check(Step.REVOKE, TitleStatus.RECOGNISED, SubjectType.CITIZEN, Role.CITY_ADMIN, true)).contains("titles.error.step-order");
    }

    @Test
    void eachStepOnlyByItsRoleWithinTheUnit() {
        assertThat(check(Step.REVIEW, TitleStatus.SELF_ASSESSED, SubjectType.FAMILY, Role.ASSOCIATION_MEMBER, true)).isEmpty();
        assertThat(check(Step.REVIEW, TitleStatus.SELF_ASSESSED, SubjectType.FAMILY, Role.ASSOCIATION_MEMBER, false)).contains("titles.error.role");
        assertThat(check(Step.REVIEW, TitleStatus.SELF_ASSESSED, SubjectType.FAMILY, Role.CITIZEN, false)).contains("titles.error.role");
        assertThat(check(Step.DECIDE, TitleStatus.REVIEWED, SubjectType.FAMILY, Role.COMMUNE_OFFICER, true)).isEmpty();
        assertThat(check(Step.DECIDE, TitleStatus.REVIEWED, SubjectType.FAMILY, Role.ASSOCIATION_MEMBER, true)).contains("titles.error.role");
        assertThat(check(Step.DECIDE, TitleStatus.REVIEWED, SubjectType.FAMILY, Role.CITY_OFFICER, true)).contains("titles.error.role");
        for (SubjectType cityDecided : new SubjectType[] {SubjectType.CITY_UNIT, SubjectType.COMMUNE}) {
            assertThat(check(Step.DECIDE, TitleStatus.REVIEWED, cityDecided, Role.CITY_OFFICER, true)).isEmpty();
            assertThat(check(Step.PUBLISH, TitleStatus.RECOGNISED, cityDecided, Role.CITY_ADMIN, true)).isEmpty();
            assertThat(check(Step.DECIDE, TitleStatus.REVIEWED, cityDecided, Role.COMMUNE_OFFICER, true)).contains("titles.error.role");
        }
        // issue 15: an organisation under the commune's management (QĐ 448 "ở cơ sở thuộc xã quản lý") is decided by the
        // commune, not by the city; one at city level (TT 24/2023) by the city, not by the commune
        assertThat(check(Step.DECIDE, TitleStatus.REVIEWED, SubjectType.UNIT, Role.COMMUNE_OFFICER, true)).isEmpty();
        assertThat(check(Step.PUBLISH, TitleStatus.RECOGNISED, SubjectType.UNIT, Role.COMMUNE_OFFICER, true)).isEmpty();
        assertThat(check(Step.REJECT, TitleStatus.REVIEWED, SubjectType.UNIT, Role.COMMUNE_OFFICER, true)).isEmpty();
        assertThat(check(Step.DECIDE, TitleStatus.REVIEWED, SubjectType.UNIT, Role.CITY_OFFICER, true)).contains("titles.error.role");
        assertThat(check(Step.DECIDE, TitleStatus.REVIEWED, SubjectType.UNIT, Role.COMMUNE_OFFICER, false)).contains("titles.error.role");
        assertThat(check(Step.REVIEW, TitleStatus.SELF_ASSESSED, SubjectType.UNIT, Role.CITY_OFFICER, true)).contains("titles.error.role");
        assertThat(check(Step.REVIEW, TitleStatus.SELF_ASSESSED, SubjectType.CITY_UNIT, Role.CITY_OFFICER, true)).isEmpty();
        assertThat(SubjectType.of(TitleKind.DON_VI)).isEqualTo(SubjectType.UNIT);   // the default: under the commune
        assertThat(SubjectType.CITY_UNIT.kind()).isEqualTo(TitleKind.DON_VI);
        // a resident on the public page registers and self-assesses only as a citizen
        assertThat(CampaignWorkflow.check(Step.REGISTER, null, SubjectType.CITIZEN, Actor.publicResident(), OPEN, TODAY)).isEmpty();
        assertThat(CampaignWorkflow.check(Step.REGISTER, null, SubjectType.FAMILY, Actor.publicResident(), OPEN, TODAY)).contains("titles.error.role");
        assertThat(CampaignWorkflow.check(Step.REVIEW, TitleStatus.SELF_ASSESSED, SubjectType.CITIZEN, Actor.publicResident(), OPEN, TODAY))
                .contains("titles.error.role");
        // so does a resident signed in with a citizen account
        assertThat(check(Step.REGISTER, null, SubjectType.CITIZEN, Role.CITIZEN, false)).isEmpty();
        assertThat(check(Step.REGISTER, null, SubjectType.FAMILY, Role.CITIZEN, false)).contains("titles.error.role");
        // an organisation registers only itself (a unit), reading its commune
        assertThat(check(Step.REGISTER, null, SubjectType.UNIT, Role.ORGANISATION_USER, false)).isEmpty();
        assertThat(check(Step.REGISTER, null, SubjectType.CITY_UNIT, Role.ORGANISATION_USER, false)).isEmpty();
        assertThat(check(Step.REGISTER, null, SubjectType.FAMILY, Role.ORGANISATION_USER, false)).contains("titles.error.role");
        assertThat(check(Step.REVOKE, TitleStatus.PUBLISHED, SubjectType.FAMILY, Role.COMMUNE_OFFICER, true)).contains("titles.error.role");
    }

    @Test
    void deadlinesCloseTheirStepTheDayAfter() {
        Deadlines d = OPEN;
        Actor officer = new Actor(Role.COMMUNE_OFFICER, true, true);
        assertThat(CampaignWorkflow.check(Step.REGISTER, null, SubjectType.FAMILY, officer, d, TODAY)).isEmpty();
        assertThat(CampaignWorkflow.check(Step.REGISTER, null, SubjectType.FAMILY, officer, d, TODAY.plusDays(1))).contains("titles.error.deadline");
        assertThat(CampaignWorkflow.check(Step.SELF_ASSESS, TitleStatus.REGISTERED, SubjectType.FAMILY, officer, d, TODAY.plusDays(1))).isEmpty();
        assertThat(CampaignWorkflow.check(Step.SELF_ASSESS, TitleStatus.REGISTERED, SubjectType.FAMILY, officer, d, TODAY.plusDays(2)))
                .contains("titles.error.deadline");
        assertThat(CampaignWorkflow.check(Step.REJECT, TitleStatus.SELF_ASSESSED, SubjectType.FAMILY, officer, d, TODAY.plusDays(3)))
                .contains("titles.error.deadline");
        assertThat(CampaignWorkflow.check(Step.REJECT, TitleStatus.REVIEWED, SubjectType.FAMILY, officer, d, TODAY.plusDays(3))).isEmpty();
        assertThat(CampaignWorkflow.check(Step.DECIDE, TitleStatus.REVIEWED, SubjectType.FAMILY, officer, d, TODAY.plusDays(4)))
                .contains("titles.error.deadline");
        // publication has no deadline (certificates may be published after the decision)
        assertThat(CampaignWorkflow.check(Step.PUBLISH, TitleStatus.RECOGNISED, SubjectType.FAMILY, officer, d, TODAY.plusDays(400))).isEmpty();
    }
}
