package vn.hoctap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * README's "Ai được xem gì / Who may see what" and docs/architecture.md show the access matrix as it is enforced: the
 * table between the markers is exactly {@link AccessMatrix#markdown()}, so a changed cell fails until the docs follow;
 * every role and kind of data is in it; docs/privacy.md has a row for every processing activity.
 */
class AccessDocsTest {

    static String block(String file) throws Exception {
        String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        int from = text.indexOf("<!-- access-matrix:begin -->\n");
        int to = text.indexOf("<!-- access-matrix:end -->");
        assertThat(from).as(file + " has the access-matrix block").isGreaterThanOrEqualTo(0);
        return text.substring(from + "<!-- access-matrix:begin -->\n".length(), to);
    }

    @Test
    void readmeAndArchitectureShowTheMatrixAsEnforced() throws Exception {
        String table = AccessMatrix.markdown();
        assertThat(block("README.md")).isEqualTo(table);
        assertThat(block("docs/architecture.md")).isEqualTo(table);
        for (Role r : Role.values()) assertThat(table).contains("| " + r.name() + " |");
        for (DataKind k : DataKind.values()) assertThat(table).contains("| " + k.name() + " |");
        // a cell worked out by hand: a citizen reads their own title dossier, exports it and writes it, approves nothing
        assertThat(table).contains("| TITLE_DOSSIER | `REWA` | `REWA` | `REWA` | `REWA` | `rew·` | `rew·` | `····` |");
        // person rows: the city and the commune only
        assertThat(table).contains("| PERSON_ROWS | `REW·` | `REW·` | `REW·` | `····` | `····` | `····` |");
    }

    @Test
    void thePrivacyDocHasEveryProcessingActivity() throws Exception {
        String privacy = Files.readString(Path.of("docs/privacy.md"), StandardCharsets.UTF_8);
        for (String id : ProcessingActivities.ids()) {
            assertThat(privacy).contains("| `" + id + "` |");
        }
        assertThat(privacy).contains("72 hours").contains("[NF]").contains("[S]");
    }
}
