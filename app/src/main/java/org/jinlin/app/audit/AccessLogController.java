package org.jinlin.app.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.app.audit.AccessLogReader.AccessPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "审计 Audit")
class AccessLogController {

    private final AccessLogReader reader;

    AccessLogController(AccessLogReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/audit/access-log")
    @Operation(summary = "访问日志 Who read which case, stream, roster or export, when and from where; newest first")
    AccessPage accessLog(@RequestParam(required = false) String user, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "50") int size) {
        return reader.read(user, from, to, page, size);
    }
}
