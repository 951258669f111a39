package vn.tandem.inbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.inbox.SavedFilters;

/** Saved inbox filters over the API: the caller's own and those shared with their unit. */
@RestController
@RequestMapping("/api/inbox/filters")
@Tag(name = "Tasks")
class InboxFilterApiController {

    private final SavedFilters filters;

    InboxFilterApiController(SavedFilters filters) {
        this.filters = filters;
    }

    /** A filter to save: criteria use the parameter names of {@code GET /api/tasks}. */
    record NewFilter(String name, String scope, Map<String, Object> criteria, boolean shared) {}

    @GetMapping
    @Operation(summary = "The caller's saved filters and those shared with the caller's unit")
    List<SavedFilters.View> list(@AuthenticationPrincipal TandemPrincipal principal) {
        return filters.visibleTo(principal.user());
    }

    @PostMapping
    @Operation(summary = "Save a filter {name, scope, criteria, shared}; 400 names each wrong field")
    ResponseEntity<SavedFilters.View> create(
            @RequestBody NewFilter body, @AuthenticationPrincipal TandemPrincipal principal) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(filters.save(principal.user(), body.name(), body.scope(), body.criteria(), body.shared()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete one of the caller's filters (403 for a colleague's shared one)")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        filters.delete(id, principal.user());
        return ResponseEntity.noContent().build();
    }
}
