package vn.tandem.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The outlook from outside: units ranked with their reasons, level and trend, seen as signals are (both agencies of
 * the area, not designers); the weights are data an administrator edits (audited, validated); a unit crossing into
 * HIGH or CRITICAL tells its supervisors once.
 */
@TandemIntegrationTest
class OutlookIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long CA_CHIEMHOA = 10;
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutlookWatch watch;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    List<Map<String, Object>> outlook(String user, String query) {
        var response = rest.withBasicAuth(user, "demo").exchange("/api/outlook" + query, HttpMethod.GET, null, LIST);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    static Map<String, Object> unit(List<Map<String, Object>> units, long id) {
        return units.stream()
                .filter(u -> ((Number) u.get("unitId")).longValue() == id)
                .findFirst()
                .orElseThrow();
    }

    static Map<String, Object> signal(String category, String risk) {
        Map<String, Object> s = new HashMap<>();
        s.put("category", category);
        s.put("place", "Thôn Nà Héc");
        s.put("peopleInvolved", 40);
        s.put("risk", risk);
        s.put("description", "Nhiều hộ tụ tập phản đối việc thu hồi đất làm đường, có người kích động.");
        return s;
    }

    int outlookNotices(String user) {
        return jdbc.queryForObject(
                "select count(*) from notification where recipient = ? and kind = 'OUTLOOK' and title_vi like ?",
                Integer.class,
                user,
                "%Chiêm Hóa%");
    }

    @Test
    @SuppressWarnings("unchecked")
    void risingSignalsPutAUnitAtTheTopWithItsReasonsAndTellItsSupervisorsOnce() {
        // far ahead, where the other tests' signals have faded
        clock.setTime(LocalDateTime.of(2031, 1, 10, 9, 0).atZone(VN).toInstant());
        watch.watch();
        List<Map<String, Object>> rankedBefore = outlook("supervisor.congan", "");
        Map<String, Object> before = unit(rankedBefore, CA_CHIEMHOA);
        assertThat((String) before.get("level")).isIn("LOW", "ELEVATED");
        int noticesBefore = outlookNotices("supervisor.congan");

        Map<String, Object> report = new HashMap<>();
        report.put("unitId", CA_CHIEMHOA);
        report.put("periodFrom", "2031-01-04");
        report.put("periodTo", "2031-01-10");
        report.put("assessment", "COMPLEX");
        report.put(
                "signals",
                List.of(
                        signal("LAND", "CRITICAL"),
                        signal("LAND", "CRITICAL"),
                        signal("LAND", "HIGH"),
                        signal("CROWD", "CRITICAL")));
        assertThat(new Api(rest, "officer.congan")
                        .post("/api/situation-reports", report)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        List<Map<String, Object>> ranked = outlook("supervisor.congan", "");
        Map<String, Object> top = unit(ranked, CA_CHIEMHOA);
        assertThat((Double) top.get("score")).isGreaterThan((Double) before.get("score") + 24);
        assertThat((String) top.get("level")).isEqualTo("CRITICAL");
        // highest first; the unit did not fall (other tests' open cases elsewhere never fade: it need not be first)
        assertThat(ranked)
                .extracting(u -> (Double) u.get("score"))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ranked.indexOf(top)).isLessThanOrEqualTo(rankedBefore.indexOf(before));
        assertThat((List<String>) top.get("reasons"))
                .first()
                .asString()
                .contains("3 tin đất đai, bồi thường trong 14 ngày");
        assertThat((List<Double>) top.get("trend")).hasSize(12).last().isEqualTo(top.get("score"));
        // in English for an English reader
        var english = rest.withBasicAuth("supervisor.congan", "demo")
                .exchange("/api/outlook?lang=en", HttpMethod.GET, null, LIST)
                .getBody();
        assertThat((List<String>) unit(english, CA_CHIEMHOA).get("reasons"))
                .first()
                .asString()
                .contains("3 land signal(s) in 14 days");
        // the check after the report (every five minutes in the application) tells the supervisors once, and a
        // later run tells nothing new
        assertThat(watch.watch()).isGreaterThanOrEqualTo(1);
        assertThat(outlookNotices("supervisor.congan")).isEqualTo(noticesBefore + 1);
        watch.watch();
        assertThat(outlookNotices("supervisor.congan")).isEqualTo(noticesBefore + 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'OUTLOOK_RAISED' and entity_id = ?",
                        Integer.class,
                        Long.toString(CA_CHIEMHOA)))
                .isGreaterThanOrEqualTo(1);

        // a week earlier the unit was where it was before: the outlook on a past day reads that day's signals
        Map<String, Object> earlier = unit(outlook("supervisor.congan", "?asOf=2031-01-03"), CA_CHIEMHOA);
        assertThat((Double) earlier.get("score")).isLessThan((Double) top.get("score"));

        // the pages: the outlook ranks it with its reasons; the dashboard's panel shows it
        String page = rest.withBasicAuth("supervisor.congan", "demo").getForObject("/outlook", String.class);
        assertThat(page).contains("id=\"unit-" + CA_CHIEMHOA + "\"").contains("id=\"outlook-heat\"");
        assertThat(rest.withBasicAuth("supervisor.congan", "demo").getForObject("/dashboard", String.class))
                .contains("id=\"dashboard-outlook\"")
                .contains("data-unit=\"" + CA_CHIEMHOA + "\"");
    }

    @Test
    void everyoneSeesTheUnitsOfTheirAreaAsForSignalsAndDesignersNone() {
        List<Long> seen = new ArrayList<>();
        outlook("officer.danvan.minhxuan", "").forEach(u -> seen.add(((Number) u.get("unitId")).longValue()));
        assertThat(seen).containsExactlyInAnyOrder(3L, 4L);
        assertThat(outlook("officer.congan", "")).hasSize(8);
        assertThat(new Api(rest, "designer").get("/api/outlook").getStatusCode().value())
                .isEqualTo(403);
        var future = new Api(rest, "supervisor.congan")
                .get("/api/outlook?asOf=" + LocalDate.now(clock).plusDays(1));
        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(future.getBody().toString()).contains("asOf");
        var page = rest.withBasicAuth("designer", "demo").getForEntity("/outlook", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(403);
        assertThat(page.getBody()).contains("<html");
    }

    @Test
    void theWeightsShipAsProvenAndAnAdministratorChangesThemAudited() {
        List<Map<String, Object>> weights = rest.withBasicAuth("admin", "demo")
                .exchange("/api/outlook/weights", HttpMethod.GET, null, LIST)
                .getBody();
        assertThat(weights).hasSize(OutlookModel.Weights.CODES.size());
        // the migration seeds exactly the defaults the backtest proves
        for (Map<String, Object> w : weights) {
            assertThat(((Number) w.get("weight")).doubleValue())
                    .as((String) w.get("code"))
                    .isEqualTo(OutlookModel.Weights.defaults().get((String) w.get("code")));
        }
        Api admin = new Api(rest, "admin");
        try {
            var changed = admin.put("/api/outlook/weights/CROWD", Map.of("weight", 3.5));
            assertThat(changed.getStatusCode().value()).isEqualTo(200);
            assertThat(changed.getBody()).containsEntry("weight", 3.5).containsEntry("changedBy", "admin");
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_entry where action = 'OUTLOOK_WEIGHT_CHANGED' and entity_id = 'CROWD'",
                            Integer.class))
                    .isEqualTo(1);
            assertThat(admin.put("/api/outlook/weights/CROWD", Map.of("weight", -1))
                            .getStatusCode()
                            .value())
                    .isEqualTo(400);
            var disorder = admin.put("/api/outlook/weights/LEVEL_HIGH", Map.of("weight", 30));
            assertThat(disorder.getStatusCode().value())
                    .as("a High threshold above the Critical one")
                    .isEqualTo(400);
            assertThat(admin.put("/api/outlook/weights/NOPE", Map.of("weight", 1))
                            .getStatusCode()
                            .value())
                    .isEqualTo(404);
            assertThat(new Api(rest, "supervisor.congan")
                            .put("/api/outlook/weights/CROWD", Map.of("weight", 9))
                            .getStatusCode()
                            .value())
                    .isEqualTo(403);
        } finally {
            admin.put("/api/outlook/weights/CROWD", Map.of("weight", 3.0));
        }
    }
}
