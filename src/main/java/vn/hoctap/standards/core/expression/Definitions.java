package vn.hoctap.standards.core.expression;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import vn.hoctap.expressions.core.Ast;

import vn.hoctap.standards.core.RuleSet;

/**
 * The named conditions of the language whose meaning is law, not code: {@code literate1} and {@code literate2}
 * (biết chữ mức độ 1 / 2, Nghị định 20/2014/NĐ-CP Điều 19) and {@code exempt} (who is left out of the criteria's
 * denominators: persons with disabilities who cannot learn), written once as {@code define} lines of the rule file
 * ({@code standards/nd20-2014-v1.rules}) and compiled wherever the name is used: by the streaming evaluation
 * ({@link ConditionCompiler}), the columnar engine and the SQL generator. Immutable.
 */
public final class Definitions {

    /** The derived yes/no fields a rule file defines. */
    public static final Set<Field> DEFINABLE = Collections.unmodifiableSet(EnumSet.of(Field.LITERATE1, Field.LITERATE2, Field.EXEMPT));

    private final Map<Field, Ast.Cond> byField;

    public Definitions(Map<Field, Ast.Cond> definitions) {
        EnumMap<Field, Ast.Cond> m = new EnumMap<>(Field.class);
        definitions.forEach((f, c) -> {
            if (!DEFINABLE.contains(f)) throw new IllegalArgumentException("not a definable name: " + f.csvName());
            m.put(f, java.util.Objects.requireNonNull(c));
        });
        this.byField = Collections.unmodifiableMap(m);
    }

    /** The definitions of the platform's default rule file. */
    public static Definitions defaults() {
        return RuleSet.defaults().definitions();
    }

    /** Whether the field's meaning is one of these definitions (as opposed to a column or a built-in). */
    public boolean defines(Field f) {
        return byField.containsKey(f);
    }

    /** The condition that defines {@code f}. @throws IllegalStateException when it is not defined */
    public Ast.Cond of(Field f) {
        Ast.Cond c = byField.get(f);
        if (c == null) throw new IllegalStateException(f.csvName() + " is not defined (a 'define' line of the rule file)");
        return c;
    }

    public Map<Field, Ast.Cond> asMap() {
        return byField;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Definitions d && d.byField.equals(byField);
    }

    @Override
    public int hashCode() {
        return byField.hashCode();
    }
}
