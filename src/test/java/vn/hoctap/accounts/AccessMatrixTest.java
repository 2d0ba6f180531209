package vn.hoctap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessMatrixTest {

    @Test
    void citizensAndOrganisationsNeverSeePersonRows() {
        for (AccessAction a : AccessAction.values()) {
            assertThat(AccessMatrix.grant(Role.CITIZEN, DataKind.PERSON_ROWS, a)).isEqualTo(Grant.NONE);
            assertThat(AccessMatrix.grant(Role.ORGANISATION_USER, DataKind.PERSON_ROWS, a)).isEqualTo(Grant.NONE);
            assertThat(AccessMatrix.grant(Role.ASSOCIATION_MEMBER, DataKind.PERSON_ROWS, a)).isEqualTo(Grant.NONE);
        }
        assertThat(AccessMatrix.grant(Role.COMMUNE_OFFICER, DataKind.PERSON_ROWS, AccessAction.EXPORT)).isEqualTo(Grant.SCOPE);
    }

    @Test
    void organisationUsersSeeOnlyTheirOwnReportsAndDossiers() {
        assertThat(AccessMatrix.grant(Role.ORGANISATION_USER, DataKind.ORGANISATION_REPORTS, AccessAction.READ)).isEqualTo(Grant.OWN);
        assertThat(AccessMatrix.grant(Role.ORGANISATION_USER, DataKind.TITLE_DOSSIER, AccessAction.WRITE)).isEqualTo(Grant.OWN);
        assertThat(AccessMatrix.grant(Role.CITIZEN, DataKind.TITLE_DOSSIER, AccessAction.READ)).isEqualTo(Grant.OWN);
    }

    @Test
    void theAuditorWritesNothingAndOnlyTheChairApprovesFundRecords() {
        for (DataKind k : DataKind.values()) {
            if (k == DataKind.PUBLIC || k == DataKind.SIGNED_IN) continue;
            if (k == DataKind.DATA_SUBJECT_REQUESTS) {
                // an auditor is also a person: they may ask for a correction of their own data, nothing else
                assertThat(AccessMatrix.grant(Role.AUDITOR, k, AccessAction.WRITE)).isEqualTo(Grant.OWN);
                continue;
            }
            assertThat(AccessMatrix.grant(Role.AUDITOR, k, AccessAction.WRITE)).as(k.name()).isEqualTo(Grant.NONE);
        }
        for (Role r : Role.values()) {
            assertThat(AccessMatrix.grant(r, DataKind.FUND_RECORDS, AccessAction.APPROVE))
                    .isEqualTo(r == Role.ASSOCIATION_CHAIR ? Grant.SCOPE : Grant.NONE);
        }
    }

    @Test
    void someoneNotSignedInReadsPublicDataOnly() {
        for (DataKind k : DataKind.values()) {
            assertThat(AccessMatrix.anonymous(k, AccessAction.READ)).isEqualTo(k == DataKind.PUBLIC ? Grant.SCOPE : Grant.NONE);
        }
    }

    @Test
    void aTableWithAMissingCellOrABadCellIsRefused() {
        assertThatThrownBy(() -> AccessMatrix.parse("PUBLIC READ S S S S S S S S S S S"))
                .hasMessageContaining("no cell for");
        assertThatThrownBy(() -> AccessMatrix.parse("PUBLIC READ S S S S S S S S S S X"))
                .hasMessageContaining("cell X");
        assertThatThrownBy(() -> AccessMatrix.parse(AccessMatrix.TABLE + "PUBLIC READ S S S S S S S S S S S\n"))
                .hasMessageContaining("twice");
    }
}
