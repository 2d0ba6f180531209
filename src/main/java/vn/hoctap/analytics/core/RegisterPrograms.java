package vn.hoctap.analytics.core;

import java.util.Map;

import vn.hoctap.standards.core.expression.CompiledIndicator;

/**
 * What a module wants counted over the register: expressions of the indicator language by id (ids are global: prefix
 * them with the module's name when they are not indicator ids). The engine compiles every declared program into its
 * plan when it loads a year, keeps them current edit by edit, and answers through {@link RegisterCounts}.
 */
public interface RegisterPrograms {

    /** The programs, by id (stable: the engine compiles them once). */
    Map<String, CompiledIndicator> programs();
}
