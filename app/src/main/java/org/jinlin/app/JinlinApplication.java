package org.jinlin.app;

import org.jinlin.app.audit.VerifyCommand;
import org.jinlin.app.demo.DemoCommand;
import org.jinlin.app.storage.EventStoreTransfer;
import org.jinlin.app.storage.RestoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Jinlin (近邻): the neighbourly-services case tracker, both sides in one JVM. */
@SpringBootApplication
@ComponentScan(basePackages = "org.jinlin", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = NodeRoleFilter.class)})
@EntityScan("org.jinlin")
@EnableJpaRepositories("org.jinlin")
@ConfigurationPropertiesScan("org.jinlin")
@EnableScheduling
public class JinlinApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(VerifyCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(RestoreCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("demo")) {
            System.exit(DemoCommand.run(args));
        }
        if (args.length > 0 && (args[0].equals("export-events") || args[0].equals("import-events"))) {
            System.exit(EventStoreTransfer.run(args));
        }
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(JinlinApplication.class, args);
    }
}
