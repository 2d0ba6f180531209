package vn.hoctap.gnlc.core;


import vn.hoctap.gnlc.core.EvidenceStrengthPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import vn.hoctap.gnlc.core.EvidenceStrengthPolicy.Item;
import vn.hoctap.gnlc.core.EvidenceStrengthPolicy.Missing;
import vn.hoctap.gnlc.core.EvidenceStrengthPolicy.Strength;

/** The evidence-strength rule over random sets of evidence: more evidence never weakens a judgement. */
class EvidenceStrengthProperties {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Provide
    Arbitrary<Item> items() {
        return Combinators.combine(Arbitraries.of("INDICATOR", "DOCUMENT", "PRACTICE", "EVENT", "PARTNERSHIP", "PHOTO", "COOPERATION"),
                Arbitraries.integers().between(-2000, 30)).as((k, d) -> new Item(k, TODAY.plusDays(d)));
    }

    @Provide
    Arbitrary<List<Item>> lists() {
        return items().list().ofMaxSize(6);
    }

    @Property(tries = 500)
    void addingEvidenceNeverLowersTheStrength(@ForAll("lists") List<Item> items, @ForAll("items") Item extra) {
        Strength before = EvidenceStrengthPolicy.judge(items, TODAY).strength();
        List<Item> more = new ArrayList<>(items);
        more.add(extra);
        Strength after = EvidenceStrengthPolicy.judge(more, TODAY).strength();
        assertThat(after.ordinal()).isGreaterThanOrEqualTo(before.ordinal());
        assertThat(after).isNotEqualTo(Strength.NONE);
    }

    @Property(tries = 500)
    void nothingIsMissingExactlyWhenThereIsAnIndicatorARecordAndSomethingRecent(@ForAll("lists") List<Item> items) {
        var j = EvidenceStrengthPolicy.judge(items, TODAY);
        boolean indicator = items.stream().anyMatch(i -> i.kind().equals("INDICATOR"));
        boolean record = items.stream().anyMatch(i -> !i.kind().equals("INDICATOR"));
        boolean recent = items.stream().anyMatch(i -> !i.date().isBefore(TODAY.minusYears(2)) && !i.date().isAfter(TODAY));
        assertThat(j.missing().isEmpty()).isEqualTo(indicator && record && recent);
        assertThat(j.missing().contains(Missing.NO_EVIDENCE)).isEqualTo(items.isEmpty());
        // with an indicator and a record there are two kinds: nothing missing means strong
        if (j.missing().isEmpty()) assertThat(j.strength()).isEqualTo(Strength.STRONG);
    }
}
