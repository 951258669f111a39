package vn.tandem.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file in check: H2 appends every change to its file and reuses the space only partly, so a
 * busy file grows many times over its content (docs/benchmarks.md measured it). When the application stops
 * gracefully, the last thing it does with the database is {@code SHUTDOWN COMPACT}, which rewrites the file to its
 * live content. Only for an H2 file database; PostgreSQL reclaims space itself (autovacuum).
 */
@Component
class H2Compaction implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private final JdbcTemplate jdbc;
    private final boolean h2File;
    private volatile boolean running;

    H2Compaction(JdbcTemplate jdbc, @Value("${spring.datasource.url:}") String url) {
        this.jdbc = jdbc;
        this.h2File = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./");
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!h2File) {
            return;
        }
        long start = System.nanoTime();
        try {
            jdbc.execute("SHUTDOWN COMPACT");
            log.info("H2 file compacted in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("H2 file not compacted: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped last: after the web server, the job executor (and its job locks) and everything else that writes. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
