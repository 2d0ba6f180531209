package vn.hoctap.reporting.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoctap.indicators.IndicatorCoverage;
import vn.hoctap.reporting.Reports;
import vn.hoctap.reporting.core.DataSet;
import vn.hoctap.reporting.core.IndicatorMapping;

/**
 * How many organisations of the register reported an indicator's data set (approved) in a year, of how many: the
 * organisations of the data set's kind in force on 31 December of the year, plus any that reported although not in
 * force then. Counts only, for the dashboard.
 */
@Component
class ReportedCoverage implements IndicatorCoverage {

    private final JdbcTemplate jdbc;
    private final Reports reports;

    ReportedCoverage(JdbcTemplate jdbc, Reports reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    /** Every data set that feeds the indicator (cs.digital_basic: agencies and schools, issue 15). */
    private java.util.List<DataSet> dataSetsOf(String indicatorId) {
        java.util.List<DataSet> sets = new java.util.ArrayList<>();
        for (DataSet d : reports.catalogue().all()) {
            for (IndicatorMapping m : d.indicators()) {
                if (m.indicatorId().equals(indicatorId)) sets.add(d);
            }
        }
        return sets;
    }

    @Override
    public java.util.Map<String, Coverage> byCommune(String indicatorId, int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        java.util.Map<String, int[]> sums = new java.util.TreeMap<>();
        for (DataSet set : dataSetsOf(indicatorId)) {
            jdbc.query("""
                    select o.commune_code,
                           count(*) filter (where o.valid_from <= ? and (o.valid_until is null or o.valid_until > ?) or r.id is not null),
                           count(r.id)
                    from reporting_organisation o
                    left join reporting_report r on r.organisation_id = o.id and r.data_set = ? and r.period = ? and r.state = 'approved'
                    where o.kind = ? group by o.commune_code""", rs -> {
                int[] c = sums.computeIfAbsent(rs.getString(1), k -> new int[2]);
                c[0] += rs.getInt(2);
                c[1] += rs.getInt(3);
            }, end, end, set.code(), year, set.kind().code());
        }
        java.util.Map<String, Coverage> out = new java.util.TreeMap<>();
        sums.forEach((commune, c) -> {
            if (c[0] > 0) out.put(commune, new Coverage(c[0], c[1]));
        });
        return out;
    }

    @Override
    public Optional<Coverage> coverage(String indicatorId, int year, String unitCode) {
        java.util.List<DataSet> sets = dataSetsOf(indicatorId);
        if (sets.isEmpty()) return Optional.empty();
        LocalDate end = LocalDate.of(year, 12, 31);
        boolean city = "01".equals(unitCode);
        int[] counts = new int[2];
        for (DataSet set : sets) {
            Integer[] c = jdbc.queryForObject("""
                    select count(*) filter (where o.valid_from <= ? and (o.valid_until is null or o.valid_until > ?) or r.id is not null),
                           count(r.id)
                    from reporting_organisation o
                    left join reporting_report r on r.organisation_id = o.id and r.data_set = ? and r.period = ? and r.state = 'approved'
                    where o.kind = ? and (? or o.commune_code = ?)""", (rs, i) -> new Integer[] {rs.getInt(1), rs.getInt(2)},
                    end, end, set.code(), year, set.kind().code(), city, unitCode);
            counts[0] += c[0];
            counts[1] += c[1];
        }
        return Optional.of(new Coverage(counts[0], counts[1]));
    }
}
