package vn.tandem.open311;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.CleanText;
import vn.tandem.common.ConflictException;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.Hashes;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.RateCounters;

/**
 * The API keys 311 apps use: issued by administrators (the key is shown once; only its SHA-256 hash is kept),
 * revoked by them, each with a limit of requests per minute counted in the database (so every node counts the
 * same), every issue and revocation audited.
 */
@Service
public class Open311Keys {

    /** Requests per minute a new key may make unless the admin says otherwise. */
    public static final int DEFAULT_PER_MINUTE = 60;

    /** A key as the admin page lists it (never the key itself). */
    public record Key(
            long id,
            String name,
            String prefix,
            int perMinute,
            String createdBy,
            Instant createdAt,
            Instant revokedAt,
            Instant lastUsedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A key just issued: its record and the key to hand over, shown once. */
    public record Issued(Key key, String secret) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final RateCounters counters;
    private final AuditLog audit;
    private final Clock clock;

    Open311Keys(JdbcTemplate jdbc, RateCounters counters, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Key> all() {
        return jdbc.query(
                "select id, name, key_prefix, per_minute, created_by, created_at, revoked_at, last_used_at"
                        + " from open311_key order by id desc",
                Open311Keys::key);
    }

    @Transactional
    public Issued issue(String name, Integer perMinute, String by) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        CleanText.check(problems, "name", name, true, 100);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String clean = name.strip();
        int limit = perMinute == null ? DEFAULT_PER_MINUTE : perMinute;
        if (limit < 1 || limit > 6000) {
            throw new InvalidInputException("perMinute", "validation.range", 1, 6000);
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = "o311_" + HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        jdbc.update(
                "insert into open311_key (name, key_hash, key_prefix, per_minute, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                clean,
                Hashes.sha256Hex(secret),
                secret.substring(0, 12),
                limit,
                by,
                Timestamp.from(now));
        Key key = all().stream()
                .filter(k -> k.prefix().equals(secret.substring(0, 12)))
                .findFirst()
                .orElseThrow();
        audit.record(
                "OPEN311_KEY_ISSUED",
                null,
                null,
                "open311-key",
                String.valueOf(key.id()),
                Map.of("name", clean, "perMinute", limit, "prefix", key.prefix()));
        return new Issued(key, secret);
    }

    @Transactional
    public void revoke(long id, String by) {
        Key key = all().stream()
                .filter(k -> k.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("open311.key.notFound"));
        if (!key.active()) {
            throw new ConflictException("open311.key.revoked");
        }
        jdbc.update(
                "update open311_key set revoked_by = ?, revoked_at = ? where id = ?",
                by,
                Timestamp.from(clock.instant()),
                id);
        audit.record("OPEN311_KEY_REVOKED", null, null, "open311-key", String.valueOf(id), Map.of("name", key.name()));
    }

    /**
     * The active key behind {@code apiKey} (403 for a missing, unknown or revoked key), counted against its limit
     * for the current minute (429 beyond it).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Key use(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new Open311Exception(403, "api_key is required");
        }
        List<Key> found = jdbc.query(
                "select id, name, key_prefix, per_minute, created_by, created_at, revoked_at, last_used_at"
                        + " from open311_key where key_hash = ?",
                Open311Keys::key,
                Hashes.sha256Hex(apiKey.strip()));
        if (found.isEmpty() || !found.get(0).active()) {
            throw new Open311Exception(403, "api_key is invalid or revoked");
        }
        Key key = found.get(0);
        Instant now = clock.instant();
        Timestamp minute = Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES));
        int hits = counters.hit("open311:" + key.id(), minute.toInstant());
        jdbc.update("update open311_key set last_used_at = ? where id = ?", Timestamp.from(now), key.id());
        if (hits > key.perMinute()) {
            throw new Open311Exception(429, "rate limit exceeded: " + key.perMinute() + " requests per minute");
        }
        return key;
    }

    private static Key key(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Key(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
