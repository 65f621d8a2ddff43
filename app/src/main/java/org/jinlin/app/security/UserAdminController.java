package org.jinlin.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "用户管理 Users", description = "ADMIN 管理用户与角色 Users and their roles")
class UserAdminController {

    private final UserAdministration users;

    UserAdminController(UserAdministration users) {
        this.users = users;
    }

    record UserView(String username, Set<Role> roles, String mediatorId, String countyCode, Instant createdAt) {

        static UserView of(AppUser user) {
            return new UserView(user.username(), user.roles(), user.mediatorId(), user.countyCode(),
                                user.createdAt());
        }
    }

    @PostMapping
    @Operation(summary = "创建用户 Create a user with roles (and the mediator id a MEDIATOR acts as)")
    ResponseEntity<UserView> create(@RequestBody UserAdministration.NewUser request) {
        AppUser user = users.create(request);
        return ResponseEntity.created(URI.create("/api/admin/users/" + user.username())).body(UserView.of(user));
    }

    @GetMapping
    @Operation(summary = "用户列表 All users")
    List<UserView> all() {
        return users.all().stream().map(UserView::of).toList();
    }

    @DeleteMapping("/{username}")
    @Operation(summary = "删除用户 Delete a user")
    ResponseEntity<Void> delete(@PathVariable String username) {
        users.delete(username);
        return ResponseEntity.noContent().build();
    }
}
