package vn.hoctap.fund.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;

/**
 * Hội Khuyến học: its branches (chi hội) and committees (ban khuyến học) in villages, clans, organisations and schools
 * of a commune, each branch's members and dues of a year, and the association's yearly figures for a commune: branches,
 * members, dues, funds raised by the commune's funds in the year and per resident (the unit's latest population).
 */
@Service
public class Association {

    public record Branch(long id, String unitCode, String name, String kind) {
    }

    public record YearFigures(String unitCode, int year, int branches, long members, long duesVnd, long fundsRaisedVnd,
                              Long population, BigDecimal raisedPerResidentVnd) {
        /** Members per 100 residents (the indicator {@code assoc.members}), two decimals half up; null without population. */
        public BigDecimal membersPerHundred() {
            return population == null || population == 0 ? null
                    : BigDecimal.valueOf(members * 100).divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
        }
    }

    /** A branch with its figures of a year (members and dues null when the year is not recorded). */
    public record BranchYear(long id, String unitCode, String name, String kind, Integer members, Long duesVnd) {
    }

    /** Proposed indicators fed by the association (catalogue: nq23-targets.txt, marked as the platform's proposal). */
    public static final String INDICATOR_MEMBERS = "assoc.members";
    public static final String INDICATOR_COMMUNES = "assoc.communes_with_branches";

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final UnitDirectory units;

    private final vn.hoctap.indicators.IndicatorValues indicators;

    Association(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, UnitDirectory units, vn.hoctap.indicators.IndicatorValues indicators) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.units = units;
        this.indicators = indicators;
    }

    /** The branches of a commune (or of every unit, "01") with their figures of the year. */
    public List<BranchYear> branchYears(String unitCode, int year) {
        guard.require(DataKind.FUND_RECORDS, AccessAction.READ, unitCode);
        return jdbc.query("""
                select b.id, b.unit_code, b.name, b.kind, y.members, y.dues_vnd from association_branch b
                left join association_year y on y.branch_id = b.id and y.year = ?
                where (? or b.unit_code = ?) order by b.unit_code, b.name""",
                (rs, n) -> new BranchYear(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5),
                        (Long) rs.getObject(6)), year, unitCode.equals("01"), unitCode);
    }

    /**
     * Recomputes the association's proposed indicators of a year (no NQ 23 target): {@code assoc.members} — members per
     * 100 residents of each commune with branches and of the city (latest population figure); {@code
     * assoc.communes_with_branches} — communes in force on 31 December with at least one branch or committee, over all
     * communes (city only). Called after every change of branches or yearly figures.
     */
    public void refreshIndicators(int year) {
        Map<String, double[]> members = new java.util.LinkedHashMap<>();
        double[] city = new double[2];
        jdbc.query("""
                select b.unit_code, sum(y.members) from association_branch b join association_year y on y.branch_id = b.id and y.year = ?
                group by b.unit_code order by b.unit_code""", rs -> {
            String unit = rs.getString(1);
            long m = rs.getLong(2);
            city[0] += m;
            units.population(unit).ifPresent(p -> members.put(unit, new double[] {m, p.getValue()}));
        }, year);
        units.population("01").ifPresent(p -> city[1] = p.getValue());
        if (city[1] > 0) members.put("01", city);
        indicators.store(INDICATOR_MEMBERS, year, members, "association");
        java.time.LocalDate d = java.time.LocalDate.of(year, 12, 31);
        java.util.Set<String> communes = new java.util.HashSet<>();
        for (vn.hoctap.units.core.UnitVersion u : units.unitsOn(d)) if (u.level() == vn.hoctap.units.core.UnitLevel.COMMUNE) communes.add(u.code());
        java.util.Set<String> with = new java.util.HashSet<>(jdbc.queryForList("select distinct unit_code from association_branch", String.class));
        with.retainAll(communes);
        indicators.store(INDICATOR_COMMUNES, year, communes.isEmpty() ? Map.of() : Map.of("01", new double[] {with.size(), communes.size()}),
                "association");
    }

    @Transactional
    public long addBranch(String unitCode, String name, String kind) {
        if (Receipts.blankToNull(unitCode) == null) throw ValidationException.of("unit_code", "fund.error.branch-unit");
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, unitCode);
        if (Receipts.blankToNull(name) == null) throw ValidationException.of("name", "fund.error.name");
        if (!List.of("VILLAGE", "CLAN", "ORGANISATION", "SCHOOL", "COMMUNE").contains(kind)) throw ValidationException.of("kind", "fund.error.branch-kind");
        long id = jdbc.queryForObject("insert into association_branch (unit_code, name, kind) values (?, ?, ?) returning id", Long.class,
                unitCode, name.strip(), kind);
        audit.record("association.branch", "association_branch", Long.toString(id), unitCode, null, Map.of("name", name.strip(), "kind", kind),
                "Chi hội " + name.strip());
        refreshIndicators(vn.hoctap.platform.HanoiTime.today().getYear());
        return id;
    }

    /** A branch's members and dues collected in a year (replaces the year's figures). */
    @Transactional
    public void recordYear(long branchId, int year, int members, long duesVnd) {
        String unit = jdbc.queryForObject("select unit_code from association_branch where id = ?", String.class, branchId);
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, unit);
        if (members < 0) throw ValidationException.of("members", "fund.error.members");
        if (duesVnd < 0) throw ValidationException.of("dues_vnd", "fund.error.amount");
        jdbc.update("""
                insert into association_year (branch_id, year, members, dues_vnd) values (?, ?, ?, ?)
                on conflict (branch_id, year) do update set members = excluded.members, dues_vnd = excluded.dues_vnd""",
                branchId, year, members, duesVnd);
        audit.record("association.year", "association_branch", Long.toString(branchId), unit, null,
                Map.of("year", year, "members", members, "dues_vnd", duesVnd), "Số liệu chi hội năm " + year);
        refreshIndicators(year);
    }

    public List<Branch> branches(String unitCode) {
        guard.require(DataKind.FUND_RECORDS, AccessAction.READ, unitCode);
        return jdbc.query("select * from association_branch where unit_code = ? order by name", (rs, n) -> new Branch(rs.getLong("id"),
                rs.getString("unit_code"), rs.getString("name"), rs.getString("kind")), unitCode);
    }

    /** The association's figures of a commune (or the city, "01": every unit) for a year. */
    public YearFigures figures(String unitCode, int year) {
        guard.require(DataKind.FUND_RECORDS, AccessAction.READ, unitCode);
        boolean city = unitCode.equals("01");
        Map<String, Object> a = jdbc.queryForMap("""
                select count(distinct b.id) branches, coalesce(sum(y.members), 0) members, coalesce(sum(y.dues_vnd), 0) dues
                from association_branch b left join association_year y on y.branch_id = b.id and y.year = ?
                where (? or b.unit_code = ?)""", year, city, unitCode);
        // funds raised: the income (credit − debit of the income accounts) of the unit's funds in the year
        Long raised = jdbc.queryForObject("""
                select coalesce(sum(l.credit - l.debit), 0) from fund_line l join fund_account a on a.id = l.account_id
                join fund f on f.id = l.fund_id where a.kind = 'INCOME' and l.period between ? and ? and (? or f.unit_code = ?)""",
                Long.class, year * 100 + 1, year * 100 + 12, city, unitCode);
        Long population = units.population(unitCode).map(Map.Entry::getValue).orElse(null);
        BigDecimal perResident = population == null || population == 0 ? null
                : BigDecimal.valueOf(raised).divide(BigDecimal.valueOf(population), 0, RoundingMode.HALF_UP);
        return new YearFigures(unitCode, year, ((Number) a.get("branches")).intValue(), ((Number) a.get("members")).longValue(),
                ((Number) a.get("dues")).longValue(), raised, population, perResident);
    }
}
