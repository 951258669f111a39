package vn.tandem.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
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
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged Tandem nodes on one PostgreSQL database (loopback only), as an operator runs them behind a load
 * balancer: a session, an attachment, a login block and an idempotency key made on one node hold on the other; a
 * task done on one is gone from the other's inbox; two completions of one task on the two nodes → one 204, one 409;
 * 200 completions spread over both with a {@code kill -9} of one node midway → every acknowledged completion is in
 * the history once, none twice; the same deployment on both nodes at once → one version; 500 cases whose SLA
 * thresholds fall due together on both nodes → every warning, breach and escalation exactly once, no incident, no
 * job left behind. Prints its figures. Run by {@code ./mvnw verify -Pcluster} ({@code .ci/run}).
 */
@Tag("cluster")
class ClusterIT {

    static final String DB =
            System.getProperty("tandem.cluster.jdbc", "jdbc:postgresql://127.0.0.1:5432/tandem_cluster");
    static final ObjectMapper JSON = new ObjectMapper();
    static final int CASES = 500;
    static final int COMPLETIONS = 200;

    @TempDir
    static Path dir;

    static Node a;
    static Node b;

    /** One application process. */
    static final class Node {
        final String name;
        final int port;
        final List<String> extra;
        Process process;

        Node(String name, List<String> extra) throws IOException {
            this.name = name;
            this.port = freePort();
            this.extra = extra;
        }

        void start(String... more) throws IOException {
            Path jar = Files.list(Path.of("target"))
                    .filter(p -> p.toString().endsWith(".jar") && !p.toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-jar",
                    jar.toAbsolutePath().toString(),
                    "--spring.profiles.active=postgres,demo",
                    "--tandem.demo.cases=false",
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--spring.datasource.url=" + DB,
                    "--spring.datasource.hikari.maximum-pool-size=8",
                    "--tandem.storage.attachments-dir=" + dir.resolve("shared-attachments"),
                    "--camunda.bpm.job-execution.lock-time-in-millis=15000"));
            command.addAll(extra);
            command.addAll(List.of(more));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            dir.resolve(name + "-" + System.nanoTime() + ".log").toFile())
                    .start();
        }

        void awaitReady() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " stopped; logs in " + dir);
                }
                try {
                    if (get("/actuator/health/readiness", null).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(500); // polling a starting process
            }
            throw new AssertionError(name + " did not start; logs in " + dir);
        }

        /** SIGTERM: graceful shutdown (in-flight requests finish, job locks released). */
        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                process.waitFor();
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
            if (user != null) {
                request.header("Authorization", basic(user));
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String user, String json, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .header("Authorization", basic(user))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void twoNodes() throws Exception {
        try (Connection c = db();
                Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
        a = new Node("a", List.of());
        b = new Node("b", List.of());
        long started = System.nanoTime();
        a.start(); // the first node creates the schema; the second joins it
        a.awaitReady();
        b.start();
        b.awaitReady();
        System.out.printf(
                "cluster: two nodes ready in %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
    }

    @Test
    void twoNodesBehaveAsOneTandem() throws Exception {
        sessionsAttachmentsThrottlingAndKeysHoldAcrossNodes();
        aTaskDoneOnOneNodeIsGoneFromTheOther();
        List<String> codes = createCases(CASES);
        completionsSurviveAKillNine(codes.subList(0, COMPLETIONS));
        theSameDeploymentOnBothNodesAtOnceMakesOneVersion();
        slaThresholdsFallingDueTogetherFireExactlyOnce(codes);
    }

    void sessionsAttachmentsThrottlingAndKeysHoldAcrossNodes() throws Exception {
        // a login on A continues on B
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String page = browser.send(
                        HttpRequest.newBuilder(a.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(a.uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=officer.congan&password=demo&_csrf=" + csrf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> onB = HTTP.send(
                HttpRequest.newBuilder(b.uri("/inbox"))
                        .header("Cookie", cookie)
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).as("signed in on A, served by B").isEqualTo(200);
        assertThat(onB.body()).contains("nav-inbox");

        // an attachment uploaded on A downloads from B
        String code = code(a.post("/api/cases", "officer.congan", caseJson("Vụ việc có tệp đính kèm")));
        byte[] content = ("Biên bản làm việc " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String boundary = "----tandem" + UUID.randomUUID();
        byte[] multipart = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bien-ban.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n" + new String(content, StandardCharsets.UTF_8) + "\r\n--"
                        + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = HTTP.send(
                HttpRequest.newBuilder(a.uri("/api/cases/" + code + "/attachments"))
                        .header("Authorization", basic("officer.congan"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String attachment = JSON.readTree(uploaded.body()).get("id").asText();
        HttpResponse<byte[]> downloaded = HTTP.send(
                HttpRequest.newBuilder(b.uri("/api/cases/" + code + "/attachments/" + attachment))
                        .header("Authorization", basic("officer.congan"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(content);

        // a throttled account stays throttled on B
        for (int i = 0; i < 8; i++) {
            HTTP.send(
                    HttpRequest.newBuilder(a.uri("/api/cases"))
                            .header("Authorization", "Basic " + encode("officer.danvan:wrong"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        HttpResponse<String> blocked = HTTP.send(
                HttpRequest.newBuilder(b.uri("/api/cases"))
                        .header("Authorization", "Basic " + encode("officer.danvan:demo"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(blocked.statusCode()).as("blocked on A, blocked on B").isEqualTo(429);

        // an idempotency key used on A replays on B; another body with it is refused on B
        String key = UUID.randomUUID().toString();
        String body = caseJson("Kiến nghị gửi lại qua nút khác " + key);
        HttpResponse<String> first = a.post("/api/cases", "officer.congan", body, "Idempotency-Key", key);
        HttpResponse<String> replay = b.post("/api/cases", "officer.congan", body, "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(code(replay)).isEqualTo(code(first));
        assertThat(replay.headers().firstValue("Idempotency-Replayed")).contains("true");
        assertThat(b.post("/api/cases", "officer.congan", caseJson("Khác " + key), "Idempotency-Key", key)
                        .statusCode())
                .isEqualTo(422);
        assertThat(count("select count(*) from cases where title = 'Kiến nghị gửi lại qua nút khác " + key + "'"))
                .isEqualTo(1);
    }

    void aTaskDoneOnOneNodeIsGoneFromTheOther() throws Exception {
        String code = code(a.post("/api/cases", "officer.congan", caseJson("Vụ việc kiểm tra hộp việc hai nút")));
        String task = acceptTask(a, code);
        assertThat(b.get("/api/tasks?scope=all&q=" + code, "officer.congan").body())
                .contains(task);
        assertThat(a.post("/api/tasks/" + task + "/complete", "officer.congan", "{\"decision\":\"ACCEPT\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(b.get("/api/tasks?scope=all&q=" + code, "officer.congan").body())
                .as("gone from B's inbox at once")
                .doesNotContain(task);

        // the same task completed on both nodes at once: one wins, the other is told
        String other = code(b.post("/api/cases", "officer.congan", caseJson("Vụ việc hai người cùng hoàn thành")));
        String contested = acceptTask(b, other);
        ExecutorService two = Executors.newFixedThreadPool(2);
        Future<Integer> onA = two.submit(
                () -> a.post("/api/tasks/" + contested + "/complete", "officer.congan", "{\"decision\":\"ACCEPT\"}")
                        .statusCode());
        Future<Integer> onB = two.submit(
                () -> b.post("/api/tasks/" + contested + "/complete", "officer.congan", "{\"decision\":\"ACCEPT\"}")
                        .statusCode());
        List<Integer> statuses = new ArrayList<>(List.of(onA.get(), onB.get()));
        two.shutdown();
        Collections.sort(statuses);
        assertThat(statuses).containsExactly(204, 409);
    }

    List<String> createCases(int n) throws Exception {
        long started = System.nanoTime();
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = i % 2 == 0 ? a : b;
            int number = i;
            work.add(pool.submit(() -> {
                HttpResponse<String> created =
                        node.post("/api/cases", "officer.congan", caseJson("Khiếu nại số " + number + " cùng hạn"));
                assertThat(created.statusCode()).isEqualTo(201);
                codes.add(code(created));
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(
                "cluster: %d cases created over two nodes in %.1f s%n",
                n, Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        List<String> sorted = new ArrayList<>(codes);
        Collections.sort(sorted);
        return sorted;
    }

    void completionsSurviveAKillNine(List<String> codes) throws Exception {
        List<String> tasks = new ArrayList<>();
        for (String code : codes) {
            tasks.add(acceptTask(a, code));
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Node node = i % 2 == 0 ? a : b;
            String task = tasks.get(i);
            work.add(pool.submit(() -> {
                try {
                    HttpResponse<String> done = node.post(
                            "/api/tasks/" + task + "/complete", "officer.congan", "{\"decision\":\"ACCEPT\"}");
                    if (done.statusCode() / 100 == 2) {
                        acknowledged.add(task);
                    }
                } catch (IOException e) {
                    failed.incrementAndGet(); // the node was killed under this request
                }
                if (answered.incrementAndGet() == tasks.size() / 2) {
                    b.kill();
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        if (b.process.isAlive()) {
            b.kill();
        }
        b.start();
        b.awaitReady();
        int inHistory = count("select count(*) from ACT_HI_TASKINST where TASK_DEF_KEY_ = 'Task_Accept'"
                + " and END_TIME_ is not null and DELETE_REASON_ = 'completed' and ID_ in ("
                + quoted(acknowledged) + ")");
        int twice = count("select count(*) from (select PROC_INST_ID_ from ACT_HI_TASKINST"
                + " where TASK_DEF_KEY_ = 'Task_Accept' and DELETE_REASON_ = 'completed'"
                + " group by PROC_INST_ID_ having count(*) > 1) t");
        System.out.printf(
                "cluster: %d completions, %d acknowledged (2xx), %d cut off by kill -9; %d acknowledged in the"
                        + " history, %d cases accepted twice%n",
                tasks.size(), acknowledged.size(), failed.get(), inHistory, twice);
        assertThat(acknowledged.size()).isGreaterThan(tasks.size() / 2);
        assertThat(inHistory).isEqualTo(acknowledged.size());
        assertThat(twice).isZero();
        assertThat(count("select count(*) from ACT_RU_INCIDENT")).isZero();
    }

    void theSameDeploymentOnBothNodesAtOnceMakesOneVersion() throws Exception {
        int before = count("select count(*) from ACT_RE_PROCDEF where KEY_ = 'case-handling'");
        String xml = Files.readString(Path.of("bpmn/case-handling.bpmn"))
                .replace("name=\"Tiếp nhận vụ việc\"", "name=\"Tiếp nhận vụ việc (bản cụm)\"");
        String boundary = "----tandem" + UUID.randomUUID();
        byte[] body = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ntandem-bpmn\r\n"
                        + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
                        + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"case-handling.bpmn\"\r\n"
                        + "Content-Type: application/xml\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Integer>> deploys = new ArrayList<>();
        for (Node node : List.of(a, b)) {
            deploys.add(two.submit(() -> HTTP.send(
                            HttpRequest.newBuilder(node.uri("/engine-rest/deployment/create"))
                                    .header("Authorization", basic("designer"))
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : deploys) {
            statuses.add(f.get());
        }
        two.shutdown();
        int after = count("select count(*) from ACT_RE_PROCDEF where KEY_ = 'case-handling'");
        System.out.printf(
                "cluster: the same deployment on both nodes at once: %s, %d new version(s)%n",
                statuses, after - before);
        assertThat(statuses).allMatch(s -> s == 200);
        assertThat(after - before).isEqualTo(1);
    }

    void slaThresholdsFallingDueTogetherFireExactlyOnce(List<String> codes) throws Exception {
        a.stop();
        b.stop();
        int lockedAfterStop = count("select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null");
        // both nodes at once, 40 days ahead: every acceptance and resolution threshold of the cases is due
        long started = System.nanoTime();
        a.start("--tandem.clock.offset=P40D");
        b.start("--tandem.clock.offset=P40D");
        a.awaitReady();
        b.awaitReady();
        // the cases' jobs due by then (other processes' repeating timers and the history cleanup always have a next
        // one)
        String due = "PROCESS_DEF_KEY_ = 'case-handling' and RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
                + " and (DUEDATE_ is null or DUEDATE_ <= now() + interval '40 days')";
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        int left = count("select count(*) from ACT_RU_JOB where " + due);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000); // polling the job executors' work
            left = count("select count(*) from ACT_RU_JOB where " + due);
        }
        double drained = Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0;
        int breached = count("select count(*) from timeline_entry where kind = 'SLA_BREACHED'");
        int alerts = count("select count(*) from sla_alert");
        int escalations = count("select count(*) from escalation");
        int duplicateEntries =
                count("select count(*) from (select ref_id, kind from timeline_entry where kind like 'SLA_%'"
                        + " group by ref_id, kind having count(*) > 1) t");
        int duplicateNotices = count("select count(*) from (select recipient, case_id, kind, title_vi from notification"
                + " where kind in ('AT_RISK', 'BREACHED', 'STATUTORY_BREACH', 'ESCALATION')"
                + " group by recipient, case_id, kind, title_vi having count(*) > 1) t");
        System.out.printf(
                "cluster: %d cases; job locks left by the graceful stop: %d; timers drained on two nodes in %.1f s"
                        + " (start-up included); %d alerts, %d breaches on the timeline, %d escalations;"
                        + " duplicated timeline entries %d, duplicated notifications %d; due jobs left %d;"
                        + " incidents %d%n",
                codes.size(),
                lockedAfterStop,
                drained,
                alerts,
                breached,
                escalations,
                duplicateEntries,
                duplicateNotices,
                left,
                count("select count(*) from ACT_RU_INCIDENT"));
        assertThat(lockedAfterStop).as("a graceful stop releases its job locks").isZero();
        assertThat(left).as("every due job ran").isZero();
        assertThat(breached)
                .as("the unaccepted cases' acceptance breached")
                .isGreaterThanOrEqualTo(CASES - COMPLETIONS);
        assertThat(escalations).isGreaterThanOrEqualTo(CASES - COMPLETIONS);
        assertThat(duplicateEntries).isZero();
        assertThat(duplicateNotices).isZero();
        assertThat(count("select count(*) from ACT_RU_INCIDENT")).isZero();
    }

    String acceptTask(Node node, String code) throws Exception {
        JsonNode detail =
                JSON.readTree(node.get("/api/cases/" + code, "officer.congan").body());
        for (JsonNode t : detail.get("currentTasks")) {
            if ("Task_Accept".equals(t.get("key").asText())) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no acceptance task on " + code);
    }

    static String caseJson(String title) {
        return """
                {"type":"COMPLAINT","channel":"RECEPTION","title":"%s",
                 "description":"Kiểm tra hai nút trên một cơ sở dữ liệu.","unitId":2,
                 "petitioners":[{"fullName":"Công dân thử nghiệm"}]}""".formatted(title);
    }

    static String code(HttpResponse<String> created) throws IOException {
        return JSON.readTree(created.body()).get("code").asText();
    }

    static String quoted(Set<String> ids) {
        return ids.isEmpty()
                ? "''"
                : String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }

    static int count(String sql) throws Exception {
        try (Connection c = db();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(DB, "tandem", "tandem");
    }

    static String basic(String user) {
        return "Basic " + encode(user + ":demo");
    }

    static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
