package vn.hoctap.register.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.standards.core.Person;

/**
 * The first import into an empty register (issue 18, item 1): the primary key and the indexes are dropped for the COPY
 * and built again when it ends, inside the import's transaction. Whatever happens, the table keeps exactly its
 * primary key and indexes: after a successful COPY (and the key is enforced again), after a cancelled one, and after
 * a COPY whose rows break the key (nothing is written). On its own PostgreSQL, since it needs an empty table.
 */
class FirstImportIndexesTest {

    static OwnDatabase db;
    static JdbcTemplate jdbc;
    static TransactionTemplate tx;
    static RegisterStore store;

    @BeforeAll
    static void database() throws Exception {
        db = new OwnDatabase();
        jdbc = db.jdbc;
        tx = db.tx;
        store = db.store;
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from register_person");
    }

    /** The table's indexes as PostgreSQL defines them (the primary key's among them). */
    static List<String> indexes() {
        return jdbc.queryForList("select indexdef from pg_indexes where tablename = 'register_person' order by indexname", String.class);
    }

    static String line(String id) {
        return PersonColumns.stagedLine(2025, Person.builder(id, "00070", 1980).householdId("H-" + id).birthDate("1980-01-01")
                .sex(Person.Sex.F).residence(Person.Residence.PERMANENT).disability(Person.Disability.NONE)
                .enrolment(Person.Enrolment.NONE).build());
    }

    /**
     * Runs {@code work} on a COPY opened for {@code year} in a transaction; on any failure the COPY is cancelled first
     * (a connection with an open COPY can run nothing else, not even the rollback).
     */
    static void inCopy(int year, java.util.function.Consumer<RegisterStore.Copy> work) {
        tx.executeWithoutResult(s -> {
            RegisterStore.Copy copy = store.open(year, true);
            try {
                work.accept(copy);
            } catch (RuntimeException | AssertionError e) {
                copy.cancel();
                throw e;
            }
        });
    }

    @Test
    void theIndexesAreBuiltAgainAfterTheCopyAndTheKeyHolds() {
        List<String> before = indexes();
        // the primary key and the index by commune (V2; V170 dropped the one by household)
        assertThat(before).hasSize(2).anyMatch(d -> d.contains("register_person_pkey") && d.contains("(year, person_id)"))
                .anyMatch(d -> d.contains("(year, commune_code)"));
        inCopy(2025, copy -> {
            assertThat(copy.rebuildsIndexes()).isTrue();
            copy.write(line("A1"));
            copy.write(line("A2"));
            assertThat(copy.finish()).isEqualTo(2);
        });
        assertThat(indexes()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from register_person where year = 2025", Long.class)).isEqualTo(2);
        // the primary key is enforced again
        assertThatThrownBy(() -> jdbc.update("insert into register_person select * from register_person where person_id = 'A1'"))
                .hasMessageContaining("register_person_pkey");
        // a second import of the year is not a first one: staged, indexes kept
        boolean[] seen = new boolean[2];
        assertThatThrownBy(() -> inCopy(2025, copy -> {
            seen[0] = copy.direct();
            seen[1] = copy.rebuildsIndexes();
            throw new IllegalStateException("abandoned");
        })).hasMessage("abandoned");
        assertThat(seen).containsExactly(false, false);
        assertThat(indexes()).isEqualTo(before);
    }

    @Test
    void aCancelledCopyLeavesTheTableAsItWas() {
        List<String> before = indexes();
        boolean[] rebuilds = new boolean[1];
        assertThatThrownBy(() -> inCopy(2025, copy -> {
            rebuilds[0] = copy.rebuildsIndexes(); // dropped while the COPY runs (the connection runs nothing else)
            copy.write(line("B1"));
            throw new IllegalStateException("a bad row");
        })).hasMessage("a bad row");
        assertThat(rebuilds[0]).isTrue();
        assertThat(indexes()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from register_person", Long.class)).isZero();
    }

    @Test
    void rowsThatBreakThePrimaryKeyWriteNothing() {
        List<String> before = indexes();
        assertThatThrownBy(() -> inCopy(2025, copy -> {
            copy.write(line("C1"));
            copy.write(line("C2"));
            copy.write(line("C1"));
            copy.finish();
        })).hasMessageContaining("register_person_pkey");
        assertThat(indexes()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from register_person", Long.class)).isZero();
    }

    @Test
    void aTableWithAnotherYearKeepsItsIndexes() {
        List<String> before = indexes();
        inCopy(2024, copy -> {
            copy.write(line("D1").replaceFirst("^2025,", "2024,"));
            copy.finish();
        });
        inCopy(2025, copy -> {
            assertThat(copy.direct()).isTrue();
            assertThat(copy.rebuildsIndexes()).isFalse();
            copy.write(line("D1"));
            copy.finish();
        });
        assertThat(jdbc.queryForObject("select count(*) from register_person", Long.class)).isEqualTo(2);
    }
}
