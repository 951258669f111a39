package vn.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file under the default URL's {@code WRITE_DELAY=0}: without housekeeping a workload of small commits grows the
 * file many times over its content; with a pass every few hundred commits it stays a fraction of that, with the same
 * content. {@code RETENTION_TIME=0} lets H2 free a dead chunk at the next commit instead of 45 s later (the test does
 * not wait on the wall clock).
 */
class H2HousekeepingTest {

    @TempDir
    Path dir;

    @Test
    void housekeepingKeepsTheFileSmallAndTheContentIntact() throws Exception {
        long without = workload("plain", false);
        long with = workload("kept", true);
        assertThat(checksum("plain")).isEqualTo(checksum("kept"));
        assertThat(with).as("file with housekeeping (bytes)").isLessThan(without / 3);
    }

    @Test
    void otherDatabasesAreLeftAlone() throws Exception {
        try (Connection memory = DriverManager.getConnection("jdbc:h2:mem:housekeeping", "sa", "")) {
            assertThat(H2Housekeeping.compact(memory, Duration.ofSeconds(1))).isNull();
        }
    }

    /**
     * Commits of one new case-like row and one log row each, as the application makes them (a row per commit fills a
     * leaf page that no later commit rewrites, so its chunk stays alive for it); returns the file's size in bytes
     * before it closes.
     */
    private long workload(String name, boolean housekeeping) throws Exception {
        try (Connection c = DriverManager.getConnection(url(name), "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (id int primary key, unit int, payload varchar(400))");
                s.execute("create index t_unit on t (unit, id)");
                s.execute("create table log (id int auto_increment primary key, t_id int, entry varchar(200))");
            }
            Random random = new Random(19);
            boolean compacted = false;
            try (PreparedStatement insert = c.prepareStatement("insert into t values (?, ?, ?)");
                    PreparedStatement log = c.prepareStatement("insert into log (t_id, entry) values (?, ?)")) {
                for (int i = 1; i <= 6_000; i++) {
                    insert.setInt(1, i);
                    insert.setInt(2, random.nextInt(40));
                    insert.setString(3, "case " + i + " " + "x".repeat(random.nextInt(300)));
                    insert.executeUpdate();
                    log.setInt(1, i);
                    log.setString(2, "received " + i);
                    log.executeUpdate();
                    if (housekeeping && i % 300 == 0) {
                        H2Housekeeping.Pass pass = H2Housekeeping.compact(c, Duration.ofSeconds(5));
                        assertThat(pass).isNotNull();
                        compacted |= pass.steps() > 0;
                    }
                }
            }
            assertThat(compacted).isEqualTo(housekeeping);
            // measured while open: closing compacts the file for up to MAX_COMPACT_TIME
            long size = Files.size(dir.resolve(name + ".mv.db"));
            System.out.println("H2HousekeepingTest: " + name + " " + size / 1024 + " KiB");
            return size;
        }
    }

    private long checksum(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(url(name), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select sum(t.id * length(payload) + unit), count(*) from t join log on log.t_id = t.id")) {
            rs.next();
            return rs.getLong(1) * 31 + rs.getLong(2);
        }
    }

    private String url(String name) {
        // DB_CLOSE_DELAY=-1 would keep it open; closing at the end is what the checksum's reopen checks
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";WRITE_DELAY=0;RETENTION_TIME=0";
    }
}
