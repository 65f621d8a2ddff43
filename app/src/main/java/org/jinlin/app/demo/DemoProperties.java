package org.jinlin.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo data of profile {@code demo}.
 *
 * @param seed        the same seed gives the same data
 * @param scale       {@code demo} (2 000 communities, 1 500 mediators, 20 000 households, 5 000 disputes) or
 *                    {@code province} (the size of Fujian, for the benchmarks)
 * @param communities overrides the scale's number of communities; likewise mediators, households, disputes
 * @param threads     client threads sending the commands
 * @param generate    false: only the demo users, no data
 * @param background  true: the service answers while the data are generated (the demo profile); false: start-up
 *                    waits for the data and the read models (the {@code demo} command line)
 */
@ConfigurationProperties("jinlin.demo")
public record DemoProperties(@DefaultValue("42") long seed,
                             @DefaultValue("demo") String scale,
                             Integer communities,
                             Integer mediators,
                             Integer households,
                             Integer disputes,
                             @DefaultValue("4") int threads,
                             @DefaultValue("true") boolean generate,
                             @DefaultValue("true") boolean background) {

    public DemoSizes sizes() {
        return DemoSizes.preset(scale).with(communities, mediators, households, disputes);
    }
}
