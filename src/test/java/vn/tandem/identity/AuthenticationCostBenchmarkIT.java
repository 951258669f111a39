package vn.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Benchmark (run with {@code ./mvnw verify -Pbenchmark}, not part of {@code ./mvnw verify}): what authenticating
 * costs per API request — a browser session, a personal API token, and HTTP Basic sent again with every request
 * (as scripts and Camunda Modeler do) — on the same request, interleaved so all three see the same machine load.
 * Target (issue 8): token and repeated Basic medians at most 1.5× the session median. Writes
 * {@code target/benchmarks/authentication.md}.
 */
@Tag("benchmark")
@TandemIntegrationTest
class AuthenticationCostBenchmarkIT {

    static final int WARM_UP = 300;
    static final int RUNS = 1500;
    static final String PATH = "/api/tasks?scope=mine&size=1";

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Directory directory;

    @Test
    void tokenAndRepeatedBasicRequestsCostAboutWhatASessionRequestCosts() throws Exception {
        HttpClient session =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        login(session, "officer.congan", "demo");
        HttpClient plain = HttpClient.newHttpClient();
        String token = tokens.issue(directory.find("officer.congan").orElseThrow(), "benchmark", 1)
                .secret();
        String basic = "Basic " + Base64.getEncoder().encodeToString("officer.congan:demo".getBytes());

        Map<String, HttpClient> clients = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        clients.put("session", session);
        headers.put("session", null);
        clients.put("token", plain);
        headers.put("token", "Bearer " + token);
        clients.put("basic", plain);
        headers.put("basic", basic);
        Map<String, List<Double>> times = new LinkedHashMap<>();
        clients.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            for (String mode : clients.keySet()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH));
                if (headers.get(mode) != null) {
                    request.header("Authorization", headers.get(mode));
                }
                long start = System.nanoTime();
                HttpResponse<String> response =
                        clients.get(mode).send(request.build(), HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - start) / 1e6;
                assertThat(response.statusCode()).as(mode).isEqualTo(200);
                if (i >= WARM_UP) {
                    times.get(mode).add(ms);
                }
            }
        }
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        String hash = bcrypt.encode("demo");
        List<Double> uncached = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            bcrypt.matches("demo", hash);
            uncached.add((System.nanoTime() - start) / 1e6);
        }
        double sessionMedian = percentile(times.get("session"), 50);
        StringBuilder report = new StringBuilder("| mode | p50 ms | p95 ms | p50 / session p50 |\n|---|---|---|---|\n");
        for (var e : times.entrySet()) {
            report.append(String.format(
                    "| %s | %.2f | %.2f | %.2f |%n",
                    e.getKey(),
                    percentile(e.getValue(), 50),
                    percentile(e.getValue(), 95),
                    percentile(e.getValue(), 50) / sessionMedian));
        }
        report.append(String.format(
                "%nOne BCrypt check (what every Basic request cost before): p50 %.1f ms.%n", percentile(uncached, 50)));
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(
                Path.of("target/benchmarks/authentication.md"),
                "# Authentication cost, " + LocalDate.now() + ", " + RUNS + " interleaved requests per mode of GET "
                        + PATH + "\n\n" + report);
        System.out.println(report);
        assertThat(percentile(times.get("token"), 50)).isLessThanOrEqualTo(1.5 * sessionMedian);
        assertThat(percentile(times.get("basic"), 50)).isLessThanOrEqualTo(1.5 * sessionMedian);
    }

    void login(HttpClient client, String user, String password) throws Exception {
        String page = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + user + "&password=" + password + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> done = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
