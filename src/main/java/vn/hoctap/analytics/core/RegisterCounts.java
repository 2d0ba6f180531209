package vn.hoctap.analytics.core;

import java.util.Collection;
import java.util.Map;

/**
 * The query interface of the register's counts kept by the columnar engine (module {@code analytics}), for the modules
 * that own what is counted: every program a {@link RegisterPrograms} declared is compiled into the engine's plan and
 * kept current edit by edit, as are the households of each commune. The answers are those of a pass over the year's
 * register in PostgreSQL, without the pass. {@code null} means the engine does not serve the year
 * ({@code hoctap.analytics.engine=streaming}, or a year it cannot hold): the caller then streams the register itself.
 */
public interface RegisterCounts {

    /**
     * Program id → commune code (communes with at least one person, in code order) → {numerator, denominator} (each
     * rounded to a whole number; a program that is not a ratio has denominator 1), or null when the engine does not
     * serve the year or does not know an id.
     */
    Map<String, Map<String, long[]>> counts(int year, Collection<String> programIds);

    /**
     * Commune code → distinct {@code household_id}s among its persons (communes with at least one person), or null
     * when the engine does not serve the year.
     */
    Map<String, Long> households(int year);
}
