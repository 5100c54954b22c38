package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The compact hash set of block lists: the same answers as a {@code HashSet}, through growth and churn. */
class FingerprintSetTest {

    @Test
    void itemIdsAreLowercaseHexSha256OfTheAddress() {
        assertThat(FingerprintSet.itemIdOf("mallory@evil.example")).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(FingerprintSet.fingerprintOfItem(FingerprintSet.itemIdOf("mallory@evil.example")))
                .hasValue(FingerprintSet.fingerprintOf("mallory@evil.example"));
        assertThat(FingerprintSet.fingerprintOfItem(FingerprintSet.itemIdOf("x@y").toUpperCase()))
                .hasValue(FingerprintSet.fingerprintOf("x@y"));
        assertThat(FingerprintSet.fingerprintOfItem("not-a-hash")).isEmpty();
        assertThat(FingerprintSet.fingerprintOfItem("g".repeat(64))).isEmpty();
    }

    @Test
    void randomAddsAndRemovesAgreeWithAHashSet() {
        Random random = new Random(17);
        FingerprintSet set = new FingerprintSet();
        Set<Long> reference = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            // A small key range makes collisions, long probe chains and removals inside them frequent.
            long key = random.nextInt(5_000) * 0x9E3779B97F4A7C15L | 1;
            if (random.nextInt(3) == 0) {
                assertThat(set.remove(key)).isEqualTo(reference.remove(key));
            } else {
                assertThat(set.add(key)).isEqualTo(reference.add(key));
            }
            if (i % 1_000 == 0) {
                for (int k = 0; k < 5_000; k++) {
                    long probe = k * 0x9E3779B97F4A7C15L | 1;
                    assertThat(set.contains(probe)).as("key %d after %d steps", k, i).isEqualTo(reference.contains(probe));
                }
            }
        }
        assertThat(set.size()).isEqualTo(reference.size());
    }
}
