package org.jinlin.app.demo;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The service's clock in profile {@code demo}: the service's own time, except on a thread of the demo data
 * generator while it sends the commands of a past day. There it reads that day, so the disputes of 2021–2023 are
 * recorded with events of their own time (a referral counts in the month it was made, an old case is not counted
 * as assigned today), as if they had been recorded then. Every other thread, a request's included, reads the
 * service's own time.
 */
final class DemoClock extends Clock {

    private static final ThreadLocal<Instant> PAST = new ThreadLocal<>();

    private final Clock service;

    DemoClock(Clock service) {
        this.service = service;
    }

    /** Does {@code work} on this thread with the clock reading {@code at} (null: the service's time). */
    static <T> T at(Instant at, Supplier<T> work) {
        if (at == null) {
            return work.get();
        }
        Instant previous = PAST.get();
        PAST.set(at);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                PAST.remove();
            } else {
                PAST.set(previous);
            }
        }
    }

    @Override
    public Instant instant() {
        Instant past = PAST.get();
        return past != null ? past : service.instant();
    }

    @Override
    public ZoneId getZone() {
        return service.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new DemoClock(service.withZone(zone));
    }

    /** Wraps the service's one clock (bean {@code clock}) in profile {@code demo} only. */
    @Component
    @Profile("demo")
    static class Installer implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof Clock clock && !(bean instanceof DemoClock) && beanName.equals("clock")) {
                return new DemoClock(clock);
            }
            return bean;
        }
    }
}
