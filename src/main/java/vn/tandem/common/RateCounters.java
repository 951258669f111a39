package vn.tandem.common;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Request counters kept in the database ({@code rate_counter}: one row per bucket and window), so a limit holds
 * across nodes: an Open311 key's requests per minute, a citizen's status look-ups per address and per case code.
 * Each statement commits on its own (outside any transaction), so a refused request still counts and two first
 * hits at once do not abort anything on PostgreSQL; windows older than a day are deleted.
 */
@Component
public class RateCounters {

    private final JdbcTemplate jdbc;

    RateCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one to the bucket's window starting at {@code window} and answers the window's count. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int hit(String bucket, Instant window) {
        String key = bucket.length() > 150 ? bucket.substring(0, 150) : bucket;
        Timestamp start = Timestamp.from(window);
        String add = "update rate_counter set hits = hits + 1 where bucket = ? and window_start = ?";
        if (jdbc.update(add, key, start) == 0) {
            try {
                jdbc.update("insert into rate_counter (bucket, window_start, hits) values (?, ?, 1)", key, start);
            } catch (DuplicateKeyException e) {
                jdbc.update(add, key, start); // another node's first hit came in between
            }
        }
        jdbc.update(
                "delete from rate_counter where bucket = ? and window_start < ?",
                key,
                Timestamp.from(window.minus(Duration.ofDays(1))));
        Integer hits = jdbc.queryForObject(
                "select hits from rate_counter where bucket = ? and window_start = ?", Integer.class, key, start);
        return hits == null ? 0 : hits;
    }
}
