package org.jinlin.app.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A user of the service: a bcrypt password hash, roles, and for mediators the mediator id they act as. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private String username;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private String roles;
    @Column(name = "mediator_id")
    private String mediatorId;
    @Column(name = "county_code")
    private String countyCode;
    private boolean enabled;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, Collection<Role> roles, String mediatorId, String countyCode,
                   Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
        this.mediatorId = mediatorId;
        this.countyCode = countyCode;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Set<Role> roles() {
        List<Role> parsed = AccessRules.parse(roles);
        return parsed.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(parsed);
    }

    public String mediatorId() {
        return mediatorId;
    }

    public String countyCode() {
        return countyCode;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
