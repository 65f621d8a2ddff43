package org.jinlin.app.demo;

import java.util.Locale;

/**
 * How much demo data to generate. {@link #DEMO} shows a living system within minutes; {@link #PROVINCE} is the
 * size of Fujian (about 15 000 communities, a million household members, 300 000 disputes) for the benchmarks.
 */
public record DemoSizes(int communities, int mediators, int households, int disputes) {

    public static final DemoSizes DEMO = new DemoSizes(2_000, 1_500, 20_000, 5_000);
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

    /** {@code demo} or {@code province}. */
    public static DemoSizes preset(String name) {
        return switch (name == null ? "demo" : name.toLowerCase(Locale.ROOT)) {
            case "demo" -> DEMO;
            case "province" -> PROVINCE;
            default -> throw new IllegalArgumentException("unknown scale '" + name + "'; use demo or province");
        };
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
