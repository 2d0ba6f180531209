package vn.hoctap.standards.core.expression;

import java.util.Map;

/** Per-group values (sorted by group key) and the value over all persons fed. */
public final class IndicatorResult {

    private final Map<String, GroupValue> groups;
    private final GroupValue total;

    IndicatorResult(Map<String, GroupValue> groups, GroupValue total) {
        this.groups = groups;
        this.total = total;
    }

    /** Group key → value, in key order; groups that received no person are absent. */
    public Map<String, GroupValue> groups() { return groups; }

    /** The value of a group, or null when the group received no person. */
    public GroupValue group(String key) { return groups.get(key); }

    /** Over all persons fed (the aggregates of all groups added up, then the arithmetic applied). */
    public GroupValue total() { return total; }
}
