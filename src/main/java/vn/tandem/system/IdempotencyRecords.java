package vn.tandem.system;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first answer to a write, by scope, owner and key, in the database (every node sees it): an API write sent with
 * an {@code Idempotency-Key} ({@link IdempotencyFilter}) and a page form's one-time token ({@link OnceTokens}). A key
 * is claimed before the work starts and completed with the answer after it; a failed write releases it. Records are
 * kept for the retention (at least 24 hours) and then purged. Each statement commits on its own, outside the work's
 * transaction, so a claim is visible to a retry on another node at once.
 */
@Component
class IdempotencyRecords {

    enum Scope {
        API,
        FORM
    }

    /** A claimed key: the request it was claimed for, and the answer once the work finished. */
    record Record(
            String requestHash,
            boolean completed,
            Integer status,
            String contentType,
            String location,
            byte[] body,
            Instant createdAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyRecords(
            JdbcTemplate jdbc, Clock clock, @Value("${tandem.idempotency.retention:P2D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention.compareTo(Duration.ofHours(24)) < 0 ? Duration.ofHours(24) : retention;
    }

    /** Claims the key for this request: empty when it is now this request's, else the record already there. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Record> claim(Scope scope, String owner, String key, String requestHash) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                jdbc.update(
                        "insert into idempotency_record (scope, owner, idem_key, request_hash, completed, created_at)"
                                + " values (?, ?, ?, ?, false, ?)",
                        scope.name(),
                        owner,
                        key,
                        requestHash,
                        Timestamp.from(clock.instant()));
                return Optional.empty();
            } catch (DuplicateKeyException taken) {
                Optional<Record> existing = find(scope, owner, key);
                if (existing.isPresent()) {
                    return existing;
                }
                // released in between: try to claim it again
            }
        }
        throw new IllegalStateException("Idempotency key kept changing hands: " + key);
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Record> find(Scope scope, String owner, String key) {
        List<Record> found = jdbc.query(
                "select request_hash, completed, status, content_type, location, body, created_at"
                        + " from idempotency_record where scope = ? and owner = ? and idem_key = ?",
                (rs, n) -> new Record(
                        rs.getString(1),
                        rs.getBoolean(2),
                        (Integer) rs.getObject(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBytes(6),
                        rs.getTimestamp(7).toInstant()),
                scope.name(),
                owner,
                key);
        return found.stream().findFirst();
    }

    /** The work finished: its answer, replayed to every later request with the key. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void complete(
            Scope scope, String owner, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update(
                "update idempotency_record set completed = true, status = ?, content_type = ?, location = ?, body = ?"
                        + " where scope = ? and owner = ? and idem_key = ?",
                status,
                contentType,
                location,
                body,
                scope.name(),
                owner,
                key);
    }

    /** The work failed or was refused for its input: the key may be used again. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void release(Scope scope, String owner, String key) {
        jdbc.update(
                "delete from idempotency_record where scope = ? and owner = ? and idem_key = ? and completed = false",
                scope.name(),
                owner,
                key);
    }

    /** Keys older than the retention are forgotten (hourly; every node may run it, deleting twice is harmless). */
    @Scheduled(cron = "${tandem.idempotency.purge-cron:0 17 * * * *}")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int purge() {
        return jdbc.update(
                "delete from idempotency_record where created_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }

    Duration retention() {
        return retention;
    }
}
