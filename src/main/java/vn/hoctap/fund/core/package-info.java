/**
 * The pure core of the module (no Spring, no servlet API): rules and computations that run in the server, the
 * command line, the benchmarks and on Apache Spark alike. Checked by package in ModularityTests.
 */
@org.springframework.modulith.NamedInterface("core")
package vn.hoctap.fund.core;
