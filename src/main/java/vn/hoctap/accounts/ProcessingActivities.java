package vn.hoctap.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hồ sơ hoạt động xử lý dữ liệu cá nhân: the record of what personal data the platform processes, why, on which
 * legal basis, who may see it and how long it is kept. A separate "record of processing" duty was not found in Luật
 * 91/2025/QH15 [NF, shared/docs/regulations-2026-12.md §4.2]; the record is kept because the controller must be able to
 * tell data subjects about processing (Art. 4(1)(a) [V]) and answer the authority. Who may see each activity's data is
 * read from {@link AccessMatrix}, so the record cannot drift from the rules that are enforced. Texts (purpose, data,
 * basis, retention) are messages {@code privacy.activity.<id>.*}; docs/privacy.md holds the same table.
 * A module that starts keeping personal data adds its activity here.
 */
public final class ProcessingActivities {

    /** One processing activity: an id, the kind of data in the access matrix. */
    public record Activity(String id, DataKind kind) {
        /** The roles that may read the data, with "own" when only their own ({@link Grant#OWN}). */
        public Map<Role, Grant> readers() {
            Map<Role, Grant> m = new LinkedHashMap<>();
            for (Role r : Role.values()) {
                Grant g = AccessMatrix.grant(r, kind, AccessAction.READ);
                if (g != Grant.NONE) m.put(r, g);
            }
            return m;
        }
    }

    public static final List<Activity> ALL = List.of(
            new Activity("register", DataKind.PERSON_ROWS),
            new Activity("titles", DataKind.TITLE_DOSSIER),
            new Activity("accounts", DataKind.ADMINISTRATION),
            new Activity("audit", DataKind.AUDIT),
            new Activity("reporting", DataKind.ORGANISATION_REPORTS),
            new Activity("requests", DataKind.DATA_SUBJECT_REQUESTS));

    private ProcessingActivities() {
    }

    public static List<String> ids() {
        List<String> out = new ArrayList<>();
        ALL.forEach(a -> out.add(a.id()));
        return out;
    }
}
