package vn.hoctap.titles.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned bộ tiêu chí for one learning title: criteria → indicators → points, and a pass rule.
 * {@code (id, version)} identifies it; an {@link Evaluation} keeps the pair it was scored with.
 */
public record CriteriaSet(String id, int version, TitleKind kind, String title, VerificationStatus status, String source,
        List<Criterion> criteria, PassRule passRule) {

    public CriteriaSet {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(title);
        Objects.requireNonNull(status);
        Objects.requireNonNull(passRule);
        criteria = List.copyOf(criteria);
    }

    /** {@code id@version}, e.g. {@code cdht-residents@1}. */
    public String key() { return id + "@" + version; }

    public int maxTotal() { return criteria.stream().mapToInt(Criterion::maxPoints).sum(); }

    /** All indicators in document order, by id. */
    public Map<String, Indicator> indicators() {
        var m = new LinkedHashMap<String, Indicator>();
        for (Criterion c : criteria) for (Indicator i : c.indicators()) m.put(i.id(), i);
        return m;
    }

    public Optional<Indicator> indicator(String indicatorId) { return Optional.ofNullable(indicators().get(indicatorId)); }

    /**
     * True when the set, any criterion, indicator or pass-rule part is a draft: the UI must show
     * "chưa xác minh" and the set stays editable.
     */
    public boolean isUnverified() {
        return status.isUnverified() || passRule.isUnverified()
                || criteria.stream().anyMatch(c -> c.status().isUnverified()
                        || c.indicators().stream().anyMatch(i -> i.status().isUnverified()));
    }
}
