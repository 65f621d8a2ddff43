package org.jinlin.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repeated failed logins first slow down and then lock the user for a while: each failure after the first few
 * answers later, and after {@code maxFailures} in a row the user is locked for {@code lockFor}, whatever the
 * password. A successful login clears the count.
 */
@Component
public class LoginAttempts implements UserDetailsChecker {

    @ConfigurationProperties("jinlin.security.login")
    public record Settings(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration lockFor,
                           @DefaultValue("PT0.25S") Duration delayPerFailure, @DefaultValue("PT2S") Duration maxDelay) {
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginAttempts(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses a locked user before the password is even checked. */
    @Override
    public void check(UserDetails user) {
        Failures current = failures.get(user.getUsername());
        if (current != null && current.lockedUntil() != null && current.lockedUntil().isAfter(clock.instant())) {
            throw new LockedException("too many failed logins; try again after " + current.lockedUntil());
        }
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        Failures now = failures.compute(username, (name, before) -> {
            int count = before == null || (before.lockedUntil() != null && !before.lockedUntil().isAfter(clock.instant()))
                    ? 1 : before.count() + 1;
            Instant lockedUntil = count >= settings.maxFailures() ? clock.instant().plus(settings.lockFor()) : null;
            return new Failures(count, lockedUntil);
        });
        // Slow down guessing: every failure beyond the first costs the caller a little more time.
        long delay = Math.min(settings.maxDelay().toMillis(), settings.delayPerFailure().toMillis() * (now.count() - 1));
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(event.getAuthentication().getName());
    }

    public boolean isLocked(String username) {
        Failures current = failures.get(username);
        return current != null && current.lockedUntil() != null && current.lockedUntil().isAfter(clock.instant());
    }
}
