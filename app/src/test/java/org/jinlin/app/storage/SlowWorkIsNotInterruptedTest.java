package org.jinlin.app.storage;

import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.jinlin.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon interrupts work that runs past its timeout, and an interrupt during H2's file I/O closes the embedded store's
 * file channel: every later statement fails until a restart. So no command, query, event batch or handler is ever
 * interrupted in practice (a timeout of ~24 days), while a slow one is still reported from 10 s on.
 */
class SlowWorkIsNotInterruptedTest extends ApiTest {

    @Autowired
    TimeoutProperties timeouts;

    @Test
    void everyUnitOfWorkAndHandlerIsLeftToFinishAndReportedWhenSlow() {
        assertThat(timeouts.isEnabled()).as("slow work is still reported").isTrue();
        List<TaskTimeoutSettings> all = List.of(
                timeouts.getTransaction().getCommandBus(), timeouts.getTransaction().getQueryBus(),
                timeouts.getTransaction().getEventProcessors(), timeouts.getTransaction().getDeadline(),
                timeouts.getHandler().getCommands(), timeouts.getHandler().getQueries(),
                timeouts.getHandler().getEvents(), timeouts.getHandler().getDeadlines());
        assertThat(all).allSatisfy(settings -> {
            assertThat(settings.getTimeoutMs()).as("timeout").isEqualTo(Integer.MAX_VALUE);
            assertThat(settings.getWarningThresholdMs()).as("warning after").isEqualTo(10_000);
        });
    }
}
