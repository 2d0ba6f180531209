package vn.hoctap.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.platform.HanoiTime;
import vn.hoctap.reporting.OrganisationRegistry;
import vn.hoctap.reporting.Reports;
import vn.hoctap.reporting.core.DataSet;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;

/**
 * Sổ danh mục mẫu (dữ liệu mô phỏng): with {@code hoctap.demo=true}, on a start with no synthetic organisation yet, a
 * synthetic register for every commune in force today (126): one community learning centre, the commune's People's
 * Committee (with a headcount), a public kindergarten, primary and lower-secondary school, every third commune an
 * upper-secondary school (every sixth private), every tenth a GDNN-GDTX centre. Names say "(mô phỏng)" and rows are
 * flagged {@code synthetic}. A kind a commune already has (the demo organisations of Ba Đình and Ngọc Hà) is not
 * added again. All are in force from 1/7/2025 (the demo organisations too); then the reported indicators of last year
 * and this year are recomputed, so their denominators are the register's. Deterministic, no randomness.
 */
@Component
@Order(21)
class DemoRegistry implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);
    static final LocalDate FROM = LocalDate.of(2025, 7, 1);

    private final boolean demo;
    private final String command;
    private final JdbcTemplate jdbc;
    private final OrganisationRegistry registry;
    private final UnitDirectory units;
    private final IndicatorFeed feed;
    private final Reports reports;
    private final TransactionTemplate tx;

    DemoRegistry(@Value("${hoctap.demo:false}") boolean demo, @Value("${hoctap.command:}") String command, JdbcTemplate jdbc,
                 OrganisationRegistry registry, UnitDirectory units, IndicatorFeed feed, Reports reports, TransactionTemplate tx) {
        this.demo = demo;
        this.command = command;
        this.jdbc = jdbc;
        this.registry = registry;
        this.units = units;
        this.feed = feed;
        this.reports = reports;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || !command.isEmpty()) return;
        Integer n = jdbc.queryForObject("select count(*) from reporting_organisation where synthetic", Integer.class);
        if (n != null && n > 0) return;
        try {
            int added = tx.execute(status -> {
                jdbc.update("update reporting_organisation set valid_from = ? where valid_from > ?", FROM, FROM);
                int a = registry.loadSynthetic(rows(units.unitsOn(HanoiTime.today()), existingKinds()));
                int year = HanoiTime.today().getYear();
                for (DataSet d : reports.catalogue().all()) {
                    feed.refresh(d, year - 1, reports.catalogue().all());
                    feed.refresh(d, year, reports.catalogue().all());
                }
                return a;
            });
            log.info("Sổ danh mục mẫu: {} đơn vị mô phỏng / synthetic register of organisations: {} rows", added, added);
        } catch (RuntimeException e) {
            log.warn("Không tạo được sổ danh mục mẫu / the synthetic register could not be created", e);
        }
    }

    private Set<String> existingKinds() {
        return new HashSet<>(jdbc.queryForList("select distinct commune_code || ':' || kind from reporting_organisation", String.class));
    }

    /**
     * code, name, kind, commune, school level, ownership, staff, valid from (and, for the UBND, the dedicated IT staff) —
     * for the communes given, in their order.
     */
    static List<String[]> rows(List<UnitVersion> all, Set<String> existing) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        for (UnitVersion u : all) {
            if (u.level() != UnitLevel.COMMUNE) continue;
            i++;
            String c = u.code();
            String place = u.name().replaceFirst("^(Phường|Xã) ", "");
            if (!existing.contains(c + ":clc")) {
                out.add(new String[] {"TT-" + c + "-S01", "Trung tâm học tập cộng đồng " + u.name() + " (mô phỏng)", "clc", c, null, "public", null, FROM.toString()});
            }
            if (!existing.contains(c + ":agency")) {
                out.add(new String[] {"CQ-" + c + "-S01", "UBND " + u.name() + " (mô phỏng)", "agency", c, null, "public",
                        String.valueOf(40 + (i * 7) % 41), FROM.toString(), String.valueOf(1 + i % 3)});
            }
            if (!existing.contains(c + ":school")) {
                out.add(new String[] {"TR-" + c + "-S01", "Trường Mầm non " + place + " (mô phỏng)", "school", c, "mam_non", "public", null, FROM.toString()});
                out.add(new String[] {"TR-" + c + "-S02", "Trường Tiểu học " + place + " (mô phỏng)", "school", c, "tieu_hoc", "public", null, FROM.toString()});
                out.add(new String[] {"TR-" + c + "-S03", "Trường THCS " + place + " (mô phỏng)", "school", c, "thcs", "public", null, FROM.toString()});
                if (i % 3 == 0) {
                    out.add(new String[] {"TR-" + c + "-S04", "Trường THPT " + place + " (mô phỏng)", "school", c, "thpt",
                            i % 6 == 0 ? "private" : "public", null, FROM.toString()});
                }
                if (i % 10 == 0) {
                    out.add(new String[] {"TR-" + c + "-S05", "Trung tâm GDNN-GDTX " + place + " (mô phỏng)", "school", c, "gdnn_gdtx", "public", null, FROM.toString()});
                }
            }
        }
        return out;
    }
}
