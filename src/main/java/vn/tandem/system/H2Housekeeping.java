package vn.tandem.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file in check while the application runs. With {@code WRITE_DELAY=0} (every commit on disk,
 * the default URL) H2 writes a new chunk of changed pages at each commit and stops its background writer — which is
 * also what rewrites the live pages out of sparse chunks. Without it a chunk that keeps one live page is never freed,
 * and the file grows many times over its content until the database closes (docs/benchmarks.md: 5.8 GiB for about
 * 80 MiB of live data after the quick benchmark's data set). Every {@code tandem.h2.housekeeping-delay} this does what
 * H2's background writer would: rewrites the live pages of the sparsest chunks, a bounded amount at a time within a
 * time budget, so those chunks die and later commits reuse their space. PostgreSQL, H2 in memory and H2 over TCP are
 * left alone. Shutdown still compacts the file fully ({@code MAX_COMPACT_TIME} in the URL).
 */
@Component
public class H2Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    /** Rewrite chunks while the live share of all chunks is below this percentage (H2's own default is 90). */
    static final int TARGET_FILL_RATE = 80;

    /** Bytes of live pages rewritten per step: commits wait for the store while a step runs, so steps are short. */
    static final int WRITE_PER_STEP = 1024 * 1024;

    /** What a pass did: the store's chunk fill rate and file size before and after, and the chunks rewritten. */
    public record Pass(int fillBefore, int fillAfter, long fileBefore, long fileAfter, int steps) {}

    private final DataSource dataSource;
    private final Duration budget;

    H2Housekeeping(DataSource dataSource, @Value("${tandem.h2.housekeeping-budget:PT0.5S}") Duration budget) {
        this.dataSource = dataSource;
        this.budget = budget;
    }

    @Scheduled(
            initialDelayString = "${tandem.h2.housekeeping-delay:PT5S}",
            fixedDelayString = "${tandem.h2.housekeeping-delay:PT5S}")
    void run() {
        try (Connection c = dataSource.getConnection()) {
            Pass pass = compact(c, budget);
            if (pass != null && pass.steps() > 0) {
                log.debug("H2 housekeeping: {}", pass);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("H2 housekeeping skipped: {}", e.toString());
        }
    }

    /**
     * One pass over the H2 file database behind {@code connection}: rewrites sparse chunks until the chunks' fill rate
     * reaches {@link #TARGET_FILL_RATE} or the budget is spent. Null when the connection is not to an embedded H2
     * file database (nothing to do). The benchmark harness runs it on the bare engine's H2 file, too.
     */
    public static Pass compact(Connection connection, Duration budget) throws SQLException {
        MVStore store = fileStoreOf(connection);
        if (store == null) {
            return null;
        }
        int fillBefore = store.getFileStore().getChunksFillRate();
        long fileBefore = store.getFileStore().size();
        long deadline = System.nanoTime() + budget.toNanos();
        int steps = 0;
        while (System.nanoTime() < deadline && store.compact(TARGET_FILL_RATE, WRITE_PER_STEP)) {
            steps++;
        }
        return new Pass(
                fillBefore,
                store.getFileStore().getChunksFillRate(),
                fileBefore,
                store.getFileStore().size(),
                steps);
    }

    private static MVStore fileStoreOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || session.getDatabase().getStore() == null) {
            return null;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.isClosed()
                        || store.getFileStore() == null
                        || store.getFileStore().getFileName() == null
                ? null
                : store;
    }
}
