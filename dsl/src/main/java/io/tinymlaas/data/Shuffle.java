package io.tinymlaas.data;

import java.util.SplittableRandom;

/**
 * The seeded Fisher–Yates shuffle of sample indices that dataset views ({@link Dataset#shuffle},
 * {@link Dataset#split}) and training epochs use, so that a seed gives the same order everywhere.
 */
public final class Shuffle {

    private Shuffle() {
    }

    public static void inPlace(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swapped = order[i];
            order[i] = order[j];
            order[j] = swapped;
        }
    }
}
