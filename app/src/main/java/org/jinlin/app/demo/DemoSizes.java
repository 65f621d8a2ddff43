package org.jinlin.app.demo;

import java.util.Locale;

/**
 * How much demo data to generate. {@link #QUICK}, the default, shows a living province within a few minutes on a
 * small machine; {@link #FULL} is the demo province of 2 000 communities (15 to 20 minutes on two
 * cores); {@link #PROVINCE} is the size of Fujian (about 15 000 communities, a million household members, 300 000
 * disputes) for the benchmarks.
 */
public record DemoSizes(int communities, int mediators, int households, int disputes) {

    public static final DemoSizes QUICK = new DemoSizes(400, 300, 2_500, 1_000);
    public static final DemoSizes FULL = new DemoSizes(2_000, 1_500, 20_000, 5_000);
    public static final DemoSizes PROVINCE = new DemoSizes(15_000, 11_250, 330_000, 300_000);

    public DemoSizes {
        if (communities < 10) {
            throw new IllegalArgumentException("at least 10 communities are needed, one per city-level unit (got "
                                               + communities + ")");
        }
        if (mediators < 10) {
            throw new IllegalArgumentException("at least 10 mediators are needed, one per city-level unit (got "
                                               + mediators + ")");
        }
        if (households < 0 || disputes < 0) {
            throw new IllegalArgumentException("households and disputes must not be negative");
        }
    }

    /** {@code quick} (also when null), {@code full} or {@code province}. */
    public static DemoSizes preset(String name) {
        return switch (name == null ? "quick" : name.toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            case "province" -> PROVINCE;
            default -> throw new IllegalArgumentException("unknown scale '" + name + "'; use quick, full or province");
        };
    }

    /** These sizes times {@code factor}, each rounded and at least the smallest allowed (10 communities, 10 mediators). */
    public DemoSizes times(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the scale factor must be a positive number, got " + factor);
        }
        return new DemoSizes(Math.max(10, scaled(communities, factor)), Math.max(10, scaled(mediators, factor)),
                             scaled(households, factor), scaled(disputes, factor));
    }

    private static int scaled(int size, double factor) {
        double scaled = Math.rint(size * factor);
        if (scaled > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("scaled by " + factor + ", " + size + " is too large");
        }
        return (int) scaled;
    }

    /** These sizes with any of the four replaced (null keeps the size). */
    public DemoSizes with(Integer communities, Integer mediators, Integer households, Integer disputes) {
        return new DemoSizes(communities == null ? this.communities : communities,
                             mediators == null ? this.mediators : mediators,
                             households == null ? this.households : households,
                             disputes == null ? this.disputes : disputes);
    }

    @Override
    public String toString() {
        return String.format("%,d communities, %,d mediators, %,d households, %,d disputes", communities, mediators,
                             households, disputes);
    }
}
