package vn.tandem.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.Hashes;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;

/**
 * Personal API tokens: made and revoked by their owner (profile page and {@code /api/tokens}), accepted as
 * {@code Authorization: Bearer ...} on {@code /api/**} and {@code /engine-rest/**} with the owner's roles. The
 * secret ({@value #PREFIX} and 40 random characters) is shown once; only its SHA-256 is stored. A revoked or
 * expired token, or one whose owner is disabled, authenticates nobody. Each token records when it was last used
 * (to the minute, so using a token does not write on every request).
 */
@Service
@Transactional
public class AccessTokens {

    static final String PREFIX = "tdm_";
    static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** A new token with its secret, which is never shown again. */
    public record Issued(ApiToken token, String secret) {}

    /** A token that authenticated a request: its owner and its id. */
    public record Holder(TandemPrincipal principal, long tokenId) {}

    private final ApiTokens tokens;
    private final Users users;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(ApiTokens tokens, Users users, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public Issued issue(CurrentUser user, String name, Integer days) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            throw new InvalidInputException("name", "validation.required");
        }
        if (label.length() > 100) {
            throw new InvalidInputException("name", "validation.maxLength", 100);
        }
        int validity = days == null ? DEFAULT_DAYS : days;
        if (validity < 1 || validity > MAX_DAYS) {
            throw new InvalidInputException("expiresInDays", "validation.range", 1, MAX_DAYS);
        }
        AppUser owner = users.findByUsername(user.username()).orElseThrow();
        String secret = secret();
        Instant now = clock.instant();
        ApiToken token =
                tokens.save(new ApiToken(owner.getId(), label, hash(secret), now, now.plus(Duration.ofDays(validity))));
        audit.record(
                "TOKEN_CREATED",
                null,
                null,
                "token",
                token.getId().toString(),
                Map.of("name", label, "expiresAt", token.getExpiresAt().toString()));
        return new Issued(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(CurrentUser user) {
        return users.findByUsername(user.username())
                .map(u -> tokens.findByUserIdOrderByIdDesc(u.getId()))
                .orElse(List.of());
    }

    /** Revokes one of the user's own tokens (404 for anyone else's). */
    public void revoke(CurrentUser user, long id) {
        AppUser owner = users.findByUsername(user.username()).orElseThrow();
        ApiToken token = tokens.findById(id)
                .filter(t -> t.getUserId().equals(owner.getId()))
                .orElseThrow(() -> new NotFoundException("token.notFound"));
        if (token.getRevokedAt() == null) {
            token.revoke(clock.instant());
            audit.record(
                    "TOKEN_REVOKED", null, null, "token", token.getId().toString(), Map.of("name", token.getName()));
        }
    }

    /** Revokes every token of a user (password reset, account disabled). */
    void revokeAll(AppUser user) {
        Instant now = clock.instant();
        tokens.findByUserIdOrderByIdDesc(user.getId()).stream()
                .filter(t -> t.getRevokedAt() == null)
                .forEach(t -> t.revoke(now));
    }

    /** The holder of an active token, or empty. Records the use. */
    public Optional<Holder> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> found = tokens.findByTokenHash(hash(secret)).filter(t -> t.isActive(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        if (!token.getUser().isEnabled()) {
            return Optional.empty();
        }
        if (token.getLastUsedAt() == null
                || token.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            tokens.markUsed(token.getId(), now);
        }
        AppUser user = token.getUser();
        return Optional.of(new Holder(new TandemPrincipal(Directory.toCurrentUser(user), null, true), token.getId()));
    }

    private String secret() {
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    static String hash(String secret) {
        return Hashes.sha256Hex(secret);
    }
}
