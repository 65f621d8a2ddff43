package org.jinlin.app.security;

import org.jinlin.query.web.MediatorPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Set;

/** The authenticated user, with the mediator id a MEDIATOR acts as and the county a COORDINATOR is bound to. */
public class JinlinUser extends User implements MediatorPrincipal {

    private final Set<Role> roles;
    private final String mediatorId;
    private final String countyCode;

    JinlinUser(AppUser user) {
        super(user.username(), user.passwordHash(), user.enabled(), true, true, true,
              user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.roles = user.roles();
        this.mediatorId = user.mediatorId();
        this.countyCode = user.countyCode();
    }

    public Set<Role> roles() {
        return roles;
    }

    @Override
    public String mediatorId() {
        return mediatorId;
    }

    public String countyCode() {
        return countyCode;
    }
}
