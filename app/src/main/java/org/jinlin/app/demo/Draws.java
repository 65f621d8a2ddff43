package org.jinlin.app.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/** Weighted draws shared by the planners; the same seed gives the same draws. */
final class Draws {

    private Draws() {
    }

    /** One of {@code values}, each with its weight per thousand; {@code otherwise} when the weights sum below 1000. */
    static <E> E perThousand(SplittableRandom random, E[] values, ToIntFunction<E> weight, E otherwise) {
        int dice = random.nextInt(1000);
        for (E value : values) {
            dice -= weight.applyAsInt(value);
            if (dice < 0) {
                return value;
            }
        }
        return otherwise;
    }

    /** The running sums of the items' weights, for {@link #byCumulativeWeight}. */
    static <T> long[] cumulativeWeights(List<T> items, ToLongFunction<T> weight) {
        long[] cumulative = new long[items.size()];
        long sum = 0;
        for (int i = 0; i < items.size(); i++) {
            sum += weight.applyAsLong(items.get(i));
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** An item drawn with probability proportional to its weight, by binary search over the running sums. */
    static <T> T byCumulativeWeight(SplittableRandom random, List<T> items, long[] cumulative) {
        long point = random.nextLong(cumulative[cumulative.length - 1]);
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > point) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return items.get(low);
    }
}
