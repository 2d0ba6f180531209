package vn.hoctap.titles.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.analytics.core.RegisterCounts;
import vn.hoctap.analytics.core.RegisterPrograms;

import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.register.RegisterCountsChanged;
import vn.hoctap.register.RegisterStandards;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitLevel;

/**
 * Tác động lên chỉ tiêu NQ 23 nhóm 4: the published (recognised, not revoked) titles of a year's campaigns
 * feed {@code model.learning_citizens}, {@code model.learning_families}, {@code model.learning_units} and
 * {@code model.learning_districts} per commune and for the city ("01"), through {@link IndicatorValues#store}.
 * Denominators (docs/titles.md §5):
 * <ul>
 * <li>citizens: residents aged 15+ (year − birth year ≥ 15) of the commune in the register of the campaign year
 * (else the latest earlier register year) — the same population as the register expression used before;</li>
 * <li>families, clans, communities: pooled and as three parts, each with its denominator ({@link LearningModelCounts}):
 * the commune's households in that register (distinct household ids), the clans registered in the campaigns (no list of
 * clans exists elsewhere), the commune's villages in force on 31/12;</li>
 * <li>units: the organisations of the register (reporting.OrganisationRegistry, issue 12) in force on 31/12 of the
 * year in the commune, never the candidates of a campaign (issue 15); an organisation of the register that is not a
 * candidate counts as not recognised;</li>
 * <li>communes ("xã học tập", the re-based district target): the communes in force on 31/12 of the year (126 since
 * 1/7/2025); each commune's own value is 100 or 0.</li>
 * </ul>
 * An indicator is written only for a year with a campaign of its title kind, so the values of other years stay.
 * The residents aged 15+ and the households come from the columnar engine ({@link RegisterCounts}; this class declares
 * the program {@value #ADULTS}), kept current edit by edit; the register is streamed only when the engine is off.
 */
@Component
public class TitleIndicators implements RegisterPrograms {

    static final String CITY = "01";
    /** The register program of the citizens' denominator: residents aged 15+ (year − birth year ≥ 15). */
    static final String ADULTS = "titles.residents_15plus";
    private static final Map<String, CompiledIndicator> PROGRAMS =
            Map.of(ADULTS, CompiledIndicator.compile("count(person where age >= 15)"));

    private final JdbcTemplate jdbc;
    private final IndicatorValues values;
    private final RegisterStandards register;
    private final AutomaticCriteria automatic;
    private final UnitDirectory units;
    private final vn.hoctap.reporting.OrganisationRegistry organisations;
    private final ObjectProvider<RegisterCounts> engine;
    private final TransactionTemplate ownTransaction;
    /** Only when the engine does not serve a year: register year → commune → {adults 15+, households}, streamed once. */
    private final Map<Integer, Map<String, long[]>> streamed = new ConcurrentHashMap<>();

    TitleIndicators(JdbcTemplate jdbc, IndicatorValues values, RegisterStandards register, AutomaticCriteria automatic,
                    UnitDirectory units, vn.hoctap.reporting.OrganisationRegistry organisations,
                    ObjectProvider<RegisterCounts> engine, PlatformTransactionManager transactions) {
        this.engine = engine;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.values = values;
        this.register = register;
        this.automatic = automatic;
        this.units = units;
    }

    @Override
    public Map<String, CompiledIndicator> programs() {
        return PROGRAMS;
    }

    /**
     * After a register write committed and the engine applied it: the four indicators of the campaign years that read
     * this register year, in a transaction of their own (the writer's has ended).
     */
    @EventListener
    void registerChanged(RegisterCountsChanged e) {
        streamed.remove(e.year());
        ownTransaction.executeWithoutResult(status -> {
            for (Integer y : jdbc.queryForList("select distinct year from titles_campaign where year >= ?", Integer.class, e.year())) {
                recompute(y);
            }
        });
    }

    /**
     * Commune → {residents aged 15+, distinct households} of a register year: the columnar engine's counts (kept edit
     * by edit); only when it does not serve the year, one pass over the year's register, kept until it changes.
     */
    Map<String, long[]> population(int registerYear) {
        RegisterCounts counts = engine.getIfAvailable();
        if (counts != null) {
            Map<String, Map<String, long[]>> adults = counts.counts(registerYear, List.of(ADULTS));
            Map<String, Long> households = counts.households(registerYear);
            if (adults != null && households != null) {
                Map<String, long[]> out = new HashMap<>();
                adults.get(ADULTS).forEach((commune, nd) ->
                        out.put(commune, new long[] {nd[0], households.getOrDefault(commune, 0L)}));
                return out;
            }
        }
        return streamed.computeIfAbsent(registerYear, y -> {
            Map<String, long[]> out = new HashMap<>();
            Map<String, Set<String>> households = new HashMap<>();
            register.forEachPersonOfYear(y, p -> {
                long[] a = out.computeIfAbsent(p.communeCode(), k -> new long[2]);
                if (y - p.birthYear() >= 15) a[0]++;
                households.computeIfAbsent(p.communeCode(), k -> new HashSet<>()).add(p.householdId());
            });
            households.forEach((c, h) -> out.get(c)[1] = h.size());
            return out;
        });
    }

    /** Published titles per commune and subject type for a year. */
    private Map<String, Map<String, Long>> published(int year, String statusCondition) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        jdbc.query("select e.subject_type, e.commune_code, count(*) n from titles_evaluation e join titles_campaign c on c.id = e.campaign_id"
                        + " where c.year = ? and " + statusCondition + " group by e.subject_type, e.commune_code",
                rs -> {
                    // an organisation is one "Đơn vị học tập" whichever level decides it (UNIT: the commune; CITY_UNIT: the city)
                    String type = "CITY_UNIT".equals(rs.getString("subject_type")) ? "UNIT" : rs.getString("subject_type");
                    out.computeIfAbsent(type, k -> new HashMap<>()).merge(rs.getString("commune_code"), rs.getLong("n"), Long::sum);
                }, year);
        return out;
    }

    /** Recomputes the four indicators for a year from the stored evaluations. */
    public void recompute(int year) {
        Set<String> kinds = new HashSet<>(jdbc.queryForList("select distinct kind from titles_campaign where year = ?", String.class, year));
        if (kinds.isEmpty()) return;
        Map<String, Map<String, Long>> pub = published(year, "e.status = 'PUBLISHED'");
        Map<String, Map<String, Long>> registered = published(year, "true");
        Integer ry = automatic.registerYear(year);
        Map<String, long[]> pop = ry == null ? Map.of() : population(ry);
        LocalDate endOfYear = LocalDate.of(year, 12, 31);

        if (kinds.contains("CONG_DAN")) {
            Map<String, double[]> out = new LinkedHashMap<>();
            Map<String, Long> n = pub.getOrDefault("CITIZEN", Map.of());
            double[] city = new double[2];
            pop.forEach((commune, a) -> {
                long k = n.getOrDefault(commune, 0L);
                out.put(commune, new double[] {k, a[0]});
                city[0] += k;
                city[1] += a[0];
            });
            if (city[1] > 0) {
                out.put(CITY, city);
                values.store("model.learning_citizens", year, out, "titles");
            }
        }
        if (kinds.contains("GIA_DINH") || kinds.contains("DONG_HO") || kinds.contains("CONG_DONG")) {
            Map<String, Long> villages = new HashMap<>();
            jdbc.query("select commune_code, count(*) n from village where valid_from <= ? and (valid_until is null or valid_until > ?) group by commune_code",
                    rs -> {
                        villages.put(rs.getString(1), rs.getLong(2));
                    }, java.sql.Date.valueOf(endOfYear), java.sql.Date.valueOf(endOfYear));
            Map<String, Long> households = new HashMap<>();
            pop.forEach((c, a) -> households.put(c, a[1]));
            Map<String, Map<String, double[]>> parts = LearningModelCounts.families(pop.keySet(), households,
                    registered.getOrDefault("FAMILY", Map.of()), registered.getOrDefault("CLAN", Map.of()),
                    registered.getOrDefault("COMMUNITY", Map.of()), villages,
                    pub.getOrDefault("FAMILY", Map.of()), pub.getOrDefault("CLAN", Map.of()), pub.getOrDefault("COMMUNITY", Map.of()));
            Map<String, double[]> pooled = parts.remove(LearningModelCounts.POOLED);
            if (pooled != null && pooled.containsKey(CITY)) {
                values.store("model.learning_families", year, pooled, "titles");
                values.storeParts("model.learning_families", year, parts);
            }
        }
        if (kinds.contains("DON_VI")) {
            // issue 15: over the register of organisations only, never over the candidates of a campaign
            Map<String, double[]> out = LearningModelCounts.units(pub.getOrDefault("UNIT", Map.of()),
                    organisations.countsInForce(endOfYear, null));
            if (out.containsKey(CITY)) {
                values.store("model.learning_units", year, out, "titles");
            }
        }
        if (kinds.contains("CONG_DONG_XA")) {
            LocalDate on = year == 2025 ? LocalDate.of(2025, 7, 1) : endOfYear;
            List<String> communes = units.unitsOn(on).stream().filter(u -> u.level() == UnitLevel.COMMUNE).map(u -> u.code()).toList();
            Map<String, Long> n = pub.getOrDefault("COMMUNE", Map.of());
            Map<String, double[]> out = new LinkedHashMap<>();
            long num = 0;
            for (String c : communes) {
                long k = n.getOrDefault(c, 0L) > 0 ? 1 : 0;
                if (registered.getOrDefault("COMMUNE", Map.of()).containsKey(c)) out.put(c, new double[] {k, 1});
                num += k;
            }
            out.put(CITY, new double[] {num, communes.size()});
            values.store("model.learning_districts", year, out, "titles");
        }
    }
}
