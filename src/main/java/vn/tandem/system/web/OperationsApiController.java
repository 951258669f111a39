package vn.tandem.system.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.process.EngineOperations;
import vn.tandem.system.Operations;

/** The operator's console over the API (administrators). */
@RestController
@Tag(name = "Operations")
class OperationsApiController {

    private final Operations operations;

    OperationsApiController(Operations operations) {
        this.operations = operations;
    }

    /** An incident as listed: the engine's facts and the case's code. */
    record IncidentItem(
            String id,
            String type,
            String message,
            java.time.Instant at,
            String activityId,
            String processKey,
            String processInstanceId,
            String caseCode,
            String jobId,
            String annotation,
            String stacktrace) {

        static IncidentItem of(Operations.Incident i) {
            var v = i.incident();
            return new IncidentItem(
                    v.id(),
                    v.type(),
                    v.message(),
                    v.at(),
                    v.activityId(),
                    v.processKey(),
                    v.processInstanceId(),
                    i.caseCode(),
                    v.jobId(),
                    v.annotation(),
                    v.stacktrace());
        }
    }

    record RetryRequest(List<String> ids) {}

    record ResolveRequest(String note) {}

    @Operation(summary = "Open incidents (failed jobs and raised incidents), newest first, with their case")
    @GetMapping("/api/admin/incidents")
    List<IncidentItem> incidents(@AuthenticationPrincipal TandemPrincipal principal) {
        return operations.incidents(principal.user()).stream()
                .map(IncidentItem::of)
                .toList();
    }

    @Operation(summary = "One incident with the failed job's stack trace")
    @GetMapping("/api/admin/incidents/{id}")
    IncidentItem incident(@PathVariable String id, @AuthenticationPrincipal TandemPrincipal principal) {
        return IncidentItem.of(operations.incident(id, principal.user()));
    }

    @Operation(
            summary = "Retry the failed jobs of these incidents",
            description = "1 to 500 incident ids; an incident without a job can only be resolved (notRetriable).")
    @PostMapping("/api/admin/incidents/retry")
    EngineOperations.RetryResult retry(
            @RequestBody(required = false) RetryRequest body, @AuthenticationPrincipal TandemPrincipal principal) {
        return operations.retry(body == null ? null : body.ids(), principal.user());
    }

    @Operation(
            summary = "Resolve an incident that needs no retry, with a note",
            description = "A failed job is removed (its effect given up); an incident raised by a step is resolved.")
    @PostMapping("/api/admin/incidents/{id}/resolve")
    IncidentItem resolve(
            @PathVariable String id,
            @RequestBody(required = false) ResolveRequest body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        return IncidentItem.of(operations.resolve(id, body == null ? null : body.note(), principal.user()));
    }

    @Operation(summary = "The job executor of the answering node and the jobs of all nodes")
    @GetMapping("/api/admin/job-executor")
    EngineOperations.ExecutorState executor(@AuthenticationPrincipal TandemPrincipal principal) {
        return operations.executor(principal.user());
    }
}
