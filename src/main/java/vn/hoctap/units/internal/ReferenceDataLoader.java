package vn.hoctap.units.internal;

import java.sql.Date;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.platform.VietnameseText;
import vn.hoctap.units.core.HanoiReferenceData;
import vn.hoctap.units.core.Succession;
import vn.hoctap.units.core.UnitVersion;

/**
 * Loads Hà Nội's units, their history, the 2025 merger mapping and population into the database on
 * first start, in one transaction, and again only if the shipped data set changes (by checksum).
 */
@Component
public class ReferenceDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    static final String DATASET = "hanoi-units";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ReferenceDataLoader(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void loadIfNeeded() {
        String checksum = HanoiReferenceData.checksum();
        List<String> loaded = jdbc.queryForList("select checksum from reference_load where name = ?", String.class, DATASET);
        if (!loaded.isEmpty() && loaded.get(0).equals(checksum)) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.execute("lock table reference_load in exclusive mode");
            List<String> again = jdbc.queryForList("select checksum from reference_load where name = ?", String.class, DATASET);
            if (!again.isEmpty() && again.get(0).equals(checksum)) {
                return;
            }
            jdbc.update("delete from unit_succession");
            jdbc.update("delete from unit_version");
            jdbc.update("delete from unit_population");
            List<UnitVersion> versions = HanoiReferenceData.versions();
            jdbc.batchUpdate("""
                    insert into unit_version (code, name, search_key, level, parent_code, valid_from, valid_until, source)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", versions, 500, (ps, v) -> {
                ps.setString(1, v.code());
                ps.setString(2, v.name());
                ps.setString(3, VietnameseText.fold(v.name()));
                ps.setString(4, v.level().code());
                ps.setString(5, v.parentCode());
                ps.setDate(6, Date.valueOf(v.validFrom()));
                ps.setDate(7, v.validUntil() == null ? null : Date.valueOf(v.validUntil()));
                ps.setString(8, v.source());
            });
            List<Succession> successions = HanoiReferenceData.successions();
            jdbc.batchUpdate("""
                    insert into unit_succession (old_code, new_code, effective, kind, source) values (?, ?, ?, ?, ?)""",
                    successions, 500, (ps, s) -> {
                        ps.setString(1, s.oldCode());
                        ps.setString(2, s.newCode());
                        ps.setDate(3, Date.valueOf(s.effective()));
                        ps.setString(4, s.kind().code());
                        ps.setString(5, s.source());
                    });
            List<HanoiReferenceData.Population> population = HanoiReferenceData.population();
            jdbc.batchUpdate("insert into unit_population (code, year, population, source) values (?, ?, ?, ?)",
                    population, 500, (ps, p) -> {
                        ps.setString(1, p.code());
                        ps.setInt(2, p.year());
                        ps.setLong(3, p.population());
                        ps.setString(4, p.source());
                    });
            jdbc.update("""
                    insert into reference_load (name, checksum) values (?, ?)
                    on conflict (name) do update set checksum = excluded.checksum, loaded_at = now()""", DATASET, checksum);
            log.info("Đã nạp dữ liệu đơn vị hành chính Hà Nội / loaded Hà Nội's units: {} versions, {} successions, {} population figures",
                    versions.size(), successions.size(), population.size());
        });
    }
}
