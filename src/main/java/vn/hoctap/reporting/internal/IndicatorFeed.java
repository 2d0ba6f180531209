package vn.hoctap.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.indicators.Targets;
import vn.hoctap.reporting.core.DataSet;
import vn.hoctap.reporting.core.IndicatorMapping;
import vn.hoctap.reporting.core.OrganisationKind;
import vn.hoctap.reporting.core.RegistryDenominator;

/**
 * Số liệu đã phê duyệt → chỉ tiêu: after an approval, each indicator the data set feeds is recomputed for
 * the period from the approved values of every approved report and stored with
 * {@link IndicatorValues#store} (source "reported"), so the dashboard changes at once. Per organisation the
 * numerator and denominator expressions are evaluated; they are summed per commune and for the city (01).
 * A commune whose denominator sum is 0 gets no value. For years before the 2025 reform (31 December before
 * 1/7/2025) only the city's value is stored: organisations are registered under today's communes, whose
 * codes meant other units then.
 *
 * <p>Denominators come from the register of organisations (issue 12): every organisation of the data set's kind in
 * force on 31 December of the period that has no approved report adds 0 to the numerator and what
 * {@link RegistryDenominator} says to the denominator, so "chưa báo cáo" lowers the rate instead of vanishing.
 */
@Component
public class IndicatorFeed {

    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private final JdbcTemplate jdbc;
    private final IndicatorValues values;

    public IndicatorFeed(JdbcTemplate jdbc, IndicatorValues values) {
        this.jdbc = jdbc;
        this.values = values;
    }

    public void refresh(DataSet set, int period) {
        refresh(set, period, java.util.List.of(set));
    }

    /**
     * Recomputes every indicator the data set feeds, from every data set in {@code all} that feeds the same indicator
     * (cs.digital_basic and cs.data_skills come from agencies and from schools, issue 15), so one approval does not
     * overwrite the other data set's part.
     */
    public void refresh(DataSet set, int period, java.util.Collection<DataSet> all) {
        boolean communes = !LocalDate.of(period, 12, 31).isBefore(REFORM);
        Map<String, Part> parts = new HashMap<>();
        for (IndicatorMapping m : set.indicators()) {
            Map<String, double[]> sums = new LinkedHashMap<>();
            double[] city = new double[2];
            java.util.List<DataSet> feeders = new java.util.ArrayList<>();
            feeders.add(set);
            for (DataSet d : all) {
                if (!d.code().equals(set.code()) && d.indicators().stream().anyMatch(x -> x.indicatorId().equals(m.indicatorId()))) {
                    feeders.add(d);
                }
            }
            for (DataSet f : feeders) {
                IndicatorMapping fm = f.indicators().stream().filter(x -> x.indicatorId().equals(m.indicatorId())).findFirst().orElseThrow();
                Part part = parts.computeIfAbsent(f.code(), k -> part(f, period));
                part.approved.forEach((org, vals) -> {
                    if (!RegistryDenominator.counts(m.indicatorId(), part.facts.get(org))) {
                        return;
                    }
                    double n = fm.numerator().evaluate(vals);
                    double d = fm.denominator().evaluate(vals);
                    if (Double.isNaN(n) || Double.isNaN(d)) {
                        return;
                    }
                    double[] acc = sums.computeIfAbsent(part.commune.get(org), k -> new double[2]);
                    acc[0] += n;
                    acc[1] += d;
                    city[0] += n;
                    city[1] += d;
                });
                part.silent.forEach((org, facts) -> {
                    Double d = RegistryDenominator.of(m.indicatorId(), facts);
                    if (d == null || d == 0) return;
                    sums.computeIfAbsent(part.commune.get(org), k -> new double[2])[1] += d;
                    city[1] += d;
                });
            }
            Map<String, double[]> byUnit = new LinkedHashMap<>();
            if (communes) {
                sums.forEach((code, nd) -> {
                    if (nd[1] > 0) {
                        byUnit.put(code, nd);
                    }
                });
            }
            if (city[1] > 0) {
                byUnit.put(Targets.CITY, city);
            }
            values.store(m.indicatorId(), period, byUnit, "reported");
        }
    }

    /** One data set's approved reports and silent organisations of a period. */
    private record Part(Map<Long, String> commune, Map<Long, Map<String, Double>> approved,
                        Map<Long, RegistryDenominator.Facts> facts, Map<Long, RegistryDenominator.Facts> silent) {
    }

    private Part part(DataSet set, int period) {
        // one recomputation of a data set and period at a time: a concurrent approval waits for this one to
        // commit and then reads it (read committed), so neither overwrites the other with an older sum
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> { }, "reporting:" + set.code() + ":" + period);
        // organisation → (commune, element → approved value)
        Map<Long, String> commune = new HashMap<>();
        Map<Long, Map<String, Double>> approved = new TreeMap<>();
        jdbc.query("""
                select r.organisation_id, o.commune_code, v.element, v.approved_value
                from reporting_report r join reporting_organisation o on o.id = r.organisation_id
                join reporting_value v on v.report_id = r.id
                where r.data_set = ? and r.period = ? and r.state = 'approved' and v.approved_value is not null""", rs -> {
            long org = rs.getLong("organisation_id");
            commune.put(org, rs.getString("commune_code"));
            BigDecimal v = rs.getBigDecimal("approved_value");
            approved.computeIfAbsent(org, k -> new HashMap<>()).put(rs.getString("element"), v.doubleValue());
        }, set.code(), period);
        // the register: the facts of every organisation of the kind; silent = in force on 31 December of the period
        // without an approved report
        Map<Long, RegistryDenominator.Facts> facts = new HashMap<>();
        Map<Long, RegistryDenominator.Facts> silent = new TreeMap<>();
        LocalDate end = LocalDate.of(period, 12, 31);
        jdbc.query("""
                select id, commune_code, kind, school_level, ownership, staff, it_staff, valid_from, valid_until from reporting_organisation
                where kind = ?""", rs -> {
            long id = rs.getLong("id");
            Integer staff = rs.getObject("staff") == null ? null : rs.getInt("staff");
            RegistryDenominator.Facts f = new RegistryDenominator.Facts(OrganisationKind.fromCode(rs.getString("kind")),
                    rs.getString("school_level"), "public".equals(rs.getString("ownership")), staff,
                    rs.getObject("it_staff") == null ? null : rs.getInt("it_staff"));
            facts.put(id, f);
            LocalDate from = rs.getObject("valid_from", LocalDate.class);
            LocalDate until = rs.getObject("valid_until", LocalDate.class);
            boolean inForce = !from.isAfter(end) && (until == null || until.isAfter(end));
            if (inForce && !approved.containsKey(id)) {
                silent.put(id, f);
                commune.put(id, rs.getString("commune_code"));
            }
        }, set.kind().code());
        return new Part(commune, approved, facts, silent);
    }
}
