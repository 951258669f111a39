package vn.tandem.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.identity.AccessTokens;
import vn.tandem.identity.ApiToken;
import vn.tandem.identity.TandemPrincipal;

/** The caller's personal API tokens: make one (the secret is in this answer only), list them, revoke one. */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "Tokens")
class TokenApiController {

    private final AccessTokens tokens;
    private final Clock clock;

    TokenApiController(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token to make: a name, and optionally how many days it is valid (1–365, 90 by default). */
    record NewToken(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}")
            String name,

            @Min(value = 1, message = "{validation.value.min}")
            @Max(value = AccessTokens.MAX_DAYS, message = "{validation.value.max}")
            Integer expiresInDays) {}

    record Created(long id, String name, String token, Instant createdAt, Instant expiresAt) {}

    record TokenView(
            long id,
            String name,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            boolean active) {}

    @PostMapping
    @Operation(summary = "Make a personal API token (use it as 'Authorization: Bearer <token>'; shown only here)")
    ResponseEntity<Created> create(
            @Valid @RequestBody(required = false) NewToken body, @AuthenticationPrincipal TandemPrincipal principal) {
        AccessTokens.Issued issued = tokens.issue(
                principal.user(), body == null ? null : body.name(), body == null ? null : body.expiresInDays());
        ApiToken t = issued.token();
        return ResponseEntity.created(URI.create("/api/tokens/" + t.getId()))
                .body(new Created(t.getId(), t.getName(), issued.secret(), t.getCreatedAt(), t.getExpiresAt()));
    }

    @GetMapping
    @Operation(summary = "The caller's tokens (never their secrets)")
    List<TokenView> list(@AuthenticationPrincipal TandemPrincipal principal) {
        Instant now = clock.instant();
        return tokens.of(principal.user()).stream()
                .map(t -> new TokenView(
                        t.getId(),
                        t.getName(),
                        t.getCreatedAt(),
                        t.getExpiresAt(),
                        t.getLastUsedAt(),
                        t.getRevokedAt(),
                        t.isActive(now)))
                .toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of the caller's tokens")
    ResponseEntity<Void> revoke(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        tokens.revoke(principal.user(), id);
        return ResponseEntity.noContent().build();
    }
}
