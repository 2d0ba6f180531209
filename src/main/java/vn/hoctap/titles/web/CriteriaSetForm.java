package vn.hoctap.titles.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.hoctap.titles.core.CriteriaSet;
import vn.hoctap.titles.core.Criterion;
import vn.hoctap.titles.core.Indicator;
import vn.hoctap.titles.core.PassRule;
import vn.hoctap.titles.core.VerificationStatus;
import vn.hoctap.titles.internal.AutomaticCriteria;

/**
 * The structured editor of a bộ tiêu chí (issue 19): the set's tiêu chí and chỉ số as form rows, the pass rule
 * (điều kiện đạt) as fields. Field names: {@code title}, {@code status}, {@code source}, {@code minTotal…},
 * {@code minIndicator…}, {@code c<n>.id|name|status|source|min|minStatus|minSource},
 * {@code c<n>.i<m>.id|name|max|status|source}. {@link #validate()} answers field → message key, beside the field.
 */
public final class CriteriaSetForm {

    public static final class Row {
        public String id = "", name = "", max = "", status = "M", source = "", scoring = "auto";
        /** Whether the platform can fill this indicator from its data (then the scoring is a choice). */
        public boolean automatic;

        public String getId() { return id; }
        public String getName() { return name; }
        public String getMax() { return max; }
        public String getStatus() { return status; }
        public String getSource() { return source; }
        public boolean isAutomatic() { return automatic; }
        public String getScoring() { return scoring; }
    }

    public static final class Group {
        public String id = "", name = "", status = "M", source = "", min = "", minStatus = "M", minSource = "";
        public final List<Row> indicators = new ArrayList<>();

        public String getId() { return id; }
        public String getName() { return name; }
        public String getStatus() { return status; }
        public String getSource() { return source; }
        public String getMin() { return min; }
        public String getMinStatus() { return minStatus; }
        public String getMinSource() { return minSource; }
        public List<Row> getIndicators() { return indicators; }
    }

    public String setId = "", kind = "", title = "", status = "M", source = "";
    public String minTotal = "", minTotalStatus = "M", minTotalSource = "";
    public String minIndicator = "", minIndicatorStatus = "M", minIndicatorSource = "";
    public final List<Group> criteria = new ArrayList<>();

    public String getSetId() { return setId; }
    public String getTitle() { return title; }
    public String getStatus() { return status; }
    public String getSource() { return source; }
    public String getMinTotal() { return minTotal; }
    public String getMinTotalStatus() { return minTotalStatus; }
    public String getMinTotalSource() { return minTotalSource; }
    public String getMinIndicator() { return minIndicator; }
    public String getMinIndicatorStatus() { return minIndicatorStatus; }
    public String getMinIndicatorSource() { return minIndicatorSource; }
    public List<Group> getCriteria() { return criteria; }

    /** The form showing a stored set. */
    public static CriteriaSetForm of(CriteriaSet set) {
        var f = new CriteriaSetForm();
        f.setId = set.id();
        f.kind = set.kind().name();
        f.title = set.title();
        f.status = set.status().name();
        f.source = nz(set.source());
        PassRule p = set.passRule();
        if (p.minTotal() != null) {
            f.minTotal = String.valueOf(p.minTotal());
            f.minTotalStatus = p.status(PassRule.MIN_TOTAL).name();
            f.minTotalSource = nz(p.sourceOf().get(PassRule.MIN_TOTAL));
        }
        if (p.minPerIndicator() != null) {
            f.minIndicator = String.valueOf(p.minPerIndicator());
            f.minIndicatorStatus = p.status(PassRule.MIN_INDICATOR).name();
            f.minIndicatorSource = nz(p.sourceOf().get(PassRule.MIN_INDICATOR));
        }
        for (Criterion c : set.criteria()) {
            var g = new Group();
            g.id = c.id();
            g.name = c.name();
            g.status = c.status().name();
            g.source = nz(c.source());
            Integer min = p.minPerCriterion().get(c.id());
            if (min != null) {
                g.min = String.valueOf(min);
                g.minStatus = p.status("criterion:" + c.id()).name();
                g.minSource = nz(p.sourceOf().get("criterion:" + c.id()));
            }
            for (Indicator i : c.indicators()) {
                var r = new Row();
                r.id = i.id();
                r.name = i.name();
                r.max = String.valueOf(i.maxPoints());
                r.status = i.status().name();
                r.source = nz(i.source());
                r.scoring = i.manual() ? "manual" : "auto";
                g.indicators.add(r);
            }
            f.criteria.add(g);
        }
        f.markAutomatic();
        return f;
    }

    /** The form as posted; the set id and kind come from the stored set, never from the request. */
    public static CriteriaSetForm of(Map<String, String> p, CriteriaSet stored) {
        var f = new CriteriaSetForm();
        f.setId = stored.id();
        f.kind = stored.kind().name();
        f.title = get(p, "title");
        f.status = get(p, "status");
        f.source = get(p, "source");
        f.minTotal = get(p, "minTotal");
        f.minTotalStatus = get(p, "minTotalStatus");
        f.minTotalSource = get(p, "minTotalSource");
        f.minIndicator = get(p, "minIndicator");
        f.minIndicatorStatus = get(p, "minIndicatorStatus");
        f.minIndicatorSource = get(p, "minIndicatorSource");
        for (int n = 0; p.containsKey("c" + n + ".id") && n < 200; n++) {
            String c = "c" + n + ".";
            var g = new Group();
            g.id = get(p, c + "id");
            g.name = get(p, c + "name");
            g.status = get(p, c + "status");
            g.source = get(p, c + "source");
            g.min = get(p, c + "min");
            g.minStatus = get(p, c + "minStatus");
            g.minSource = get(p, c + "minSource");
            for (int m = 0; p.containsKey(c + "i" + m + ".id") && m < 200; m++) {
                String i = c + "i" + m + ".";
                var r = new Row();
                r.id = get(p, i + "id");
                r.name = get(p, i + "name");
                r.max = get(p, i + "max");
                r.status = get(p, i + "status");
                r.source = get(p, i + "source");
                r.scoring = p.containsKey(i + "scoring") ? get(p, i + "scoring") : "auto";
                g.indicators.add(r);
            }
            f.criteria.add(g);
        }
        f.markAutomatic();
        return f;
    }

    /** Applies an add/remove button ({@code add-criterion}, {@code add-indicator:n}, {@code remove-criterion:n}, {@code remove-indicator:n:m}). */
    public void apply(String action) {
        String[] a = action.split(":");
        try {
            switch (a[0]) {
                case "add-criterion" -> {
                    var g = new Group();
                    g.id = String.valueOf(criteria.size() + 1);
                    var r = new Row();
                    r.id = g.id + ".1";
                    g.indicators.add(r);
                    criteria.add(g);
                }
                case "add-indicator" -> {
                    Group g = criteria.get(Integer.parseInt(a[1]));
                    var r = new Row();
                    r.id = g.id + "." + (g.indicators.size() + 1);
                    g.indicators.add(r);
                }
                case "remove-criterion" -> criteria.remove(Integer.parseInt(a[1]));
                case "remove-indicator" -> criteria.get(Integer.parseInt(a[1])).indicators.remove(Integer.parseInt(a[2]));
                default -> { }
            }
        } catch (RuntimeException e) {
            // a stale button (row already removed): nothing to do
        }
        markAutomatic();
    }

    private void markAutomatic() {
        for (Group g : criteria) for (Row r : g.indicators) r.automatic = AutomaticCriteria.canFill(setId, r.id);
    }

    /** Field → message key of what to fix; empty when the form can be saved. */
    public Map<String, String> validate() {
        Map<String, String> e = new LinkedHashMap<>();
        text(e, "title", title, true);
        status(e, "status", status);
        text(e, "source", source, false);
        Integer total = number(e, "minTotal", minTotal, false);
        if (!minTotal.isBlank()) status(e, "minTotalStatus", minTotalStatus);
        text(e, "minTotalSource", minTotalSource, false);
        Integer perIndicator = number(e, "minIndicator", minIndicator, false);
        if (!minIndicator.isBlank()) status(e, "minIndicatorStatus", minIndicatorStatus);
        text(e, "minIndicatorSource", minIndicatorSource, false);
        if (criteria.isEmpty()) e.put("criteria", "titles.edit.error.no-criterion");
        Set<String> ids = new HashSet<>();
        int max = 0;
        boolean anyCriterionMin = false;
        for (int n = 0; n < criteria.size(); n++) {
            Group g = criteria.get(n);
            String c = "c" + n + ".";
            if (g.id.isBlank()) e.put(c + "id", "titles.edit.error.required");
            else if (!g.id.matches("[0-9A-Za-z]+")) e.put(c + "id", "titles.edit.error.criterion-code");
            else if (!ids.add("c:" + g.id)) e.put(c + "id", "titles.edit.error.duplicate");
            text(e, c + "name", g.name, true);
            status(e, c + "status", g.status);
            text(e, c + "source", g.source, false);
            if (g.indicators.isEmpty()) e.put(c + "indicators", "titles.edit.error.no-indicator");
            int cmax = 0;
            boolean cmaxKnown = true;
            for (int m = 0; m < g.indicators.size(); m++) {
                Row r = g.indicators.get(m);
                String i = c + "i" + m + ".";
                if (r.id.isBlank()) e.put(i + "id", "titles.edit.error.required");
                else if (!r.id.matches(java.util.regex.Pattern.quote(g.id) + "\\.[0-9A-Za-z]+")) e.put(i + "id", "titles.edit.error.indicator-code");
                else if (!ids.add("i:" + r.id)) e.put(i + "id", "titles.edit.error.duplicate");
                text(e, i + "name", r.name, true);
                Integer points = number(e, i + "max", r.max, true);
                if (points != null && points == 0) {
                    e.put(i + "max", "titles.edit.error.positive");
                    points = null;
                }
                if (points == null) cmaxKnown = false;
                else {
                    cmax += points;
                    if (perIndicator != null && perIndicator > points) e.putIfAbsent("minIndicator", "titles.edit.error.min-indicator-above");
                }
                status(e, i + "status", r.status);
                text(e, i + "source", r.source, false);
                if (!r.scoring.equals("auto") && !r.scoring.equals("manual")) e.put(i + "scoring", "titles.edit.error.scoring");
            }
            max += cmax;
            Integer cmin = number(e, c + "min", g.min, false);
            if (cmin != null) {
                anyCriterionMin = true;
                status(e, c + "minStatus", g.minStatus);
                if (cmaxKnown && cmin > cmax) e.put(c + "min", "titles.edit.error.min-criterion-above");
            }
            text(e, c + "minSource", g.minSource, false);
        }
        if (total != null && e.keySet().stream().noneMatch(k -> k.endsWith(".max")) && total > max) e.put("minTotal", "titles.edit.error.min-total-above");
        if (minTotal.isBlank() && minIndicator.isBlank() && !anyCriterionMin && !e.containsKey("minTotal")) e.put("minTotal", "titles.edit.error.no-pass-rule");
        return e;
    }

    /** The draft set (version 0: the platform gives the number). Call only when {@link #validate()} is empty. */
    public CriteriaSet toSet(CriteriaSet stored) {
        List<Criterion> cs = new ArrayList<>();
        Map<String, Integer> minPerCriterion = new LinkedHashMap<>();
        Map<String, VerificationStatus> statusOf = new LinkedHashMap<>();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (Group g : criteria) {
            List<Indicator> is = new ArrayList<>();
            for (Row r : g.indicators) {
                // "scored by hand" is kept only where the platform could fill the item (elsewhere every item is by hand)
                boolean manual = AutomaticCriteria.canFill(stored.id(), r.id.strip()) && "manual".equals(r.scoring);
                is.add(new Indicator(r.id.strip(), r.name.strip(), Integer.parseInt(r.max.strip()), VerificationStatus.parse(r.status),
                        r.source.strip(), manual));
            }
            cs.add(new Criterion(g.id.strip(), g.name.strip(), VerificationStatus.parse(g.status), g.source.strip(), is));
            if (!g.min.isBlank()) {
                minPerCriterion.put(g.id.strip(), Integer.parseInt(g.min.strip()));
                statusOf.put("criterion:" + g.id.strip(), VerificationStatus.parse(g.minStatus));
                sourceOf.put("criterion:" + g.id.strip(), g.minSource.strip());
            }
        }
        Integer total = minTotal.isBlank() ? null : Integer.parseInt(minTotal.strip());
        if (total != null) {
            statusOf.put(PassRule.MIN_TOTAL, VerificationStatus.parse(minTotalStatus));
            sourceOf.put(PassRule.MIN_TOTAL, minTotalSource.strip());
        }
        Integer perIndicator = minIndicator.isBlank() ? null : Integer.parseInt(minIndicator.strip());
        if (perIndicator != null) {
            statusOf.put(PassRule.MIN_INDICATOR, VerificationStatus.parse(minIndicatorStatus));
            sourceOf.put(PassRule.MIN_INDICATOR, minIndicatorSource.strip());
        }
        return new CriteriaSet(stored.id(), 0, stored.kind(), title.strip(), VerificationStatus.parse(status), source.strip(), cs,
                new PassRule(total, perIndicator, minPerCriterion, statusOf, sourceOf));
    }

    private static void text(Map<String, String> e, String field, String value, boolean required) {
        if (required && value.isBlank()) e.put(field, "titles.edit.error.required");
        else if (value.indexOf('|') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) e.put(field, "titles.edit.error.bar");
    }

    private static void status(Map<String, String> e, String field, String value) {
        if (VerificationStatus.parse(value) == null) e.put(field, "titles.edit.error.status");
    }

    private static Integer number(Map<String, String> e, String field, String value, boolean required) {
        String v = value.strip();
        if (v.isEmpty()) {
            if (required) e.put(field, "titles.edit.error.required");
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                e.put(field, "titles.edit.error.negative");
                return null;
            }
            return n;
        } catch (NumberFormatException x) {
            e.put(field, "titles.edit.error.number");
            return null;
        }
    }

    private static String get(Map<String, String> p, String key) { return nz(p.get(key)); }

    private static String nz(String s) { return s == null ? "" : s; }
}
