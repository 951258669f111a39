package vn.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.casefile.CaseMetrics;
import vn.tandem.process.internal.EngineMetrics;
import vn.tandem.sla.SlaMetrics;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * What an operator watches: the probes answer without a login (readiness names the database, the job executor and
 * the schema), the Prometheus metrics are for administrators only and carry Tandem's own figures, and a browser's
 * session lives in the database (so any node can serve it).
 */
@TandemIntegrationTest
class ObservabilityIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    CaseMetrics caseMetrics;

    @Autowired
    SlaMetrics slaMetrics;

    @Autowired
    EngineMetrics engineMetrics;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void probesArePublicAndMetricsAreForAdministrators() {
        ResponseEntity<String> readiness = rest.getForEntity("/actuator/health/readiness", String.class);
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(readiness.getBody()).contains("\"UP\"");
        ResponseEntity<String> details =
                rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health/readiness", String.class);
        assertThat(details.getBody()).contains("\"db\"").contains("\"jobs\"").contains("\"flywaySchema\"");
        assertThat(rest.getForEntity("/actuator/health/liveness", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        assertThat(rest.getForEntity("/actuator/prometheus", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(rest.withBasicAuth("officer.danvan", "demo")
                        .getForEntity("/actuator/prometheus", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);

        new Api(rest, "officer.danvan").createCase(1, "COMPLAINT", "Khiếu nại để đếm trong số liệu vận hành");
        caseMetrics.refresh();
        slaMetrics.refresh();
        engineMetrics.refresh();
        String metrics = rest.withBasicAuth("admin", "demo")
                .getForEntity("/actuator/prometheus", String.class)
                .getBody();
        assertThat(metrics)
                .containsPattern("tandem_cases\\{[^}]*status=\"RECEIVED\"[^}]*type=\"COMPLAINT\"[^}]*\\} [1-9]")
                .containsPattern("tandem_sla_cases\\{[^}]*state=\"ON_TRACK\"")
                .contains("tandem_escalations_open")
                .contains("tandem_jobs_backlog")
                .contains("tandem_jobs_failed")
                .contains("tandem_incidents")
                .contains("http_server_requests_seconds_bucket");
    }

    @LocalServerPort
    int port;

    @Test
    void aSignedInBrowserSessionLivesInTheDatabase() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=officer.congan&password=demo&_csrf=" + csrf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(signedIn.headers().firstValue("Set-Cookie").orElse("")).startsWith("SESSION=");
        assertThat(jdbc.queryForObject(
                        "select count(*) from SPRING_SESSION where PRINCIPAL_NAME = 'officer.congan'", Integer.class))
                .isPositive();
        HttpResponse<String> inbox = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/inbox")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("nav-inbox");

        // a call that brings its own credentials starts no session (the API, an export; a page with forms keeps
        // its CSRF token in one)
        for (String path : List.of("/api/cases", "/api/tasks", "/audit.csv")) {
            HttpResponse<String> basic = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + java.util.Base64.getEncoder()
                                                            .encodeToString("admin:demo".getBytes()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(basic.statusCode()).as(path).isEqualTo(200);
            assertThat(basic.headers().firstValue("Set-Cookie").orElse(""))
                    .as(path)
                    .doesNotContain("SESSION=");
        }
    }
}
