package vn.hoctap.accounts;

import java.util.List;

/**
 * Một phần của trang "Dữ liệu của tôi" (Luật 91/2025/QH15, Art. 4(1)(a) and (c) [V]: to be informed of processing and
 * to access and view one's data): what one module holds about the signed-in person. Each module that keeps personal
 * data implements it as a Spring bean (titles: the person's dossiers, scores and evidence files; reporting: the
 * organisation the account reports for; …); the accounts module collects every section onto the page.
 */
public interface PersonalDataSection {

    /** One fact held about the person: a label (message key), and a value as text or as a message key. */
    record Item(String labelKey, String value, String valueKey) {
        public static Item text(String labelKey, String value) {
            return new Item(labelKey, value, null);
        }

        public static Item key(String labelKey, String valueKey) {
            return new Item(labelKey, null, valueKey);
        }
    }

    /** A group of facts (e.g. one dossier), with a heading as text. */
    record Group(String heading, List<Item> items) {
    }

    /** A stable id, also the {@code section} of a correction request ("account", "titles", …). */
    String id();

    /** The section's title (message key). */
    String titleKey();

    /** Order on the page (account first). */
    default int order() {
        return 100;
    }

    /** What the module holds about this user, as groups of facts; empty when nothing. */
    List<Group> groups(CurrentUser user);
}
