package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.ProgressListener;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;

/**
 * Issue 11 crash test: the platform, started as a child process on its own data directory and port, is killed with
 * SIGKILL in the middle of a register import (a generated register sent through the API) and started again: the
 * year's register is exactly what it was before the import (same rows, compared by a digest of every row read
 * straight from the embedded PostgreSQL), the import is not recorded, and its job shows as failed (interrupted).
 */
class CrashRecoveryTest {

    private ChildPlatform platform;

    @AfterEach
    void stopChildren() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    /** Every row of the year's register, digested, read straight from the child's PostgreSQL (port in postmaster.pid). */
    private String registerDigest(int year) throws Exception {
        try (Connection c = platform.database();
             ResultSet rs = c.createStatement().executeQuery("""
                     select count(*) || ':' || coalesce(md5(string_agg(to_jsonb(r)::text, '|' order by person_id)), '')
                     from register_person r where year = """ + year)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void killedDuringAnImportTheRegisterIsAsBeforeAndTheImportShowsFailed() throws Exception {
        platform = new ChildPlatform();
        Path work = ChildPlatform.workDir();
        Path base = work.resolve("base-" + platform.dataDir.getFileName());
        Path big = work.resolve("big-" + platform.dataDir.getFileName());
        SyntheticRegister.generate(GeneratorOptions.of(3_000, 1, Structure.HANOI_2025), base, ProgressListener.NONE);
        SyntheticRegister.generate(GeneratorOptions.of(400_000, 2, Structure.HANOI_2025), big, ProgressListener.NONE);

        int port = ChildPlatform.freePort();
        Process first = platform.startAndAwait(port);
        String baseJob = platform.send(platform.api(port, "/api/register/imports?year=2025&fileName=base.csv")
                .POST(HttpRequest.BodyPublishers.ofFile(base.resolve("persons.csv"))).build());
        String baseId = ChildPlatform.field(baseJob, "id");
        for (int i = 0; i < 600 && !"DONE".equals(ChildPlatform.field(platform.send(platform.api(port, "/api/register/import-jobs/" + baseId).GET().build()), "state")); i++) {
            Thread.sleep(100);
        }
        String before = registerDigest(2025);
        assertThat(before).startsWith("3000:");

        String bigJob = platform.send(platform.api(port, "/api/register/imports?year=2025&fileName=big.csv")
                .POST(HttpRequest.BodyPublishers.ofFile(big.resolve("persons.csv"))).build());
        String bigId = ChildPlatform.field(bigJob, "id");
        // wait until the import is well under way (reading, checking and COPYing inside its transaction)
        long rows = 0;
        for (int i = 0; i < 1200 && rows < 60_000; i++) {
            String job = platform.send(platform.api(port, "/api/register/import-jobs/" + bigId).GET().build());
            assertThat(ChildPlatform.field(job, "state")).isIn("QUEUED", "CONVERTING", "CHECKING", "SAVING");
            rows = Long.parseLong(ChildPlatform.field(job, "rows"));
            Thread.sleep(50);
        }
        assertThat(rows).isGreaterThanOrEqualTo(60_000).isLessThan(400_000);
        ChildPlatform.kill(first);   // SIGKILL

        int port2 = ChildPlatform.freePort();
        platform.startAndAwait(port2);
        assertThat(registerDigest(2025)).isEqualTo(before);
        String job = platform.send(platform.api(port2, "/api/register/import-jobs/" + bigId).GET().build());
        assertThat(ChildPlatform.field(job, "state")).isEqualTo("FAILED");
        assertThat(ChildPlatform.field(job, "failure")).isEqualTo("register.import.interrupted");
        String imports = platform.send(platform.api(port2, "/api/register/imports?year=2025").GET().build());
        assertThat(imports).contains("base.csv").doesNotContain("big.csv");
        // and the platform still imports: the same file now goes through whole
        String again = platform.send(platform.api(port2, "/api/register/imports?year=2025&fileName=base.csv")
                .POST(HttpRequest.BodyPublishers.ofFile(base.resolve("persons.csv"))).build());
        assertThat(ChildPlatform.field(again, "state")).isIn("QUEUED", "CHECKING", "SAVING", "DONE");
    }
}
