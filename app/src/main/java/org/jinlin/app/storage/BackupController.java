package org.jinlin.app.storage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "运维 Operations")
class BackupController {

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    @PostMapping("/api/admin/backups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "在线备份 Back up the embedded store while the service runs (a zip under data/backups)")
    Backups.Backup backUp() {
        return backups.backUp();
    }
}
