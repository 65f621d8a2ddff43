package org.jinlin.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo data of profile {@code demo}.
 *
 * @param seed        the same seed gives the same data
 * @param scale       {@code quick} (400 communities, 300 mediators, 2 500 households, 1 000 disputes: a few
 *                    minutes), {@code full} (2 000 communities, 1 500 mediators, 20 000 households, 5 000
 *                    disputes) or {@code province} (the size of Fujian, for the benchmarks)
 * @param factor      multiplies every size of the scale (0.5: half of it)
 * @param communities overrides the number of communities; likewise mediators, households, disputes
 * @param threads     client threads sending the commands
 * @param generate    false: only the demo users, no data
 * @param background  true: the service answers while the data are generated (the demo profile); false: start-up
 *                    waits for the data and the read models (the {@code demo} command line)
 */
@ConfigurationProperties("jinlin.demo")
public record DemoProperties(@DefaultValue("42") long seed,
                             @DefaultValue("quick") String scale,
                             @DefaultValue("1") double factor,
                             Integer communities,
                             Integer mediators,
                             Integer households,
                             Integer disputes,
                             @DefaultValue("4") int threads,
                             @DefaultValue("true") boolean generate,
                             @DefaultValue("true") boolean background) {

    public DemoSizes sizes() {
        return DemoSizes.preset(scale).times(factor).with(communities, mediators, households, disputes);
    }
}
