package org.jinlin.app.security;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface AppUserRepository extends JpaRepository<AppUser, String> {

    List<AppUser> findAllByOrderByUsername();
}
