/**
 * Load harnesses and benchmarks of the shipped plugins against a real Prosody (not tests): run one with
 * {@code mvn -B -pl plugins -am -Pbench verify -Dbench=<HarnessName> [-Dbench.args="key=value ..."]}.
 * Figures belong in the benchmark results document, never in assertions.
 */
package org.majordome.bench;
