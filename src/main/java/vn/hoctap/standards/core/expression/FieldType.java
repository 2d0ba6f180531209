package vn.hoctap.standards.core.expression;

/** The type of a {@link Field}. */
public enum FieldType {
    /** A whole number (age, grade, …): {@code = != < <= > >=}, {@code between}, {@code in} with whole numbers. */
    NUMBER("số", "a number"),
    /** A calendar year: like {@link #NUMBER}, and also comparable with {@code year}, {@code year - 1}, … */
    YEAR("năm", "a year"),
    /** Yes/no: usable bare as a condition, or with {@code = true}, {@code != false}, {@code in (…)}. */
    BOOLEAN("có/không", "a yes/no field"),
    /** An enumeration whose values have an order: all comparisons, {@code between}, {@code in}. */
    ORDERED_ENUM("danh mục có thứ tự", "an ordered enumeration"),
    /** An enumeration without order: only {@code = != in}. */
    UNORDERED_ENUM("danh mục không có thứ tự", "an unordered enumeration"),
    /** Free text compared with double-quoted texts: only {@code = != in}. */
    TEXT("văn bản", "a text");

    private final String vi;
    private final String en;

    FieldType(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String vi() { return vi; }

    public String en() { return en; }

    /** Whether {@code < <= > >=} and {@code between} apply. */
    public boolean ordered() { return this == NUMBER || this == YEAR || this == ORDERED_ENUM; }
}
