package vn.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application on an H2 file database: every case acknowledged with a 201 survives a
 * {@code kill -9}, and restarting deploys no new process version.
 */
@Tag("standalone")
class KillNineIT {

    static final Pattern CODE = Pattern.compile("\"code\":\"(VV-[0-9-]+)\"");

    @TempDir
    Path dir;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void acknowledgedCasesSurviveKillNineAndRestartsDeployNoNewVersion() throws Exception {
        String jdbc = "jdbc:h2:file:" + dir.resolve("db/tandem") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        int port = freePort();
        Process app = start(jdbc, port);
        List<String> codes = new ArrayList<>();
        try {
            awaitReady(port);
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = post(port, "/api/cases", """
                        {"type":"PETITION","channel":"HOTLINE","title":"Kiến nghị trước khi dừng đột ngột %d",
                         "description":"Kiểm tra độ bền dữ liệu khi tiến trình bị dừng.","unitId":2,
                         "petitioners":[{"fullName":"Công dân %d"}]}""".formatted(i, i));
                assertThat(response.statusCode()).isEqualTo(201);
                Matcher m = CODE.matcher(response.body());
                assertThat(m.find()).isTrue();
                codes.add(m.group(1));
            }
        } finally {
            app.destroyForcibly().waitFor();
        }
        Process again = start(jdbc, port);
        try {
            awaitReady(port);
            for (String code : codes) {
                assertThat(get(port, "/api/cases/" + code).statusCode())
                        .as(code)
                        .isEqualTo(200);
            }
        } finally {
            again.destroy();
            again.waitFor();
        }
        try (Connection c = DriverManager.getConnection(jdbc, "sa", "");
                ResultSet rs = c.createStatement()
                        .executeQuery("select count(*) from ACT_RE_PROCDEF where KEY_ = 'case-handling'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    /**
     * The SLA timers are jobs in the database: run ahead of time with the job executor on, each threshold fires
     * once — the warning before a kill -9, the breach after the restart, and neither again.
     */
    @Test
    void slaTimersFireOncePerThresholdAcrossKillNineRestarts() throws Exception {
        String jdbc = "jdbc:h2:file:" + dir.resolve("db/sla") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        int port = freePort();
        String code;
        String target;
        Process app = start(jdbc, port);
        try {
            awaitReady(port);
            HttpResponse<String> created = post(port, "/api/cases", """
                    {"type":"COMPLAINT","channel":"RECEPTION","title":"Khiếu nại theo dõi thời hạn qua khởi động lại",
                     "description":"Kiểm tra mốc cảnh báo và leo thang chỉ chạy một lần.","unitId":2,
                     "petitioners":[{"fullName":"Công dân thử nghiệm"}]}""");
            assertThat(created.statusCode()).isEqualTo(201);
            Matcher m = CODE.matcher(created.body());
            assertThat(m.find()).isTrue();
            code = m.group(1);
            Matcher due = Pattern.compile("\"step\":\"ACCEPT\".*?\"targetDue\":\"([0-9-]+)\"")
                    .matcher(get(port, "/api/cases/" + code + "/deadlines").body());
            assertThat(due.find()).isTrue();
            target = due.group(1);
        } finally {
            app.destroyForcibly().waitFor();
        }
        ZoneId vn = ZoneId.of("Asia/Ho_Chi_Minh");
        Instant onTargetDay = LocalDate.parse(target).atTime(12, 0).atZone(vn).toInstant();
        // on the target day: 75% used, not yet overdue
        Process ahead = start(jdbc, port, "--tandem.clock.offset=" + Duration.between(Instant.now(), onTargetDay));
        try {
            awaitReady(port);
            awaitTimeline(port, code, "SLA_AT_RISK");
            assertThat(count(get(port, "/api/cases/" + code).body(), "SLA_BREACHED"))
                    .isZero();
        } finally {
            ahead.destroyForcibly().waitFor();
        }
        // a day later, after a kill -9: the breach fires, the warning does not fire again
        Process later = start(
                jdbc,
                port,
                "--tandem.clock.offset=" + Duration.between(Instant.now(), onTargetDay.plus(Duration.ofDays(1))));
        try {
            awaitReady(port);
            awaitTimeline(port, code, "SLA_BREACHED");
            String detail = get(port, "/api/cases/" + code).body();
            assertThat(count(detail, "SLA_AT_RISK")).isEqualTo(1);
            assertThat(count(detail, "SLA_BREACHED")).isEqualTo(1);
        } finally {
            later.destroy();
            later.waitFor();
        }
        try (Connection c = DriverManager.getConnection(jdbc, "sa", "");
                ResultSet rs = c.createStatement()
                        .executeQuery("select threshold, count(*) from sla_alert where case_id ="
                                + " (select id from cases where code = '" + code + "')"
                                + " group by threshold order by threshold")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getInt(2));
            }
            assertThat(rows).containsExactly("BREACH=1", "WARNING=1");
        }
    }

    void awaitTimeline(int port, String code, String kind) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (count(get(port, "/api/cases/" + code).body(), kind) > 0) {
                return;
            }
            Thread.sleep(500); // polling the job executor's work, not waiting for a deadline
        }
        throw new AssertionError(kind + " never appeared on " + code + "; logs in " + dir);
    }

    static int count(String json, String kind) {
        return (int) Pattern.compile("\"kind\":\"" + kind + "\"")
                .matcher(json)
                .results()
                .count();
    }

    Process start(String jdbc, int port, String... extra) throws Exception {
        File jar = Files.list(Path.of("target"))
                .filter(p -> p.toString().endsWith(".jar"))
                .filter(p -> !p.toString().endsWith("-plain.jar"))
                .findFirst()
                .orElseThrow()
                .toFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-jar",
                jar.getAbsolutePath(),
                "--spring.profiles.active=demo",
                "--tandem.demo.cases=false",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbc,
                "--tandem.storage.attachments-dir=" + dir.resolve("attachments")));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app-" + System.nanoTime() + ".log").toFile());
        return builder.start();
    }

    void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("application did not start; logs in " + dir);
    }

    HttpResponse<String> post(int port, String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", basic())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", basic())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("officer.congan:demo".getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
