package vn.hoctap.reporting.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.OrganisationMembership;
import vn.hoctap.accounts.PersonalDataSection;

/** "Dữ liệu của tôi" — báo cáo: the organisation an account reports for (its reports are the organisation's, not personal). */
@Component
class ReportingPersonalData implements PersonalDataSection {

    private final OrganisationMembers members;

    ReportingPersonalData(OrganisationMembers members) {
        this.members = members;
    }

    @Override
    public String id() {
        return "reporting";
    }

    @Override
    public String titleKey() {
        return "privacy.section.reporting";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Group> groups(CurrentUser user) {
        return members.organisationOf(user.username())
                .map((OrganisationMembership.Member m) -> List.of(new Group(null, List.of(
                        Item.text("privacy.reporting.organisation", m.name()),
                        Item.text("privacy.reporting.commune", m.communeCode())))))
                .orElse(List.of());
    }
}
