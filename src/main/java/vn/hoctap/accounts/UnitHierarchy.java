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

    /**
     * Whether the unit that {@code unitCode} named on {@code date} may be read by someone scoped to
     * {@code scopeCode}: it lies within the scope unit on that date, or it (or a unit above it) is one of
     * the former units the scope unit was formed from. Codes are reused (00025 was Phường Ngọc Khánh
     * until 30/6/2025 and is Phường Giảng Võ since), so data of a year is checked with the unit of that year.
     */
    boolean readableWithin(String unitCode, java.time.LocalDate date, String scopeCode);

    /** Whether {@code unitCode} is {@code scopeCode} or lies below it: the units one may write. */
    boolean within(String unitCode, String scopeCode);

    /** Whether the code names a known unit (of any date). */
    boolean exists(String unitCode);
}
