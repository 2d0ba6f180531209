package vn.hoctap.synthetic.core;

/**
 * What a generation run wrote.
 *
 * @param units      rows written to units.csv (city, districts, communes)
 * @param communes   commune rows among them
 * @param persons    rows written to persons.csv
 * @param households distinct household ids
 * @param weakCommunes communes given a deliberately weaker education profile
 * @param disadvantagedCommunes communes written with {@code disadvantaged=true}
 */
public record GenerationSummary(int units, int communes, long persons, long households,
                                int weakCommunes, int disadvantagedCommunes) {
}
