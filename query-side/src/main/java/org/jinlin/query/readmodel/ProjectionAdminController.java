package org.jinlin.query.readmodel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "投影管理 Projections", description = "ADMIN: 投影位置与重建 Projection positions and rebuilds")
class ProjectionAdminController {

    private final ProjectionAdministration administration;

    ProjectionAdminController(ProjectionAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "投影状态 Each projection's position, lag, generation and rebuild progress")
    List<ProjectionAdministration.Status> all() {
        return administration.statuses();
    }

    @GetMapping("/{name}")
    @Operation(summary = "单个投影状态 One projection's status")
    ProjectionAdministration.Status one(@PathVariable String name) {
        return administration.status(name);
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "重建投影 Rebuild a projection from the events; the old rows answer until it has caught up")
    ResponseEntity<ProjectionAdministration.Status> replay(@PathVariable String name) {
        administration.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name))
                             .body(administration.status(name));
    }
}
