package vn.hoctap.synthetic.core;


import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties over arbitrary seeds, sizes, structures and data years. */
class RegisterProperties {

    @Property(tries = 40)
    void anyRegisterIsValidHasExactlyNPersonsAndIsReproducible(
            @ForAll @LongRange(min = 1, max = 4000) long persons,
            @ForAll long seed,
            @ForAll Structure structure,
            @ForAll @IntRange(min = 2000, max = 2100) int year) {
        GeneratorOptions o = new GeneratorOptions(persons, seed, structure, year);
        TestSupport.Register r = TestSupport.generate(o);
        assertThat(r.personLines()).isEqualTo(persons);
        // the city and 126 communes; 30 districts and 579 communes; 34 synthetic provinces and 3,321 communes (no nation line)
        assertThat(r.unitLines()).isEqualTo(switch (structure) {
            case HANOI_2025 -> 127;
            case HANOI_2024 -> 610;
            case NATIONAL_2025 -> 34 + 3_321;
        });
        RegisterValidator v = r.validate(year);
        assertThat(v.errors).isEmpty();
        assertThat(TestSupport.generate(o).persons()).isEqualTo(r.persons());
    }
}
