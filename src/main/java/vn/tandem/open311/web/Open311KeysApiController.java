package vn.tandem.open311.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.open311.Open311Keys;

/** The Open311 API keys over the API, for administrators: list, issue (the key shown once), revoke. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Open311 GeoReport v2")
class Open311KeysApiController {

    private final Open311Keys keys;

    Open311KeysApiController(Open311Keys keys) {
        this.keys = keys;
    }

    /** What an administrator asks for a new key. */
    record NewKey(String name, Integer perMinute) {}

    @Operation(summary = "The Open311 API keys (never the keys themselves)")
    @GetMapping("/api/admin/open311-keys")
    List<Open311Keys.Key> list() {
        return keys.all();
    }

    @Operation(summary = "Issue an Open311 API key: the answer holds the key, shown this once")
    @PostMapping("/api/admin/open311-keys")
    ResponseEntity<Open311Keys.Issued> create(
            @RequestBody NewKey body, @AuthenticationPrincipal TandemPrincipal principal) {
        Open311Keys.Issued issued =
                keys.issue(body.name(), body.perMinute(), principal.user().username());
        return ResponseEntity.created(
                        URI.create("/api/admin/open311-keys/" + issued.key().id()))
                .body(issued);
    }

    @Operation(summary = "Revoke an Open311 API key (409 if it is revoked already)")
    @PostMapping("/api/admin/open311-keys/{id}/revoke")
    ResponseEntity<Void> revokeApi(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        keys.revoke(id, principal.user().username());
        return ResponseEntity.noContent().build();
    }
}
