package org.jinlin.app.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Profile {@code demo}: on start, the demo users, then the demo data. In the service the data are generated in
 * the background while it already answers, with the progress on the console; from the {@code demo} command line
 * start-up waits until the data are generated and the read models have caught up.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoMode implements ApplicationRunner {

    private final DemoUsers users;
    private final DemoDataGenerator generator;
    private final DemoProperties properties;

    DemoMode(DemoUsers users, DemoDataGenerator generator, DemoProperties properties) {
        this.users = users;
        this.generator = generator;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoSizes sizes = properties.sizes();
        users.ensure(DemoDataGenerator.demoMediatorId(properties.seed(), sizes), System.out);
        if (!properties.generate()) {
            return;
        }
        if (properties.background()) {
            Thread thread = new Thread(this::generate, "demo-data");
            thread.setDaemon(true);
            thread.start();
        } else {
            generate();
            generator.awaitReadModels(Duration.ofHours(6), System.out);
        }
    }

    private void generate() {
        generator.generate(properties.seed(), properties.sizes(), properties.threads(), System.out);
    }
}
