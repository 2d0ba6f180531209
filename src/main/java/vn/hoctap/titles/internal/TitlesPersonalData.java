package vn.hoctap.titles.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.PersonalDataSection;

/**
 * "Dữ liệu của tôi" — danh hiệu học tập: the person's own dossiers (a citizen's, or their organisation's), with the
 * status, the score, the contact kept for a self-registered resident, the scores per indicator and the evidence files.
 */
@Component
class TitlesPersonalData implements PersonalDataSection {

    private final Campaigns campaigns;

    TitlesPersonalData(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String id() {
        return "titles";
    }

    @Override
    public String titleKey() {
        return "privacy.section.titles";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Group> groups(CurrentUser user) {
        List<Group> out = new ArrayList<>();
        for (Campaigns.Dossier d : campaigns.ownDossiers()) {
            Campaigns.Campaign c = campaigns.campaignUnchecked(d.campaignId());
            List<Item> items = new ArrayList<>();
            items.add(Item.text("privacy.titles.subject", d.subjectName()));
            items.add(Item.text("privacy.titles.commune", d.communeCode()));
            items.add(Item.key("privacy.titles.status", "titles.status." + d.status().name()));
            if (d.total() != null) items.add(Item.text("privacy.titles.score", d.total() + " / " + d.maxTotal()));
            if (d.householdId() != null) items.add(Item.text("privacy.titles.household", d.householdId()));
            String contact = campaigns.contact(d.id());
            if (contact != null) items.add(Item.text("privacy.titles.contact", contact));
            for (Campaigns.Score s : campaigns.scores(d.id())) {
                items.add(Item.text("privacy.titles.indicator", s.indicatorId() + ": " + s.points()));
            }
            for (Campaigns.EvidenceFile f : campaigns.files(d.id())) {
                items.add(Item.text("privacy.titles.file", f.fileName() + " (" + f.size() + " B, " + f.uploadedBy() + ")"));
            }
            if (d.reason() != null) items.add(Item.text("privacy.titles.reason", d.reason()));
            out.add(new Group(c.name() + " — " + d.subjectName(), items));
        }
        return out;
    }
}
