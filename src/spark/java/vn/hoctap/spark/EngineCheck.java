package vn.hoctap.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.hoctap.analytics.core.ColumnarEngine;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import vn.hoctap.analytics.SqlQuery;
import vn.hoctap.analytics.internal.SyntheticPersons;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.Units;

/**
 * The columnar engine (module analytics) on the same register, and the comparison of its counts and levels with
 * another engine's, commune by commune: every difference is listed (the first twenty), none is tolerated.
 */
public final class EngineCheck {
    private EngineCheck() {
    }

    /** The engine's register loaded from {@code dir/persons.csv} by the platform's reader (as an import reads it). */
    public static ColumnarRegister load(Path dir, Units units, int year, int expectedSize) {
        ColumnarRegister.Builder b = ColumnarRegister.builder(units, Math.max(1024, expectedSize));
        SyntheticPersons.forEach(dir.resolve("persons.csv"), units, year, b::add);
        return b.build();
    }

    /** The engine's values in the order of {@code query}'s columns (checked equal to the SQL generator's order). */
    public static Map<String, long[]> rows(SparkQuery query, ColumnarResult engine) {
        SqlQuery sql = SqlQuery.of(query.year(), query.rules(), query.indicators());
        if (!sql.columns().equals(query.columns())) {
            throw new IllegalStateException("the Spark query's columns are not the SQL generator's: " + query.columns() + " vs " + sql.columns());
        }
        return sql.rows(engine);
    }

    /** Computes with the engine on 2 threads. */
    public static ColumnarResult compute(ColumnarRegister register, SparkQuery query, int threads) {
        return ColumnarEngine.of(register.units(), query.year(), query.rules(), query.indicators()).compute(register, threads);
    }

    /**
     * The differences between two engines' counts (commune by commune, column by column) and levels (every commune and
     * province), at most {@code max} of them; empty when they are equal.
     */
    public static List<String> differences(SparkQuery query, String nameA, Map<String, long[]> a, String nameB, Map<String, long[]> b, int max) {
        List<String> out = new ArrayList<>();
        TreeSet<String> codes = new TreeSet<>(a.keySet());
        codes.addAll(b.keySet());
        List<String> cols = query.columns();
        for (String code : codes) {
            long[] x = a.get(code), y = b.get(code);
            if (x == null || y == null) {
                out.add("commune " + code + ": not in " + (x == null ? nameA : nameB) + "'s result");
            } else {
                for (int i = 0; i < cols.size(); i++) {
                    if (x[i] != y[i]) out.add("commune " + code + ", " + cols.get(i) + ": " + nameA + " " + x[i] + ", " + nameB + " " + y[i]);
                }
            }
            if (out.size() >= max) break;
        }
        return out;
    }

    /** The units whose levels differ between two results (communes and provinces), at most {@code max}. */
    public static List<String> levelDifferences(StandardsResult a, StandardsResult b, int max) {
        List<String> out = new ArrayList<>();
        for (UnitResult u : a.units()) {
            UnitResult v = b.find(u.code());
            if (v == null || !u.levels().equals(v.levels())) {
                out.add(u.level().code() + " " + u.code() + ": levels " + u.levels() + " vs " + (v == null ? "none" : v.levels()));
                if (out.size() >= max) break;
            }
        }
        return out;
    }
}
