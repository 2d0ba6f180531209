package vn.hoctap.reporting.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoctap.indicators.IndicatorCoverage;
import vn.hoctap.reporting.Reports;
import vn.hoctap.reporting.rules.DataSet;
import vn.hoctap.reporting.rules.IndicatorMapping;

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

    private DataSet dataSetOf(String indicatorId) {
        DataSet set = null;
        for (DataSet d : reports.catalogue().all()) {
            for (IndicatorMapping m : d.indicators()) {
                if (m.indicatorId().equals(indicatorId)) set = d;
            }
        }
        return set;
    }

    @Override
    public java.util.Map<String, Coverage> byCommune(String indicatorId, int year) {
        DataSet set = dataSetOf(indicatorId);
        if (set == null) return java.util.Map.of();
        LocalDate end = LocalDate.of(year, 12, 31);
        java.util.Map<String, Coverage> out = new java.util.TreeMap<>();
        jdbc.query("""
                select o.commune_code,
                       count(*) filter (where o.valid_from <= ? and (o.valid_until is null or o.valid_until > ?) or r.id is not null),
                       count(r.id)
                from reporting_organisation o
                left join reporting_report r on r.organisation_id = o.id and r.data_set = ? and r.period = ? and r.state = 'approved'
                where o.kind = ? group by o.commune_code""", rs -> {
            if (rs.getInt(2) > 0) out.put(rs.getString(1), new Coverage(rs.getInt(2), rs.getInt(3)));
        }, end, end, set.code(), year, set.kind().code());
        return out;
    }

    @Override
    public Optional<Coverage> coverage(String indicatorId, int year, String unitCode) {
        DataSet set = dataSetOf(indicatorId);
        if (set == null) return Optional.empty();
        LocalDate end = LocalDate.of(year, 12, 31);
        boolean city = "01".equals(unitCode);
        Integer[] counts = jdbc.queryForObject("""
                select count(*) filter (where o.valid_from <= ? and (o.valid_until is null or o.valid_until > ?) or r.id is not null),
                       count(r.id)
                from reporting_organisation o
                left join reporting_report r on r.organisation_id = o.id and r.data_set = ? and r.period = ? and r.state = 'approved'
                where o.kind = ? and (? or o.commune_code = ?)""", (rs, i) -> new Integer[] {rs.getInt(1), rs.getInt(2)},
                end, end, set.code(), year, set.kind().code(), city, unitCode);
        return Optional.of(new Coverage(counts[0], counts[1]));
    }
}
