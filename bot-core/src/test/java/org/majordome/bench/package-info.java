/**
 * JMH benchmarks (not tests): run with {@code mvn -B -pl bot-core -Pbench verify -Dbench=<regex>}.
 * Figures belong in the benchmark results document, never in assertions.
 */
package org.majordome.bench;
