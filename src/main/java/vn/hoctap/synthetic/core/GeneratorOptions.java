package vn.hoctap.synthetic.core;

/**
 * What to generate.
 *
 * @param persons   number of person rows (at least 1)
 * @param seed      seed; the same options give byte-identical output
 * @param structure administrative structure (units and communes)
 * @param year      data year Y (ages are Y minus birth year)
 */
public record GeneratorOptions(long persons, long seed, Structure structure, int year) {

    /** Smallest accepted data year. */
    public static final int MIN_YEAR = 2000;
    /** Largest accepted data year. */
    public static final int MAX_YEAR = 2100;
    /** Largest accepted number of persons (well above the 8.7 million of Hà Nội). */
    public static final long MAX_PERSONS = 200_000_000L;

    public GeneratorOptions {
        if (structure == null) {
            throw new IllegalArgumentException("structure is required (2025 or 2024)");
        }
        if (persons < 1) {
            throw new IllegalArgumentException("persons must be at least 1, got " + persons);
        }
        if (persons > MAX_PERSONS) {
            throw new IllegalArgumentException("persons must be at most " + MAX_PERSONS + ", got " + persons);
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year must be between " + MIN_YEAR + " and " + MAX_YEAR + ", got " + year);
        }
    }

    /** Options with the structure's default data year (2025 for structure 2025, 2024 for 2024). */
    public static GeneratorOptions of(long persons, long seed, Structure structure) {
        if (structure == null) {
            throw new IllegalArgumentException("structure is required (2025 or 2024)");
        }
        return new GeneratorOptions(persons, seed, structure, structure.defaultYear());
    }
}
