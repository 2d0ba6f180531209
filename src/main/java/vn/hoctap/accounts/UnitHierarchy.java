package vn.hoctap.accounts;

/**
 * What access scoping needs to know of the administrative units; implemented by the units module,
 * so that accounts depend on no other module.
 */
public interface UnitHierarchy {

    /**
     * Whether {@code unitCode} may be read by someone scoped to {@code scopeCode}: the scope unit
     * itself, anything below it (in any version of the unit), and the former units it was formed from.
     */
    boolean readableWithin(String unitCode, String scopeCode);

    /** Whether {@code unitCode} is {@code scopeCode} or lies below it: the units one may write. */
    boolean within(String unitCode, String scopeCode);

    /** Whether the code names a known unit (of any date). */
    boolean exists(String unitCode);
}
