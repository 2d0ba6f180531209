package vn.hoctap.analytics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import vn.hoctap.analytics.core.ExploreQuery.Breakdown;
import vn.hoctap.analytics.core.ExploreQuery.Group;
import vn.hoctap.analytics.core.ExploreQuery.Result;
import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Person.Qualification;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.expression.Evaluation;
import vn.hoctap.standards.core.expression.GroupValue;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;

/**
 * Explore's one-off queries (issue 18) on a hand-made register of eight persons whose counts are worked out below, then
 * on a generated register against the streamed evaluation of the same expressions (another code path).
 */
class ExploreQueryTest {
    static final int Y = 2025;
    static final Units UNITS = Units.of(List.of(Unit.city("01", "Thành phố"), Unit.commune("00001", "Xã Một", "01", false),
            Unit.commune("00002", "Xã Hai", "01", false), Unit.commune("00003", "Xã Ba", "01", false)));
    static final String TRAINED = "count(person where employed and qualification >= elementary) / count(person where employed)";

    private final List<Person> persons = new ArrayList<>();

    private void add(String commune, int age, Person.Sex sex, String village, UnaryOperator<Person.Builder> f) {
        persons.add(f.apply(Person.builder("p" + persons.size(), commune, Y - age).sex(sex).village(village)).build());
    }

    /**
     * <pre>
     * p0 00001 30 F "Thôn 1"   employed, university          p5 00002 25 M "Thôn 1"   employed, elementary, can_learn
     * p1 00001 40 M "Thôn 1"   employed, none                p6 00002 61 F "Xóm Chùa" employed, college
     * p2 00001 16 F "Thôn 2"   not employed                  p7 00002 35 F "Xóm Chùa" not employed, temporary
     * p3 00001 70 M " Thôn 2 " employed missing, temporary
     * p4 00001  2 F (none)
     * </pre>
     * TRAINED: numerator p0, p5, p6; denominator p0, p1, p5, p6.
     */
    private ColumnarRegister handMade() {
        add("00001", 30, Person.Sex.F, "Thôn 1", b -> b.employed(true).qualification(Qualification.UNIVERSITY));
        add("00001", 40, Person.Sex.M, "Thôn 1", b -> b.employed(true).qualification(Qualification.NONE));
        add("00001", 16, Person.Sex.F, "Thôn 2", b -> b.employed(false));
        add("00001", 70, Person.Sex.M, " Thôn 2 ", b -> b.residence(Person.Residence.TEMPORARY));
        add("00001", 2, Person.Sex.F, null, b -> b);
        add("00002", 25, Person.Sex.M, "Thôn 1", b -> b.employed(true).qualification(Qualification.ELEMENTARY)
                .disability(Person.Disability.CAN_LEARN));
        add("00002", 61, Person.Sex.F, "Xóm Chùa", b -> b.employed(true).qualification(Qualification.COLLEGE));
        add("00002", 35, Person.Sex.F, "Xóm Chùa", b -> b.employed(false).residence(Person.Residence.TEMPORARY));
        return ColumnarRegister.of(UNITS, persons.stream());
    }

    private static Result run(ColumnarRegister r, String expr, Breakdown b, Set<String> scope) {
        return ExploreQuery.compile(UNITS, Y, expr, b, scope).run(r, 2);
    }

    private static Map<String, Group> byKey(List<Group> groups) {
        Map<String, Group> m = new LinkedHashMap<>();
        groups.forEach(g -> m.put(g.key(), g));
        return m;
    }

    private static void line(Group g, long persons, double num, double den) {
        assertThat(g.persons()).as(g.key() + " persons").isEqualTo(persons);
        assertThat(g.numerator()).as(g.key() + " numerator").isEqualTo(num);
        assertThat(g.denominator()).as(g.key() + " denominator").isEqualTo(den);
    }

    @Test
    void aShareByEachBreakdownOnAHandMadeRegister() {
        ColumnarRegister r = handMade();

        Result communes = run(r, TRAINED, Breakdown.COMMUNE, null);
        assertThat(communes.share()).isTrue();
        Map<String, Group> c = byKey(communes.groups());
        assertThat(c.keySet()).containsExactly("00001", "00002"); // 00003 has nobody
        line(c.get("00001"), 5, 1, 2);
        line(c.get("00002"), 3, 2, 2);
        assertThat(c.get("00001").value()).isEqualTo(0.5);
        line(communes.total(), 8, 3, 4);
        assertThat(communes.total().value()).isEqualTo(0.75);
        assertThat(communes.communes()).extracting(Group::key).containsExactly("00001", "00002");
        assertThat(communes.communes().get(0).label()).isEqualTo("Xã Một");

        Map<String, Group> sex = byKey(run(r, TRAINED, Breakdown.SEX, null).groups());
        assertThat(sex.keySet()).containsExactlyInAnyOrder("M", "F");
        line(sex.get("F"), 5, 2, 2);   // p0, p6 of p0, p6
        line(sex.get("M"), 3, 1, 2);   // p5 of p1, p5

        Result ages = run(r, TRAINED, Breakdown.AGE_BAND, null);
        Map<String, Group> age = byKey(ages.groups());
        assertThat(age.keySet()).containsExactly("0–2", "15–17", "18–35", "36–60", "61+");
        line(age.get("18–35"), 3, 2, 2);  // p0 30, p5 25, p7 35
        line(age.get("36–60"), 1, 0, 1);  // p1
        line(age.get("15–17"), 1, 0, 0);  // p2
        assertThat(age.get("15–17").value()).isNaN();
        line(age.get("61+"), 2, 1, 1);    // p3 70 (employed missing), p6 61
        line(age.get("0–2"), 1, 0, 0);
        // the map's communes do not depend on the breakdown
        assertThat(ages.communes()).isEqualTo(communes.communes());

        Map<String, Group> res = byKey(run(r, TRAINED, Breakdown.RESIDENCE, null).groups());
        line(res.get("temporary"), 2, 0, 0);
        line(res.get("permanent"), 6, 3, 4);

        Map<String, Group> dis = byKey(run(r, TRAINED, Breakdown.DISABILITY, null).groups());
        assertThat(dis.keySet()).containsExactlyInAnyOrder("none", "can_learn");
        line(dis.get("can_learn"), 1, 1, 1);
        line(dis.get("none"), 7, 2, 3);

        // villages within their commune; " Thôn 2 " is "Thôn 2"; a person without a village is a line of its own
        Map<String, Group> vil = byKey(run(r, TRAINED, Breakdown.VILLAGE, null).groups());
        assertThat(vil.keySet()).containsExactlyInAnyOrder("00001/Thôn 1", "00001/Thôn 2", "00001/", "00002/Thôn 1", "00002/Xóm Chùa");
        line(vil.get("00001/Thôn 1"), 2, 1, 2);
        line(vil.get("00001/Thôn 2"), 2, 0, 0);
        line(vil.get("00001/"), 1, 0, 0);
        line(vil.get("00002/Thôn 1"), 1, 1, 1);
        line(vil.get("00002/Xóm Chùa"), 2, 1, 1);
        assertThat(vil.get("00002/Xóm Chùa").commune()).isEqualTo("00002");
        assertThat(vil.get("00002/Xóm Chùa").label()).isEqualTo("Xóm Chùa");
    }

    @Test
    void countsSumsAndTheCommunesInScope() {
        ColumnarRegister r = handMade();
        Result adults = run(r, "count(person where age >= 15)", Breakdown.COMMUNE, null);
        assertThat(adults.share()).isFalse();
        Map<String, Group> a = byKey(adults.groups());
        assertThat(a.get("00001").value()).isEqualTo(4);   // p0 p1 p2 p3
        assertThat(a.get("00002").value()).isEqualTo(3);
        assertThat(adults.total().value()).isEqualTo(7);

        // a sum goes row by row: ages of women by village
        Map<String, Group> ages = byKey(run(r, "sum(person.age where sex = F)", Breakdown.VILLAGE, null).groups());
        assertThat(ages.get("00001/Thôn 1").value()).isEqualTo(30);
        assertThat(ages.get("00001/Thôn 2").value()).isEqualTo(16);
        assertThat(ages.get("00001/").value()).isEqualTo(2);
        assertThat(ages.get("00002/Thôn 1").value()).isEqualTo(0);
        assertThat(ages.get("00002/Xóm Chùa").value()).isEqualTo(96);   // 61 + 35

        // only commune 00002 is seen
        Result scoped = run(r, TRAINED, Breakdown.SEX, Set.of("00002"));
        Map<String, Group> s = byKey(scoped.groups());
        line(s.get("F"), 2, 1, 1);
        line(s.get("M"), 1, 1, 1);
        assertThat(scoped.communes()).extracting(Group::key).containsExactly("00002");
        line(scoped.total(), 3, 2, 2);
        assertThat(run(r, TRAINED, Breakdown.VILLAGE, Set.of("00002")).groups()).extracting(Group::commune).containsOnly("00002");
        assertThat(run(r, TRAINED, Breakdown.COMMUNE, Set.of()).groups()).isEmpty();
    }

    @Test
    void villagesFollowEditsOfTheRegister() {
        ColumnarRegister r = handMade();
        ColumnarAggregates agg = ColumnarEngine.nq23(UNITS, Y, vn.hoctap.standards.core.RuleSet.defaults()).aggregates(r, 1);
        // p0 leaves (the last row moves into its place), p7 moves to a new village, a newcomer joins "Thôn 1" of 00002
        agg.apply(persons.get(0), null);
        agg.apply(persons.get(7), Person.builder("p7", "00002", Y - 35).sex(Person.Sex.F).village("Xóm Mới").employed(false)
                .residence(Person.Residence.TEMPORARY).build());
        agg.apply(null, Person.builder("p8", "00002", Y - 20).sex(Person.Sex.M).village("Thôn 1").employed(true).build());
        Map<String, Group> vil = byKey(run(r, "count(person)", Breakdown.VILLAGE, null).groups());
        assertThat(vil.get("00001/Thôn 1").persons()).isEqualTo(1);
        assertThat(vil.get("00002/Thôn 1").persons()).isEqualTo(2);
        assertThat(vil.get("00002/Xóm Chùa").persons()).isEqualTo(1);
        assertThat(vil.get("00002/Xóm Mới").persons()).isEqualTo(1);
        assertThat(vil.values().stream().mapToLong(Group::persons).sum()).isEqualTo(8);
    }

    @Test
    void refusedExpressionsSayWhereAndWhat() {
        ExpressionException e = catchError("count(person where ethnicity = \"Tày\")");
        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.UNSUPPORTED);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(20);   // after "count(person where "
        assertThat(e.messageVi()).contains("ethnicity");

        ExpressionException v = catchError("count(person where village = \"Thôn 1\")");
        assertThat(v.messageVi()).contains("Thôn, tổ dân phố");

        ExpressionException s = catchError("count(person where age >= 15) / count(person)\n + sum(person.household_id)");
        assertThat(s.line()).isEqualTo(2);

        ExpressionException c = catchError("age >= 15 and employed");
        assertThat(c.messageVi()).contains("count(person where age >= 15 and employed)");
        assertThat(c.messageEn()).contains("count(person where age >= 15 and employed)");

        ExpressionException q = catchError("count(person where age >= 15) /\n  count(person where qualification >= universty)");
        assertThat(q.kind()).isEqualTo(ExpressionException.Kind.UNKNOWN_VALUE);
        assertThat(q.line()).isEqualTo(2);
        assertThat(q.messageVi()).contains("university");

        assertThat(catchError("").kind()).isEqualTo(ExpressionException.Kind.SYNTAX);
    }

    private static ExpressionException catchError(String expr) {
        Throwable[] t = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                ExploreQuery.compile(UNITS, Y, expr, Breakdown.COMMUNE, null);
            } catch (Throwable x) {
                t[0] = x;
                throw x;
            }
        }).isInstanceOf(ExpressionException.class);
        return (ExpressionException) t[0];
    }

    /** On 60,000 generated persons the one pass equals the streamed evaluation of the same expression, group by group. */
    @Test
    void equalsTheStreamedEvaluationOnAGeneratedRegister() {
        Generated.Register g = Generated.of(GeneratorOptions.of(60_000, 5, Structure.HANOI_2025));
        ColumnarRegister r = ColumnarRegister.of(g.units(), g.persons().stream());
        String expr = "count(person where age between 15 and 60 and (digital_skills >= basic or employed) and not exempt)"
                + " / count(person where age between 15 and 60)";
        CompiledIndicator ind = CompiledIndicator.compile(expr);
        Set<String> scope = Set.of(g.units().communes().get(3).code(), g.units().communes().get(40).code());
        Map<Breakdown, Function<Person, String>> keys = Map.of(
                Breakdown.COMMUNE, Person::communeCode,
                Breakdown.SEX, p -> p.sex().code(),
                Breakdown.AGE_BAND, p -> ExploreQuery.ageBandLabel(ExploreQuery.ageBand(Y - p.birthYear())),
                Breakdown.RESIDENCE, p -> p.residence().code(),
                Breakdown.DISABILITY, p -> p.disability().code(),
                Breakdown.VILLAGE, p -> p.communeCode() + "/" + (p.village() == null ? "" : p.village().strip()));
        for (Set<String> sc : java.util.Arrays.asList(null, scope)) {
            for (Breakdown b : Breakdown.values()) {
                Evaluation ev = ind.start(g.year());
                for (Person p : g.persons()) {
                    if (sc == null || sc.contains(p.communeCode())) ev.accept(keys.get(b).apply(p), p);
                }
                Map<String, GroupValue> expected = ev.result().groups();
                Result got = ExploreQuery.compile(g.units(), g.year(), expr, b, sc).run(r, 2);
                assertThat(byKey(got.groups()).keySet()).as(b + " groups").isEqualTo(expected.keySet());
                for (Group x : got.groups()) {
                    GroupValue e = expected.get(x.key());
                    assertThat(x.persons()).as(b + " " + x.key()).isEqualTo(e.persons());
                    assertThat(x.numerator()).as(b + " " + x.key()).isEqualTo(e.numerator());
                    assertThat(x.denominator()).as(b + " " + x.key()).isEqualTo(e.denominator());
                }
                assertThat(got.total().numerator()).isEqualTo(ev.result().total().numerator());
                assertThat(got.total().value()).isCloseTo(ev.result().total().value(), within(1e-12));
            }
        }
    }
}
