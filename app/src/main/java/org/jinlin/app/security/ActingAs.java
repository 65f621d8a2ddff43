package org.jinlin.app.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.EnumSet;
import java.util.function.Supplier;

/**
 * Work done on this thread as a user, outside any HTTP request: {@link ActingUser} then stamps each command with
 * that user, role and mediator id exactly as it stamps a request's commands. The user need not be stored: the demo
 * data is recorded by the mediators it invents, each acting under their own mediator id.
 */
public final class ActingAs {

    private ActingAs() {
    }

    public static <T> T run(String username, Role role, String mediatorId, Supplier<T> work) {
        AppUser user = new AppUser(username, "", EnumSet.of(role), mediatorId, null, Instant.EPOCH);
        JinlinUser principal = new JinlinUser(user);
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities());
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
