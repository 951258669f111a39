package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/** Task due dates and the case's deadlines follow the legal rules, driven by the engine clock. */
@TandemIntegrationTest
class TaskDueDatesIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @BeforeEach
    void thursday() {
        clock.setTime(LocalDateTime.of(2026, 3, 5, 9, 0).atZone(VN).toInstant());
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    static String endOfDay(int month, int day) {
        return LocalDateTime.of(2026, month, day, 23, 59, 59)
                .atZone(VN)
                .toInstant()
                .toString();
    }

    String due(Api api, String code, String key) {
        return Instant.parse(api.due(code, key)).toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aComplexComplaintRunsOnItsRulesAndTheLadderStates() {
        Api officer = new Api(rest, "officer.congan");
        String code = officer.createCase(2, "COMPLAINT", "Khiếu nại theo dõi thời hạn");
        // acceptance: target 5 days of the 10-day statutory limit (Law on Complaints art. 27)
        assertThat(due(officer, code, CaseHandling.TASK_ACCEPT)).isEqualTo(endOfDay(3, 10));
        assertThat(officer.complete(
                        officer.taskId(code, CaseHandling.TASK_ACCEPT),
                        Map.of("decision", "ACCEPT", "complexity", "COMPLEX")))
                .isEqualTo(204);
        // resolution of a complex complaint: 45 days, target 30% shorter = 31 days -> Sunday 05/04 -> Monday 06/04
        assertThat(due(officer, code, CaseHandling.TASK_VERIFY)).isEqualTo(endOfDay(4, 6));
        var deadlines = (List<Map<String, Object>>) (List<?>) rest.withBasicAuth("officer.congan", "demo")
                .getForObject("/api/cases/" + code + "/deadlines", List.class);
        // received at the reception desk: the citizen is also told how the matter is handled (Luật TCD Art. 28)
        assertThat(deadlines).extracting(d -> d.get("step")).containsExactly("ACCEPT", "INFORM", "RESOLVE");
        assertThat(deadlines.get(0))
                .containsEntry("statutoryDue", "2026-03-16")
                .containsEntry("current", false)
                .containsEntry("state", "ON_TRACK")
                .containsEntry("kind", "STEP")
                .containsEntry("phase", "DONE");
        assertThat(deadlines.get(1)).containsEntry("rule", "RECEPTION_INFORM").containsEntry("phase", "DONE");
        assertThat(deadlines.get(2))
                .containsEntry("rule", "COMPLAINT_RESOLVE_1_COMPLEX")
                .containsEntry("statutoryDue", "2026-04-20")
                .containsEntry("targetDue", "2026-04-06")
                .containsEntry("unit", "CALENDAR_DAYS")
                .containsEntry("state", "ON_TRACK")
                .containsEntry("current", true);
        assertThat((String) deadlines.get(2).get("legalBasis")).contains("Điều 28");

        clock.setTime(LocalDateTime.of(2026, 4, 1, 9, 0).atZone(VN).toInstant());
        assertThat(resolve(code)).containsEntry("state", "AT_RISK").containsEntry("daysLeft", 5);
        clock.setTime(LocalDateTime.of(2026, 4, 7, 9, 0).atZone(VN).toInstant());
        assertThat(resolve(code)).containsEntry("state", "BREACHED").containsEntry("statutoryBreached", false);
        clock.setTime(LocalDateTime.of(2026, 4, 21, 9, 0).atZone(VN).toInstant());
        assertThat(resolve(code)).containsEntry("statutoryBreached", true);
    }

    Map<String, Object> resolve(String code) {
        return new Api(rest, "officer.congan").deadline(code, "RESOLVE");
    }

    @Test
    void pausingTheClockMovesTheDeadlinesAndTheTaskDueDates() {
        Api officer = new Api(rest, "officer.congan");
        String code = officer.createCase(2, "COMPLAINT", "Khiếu nại chờ công dân bổ sung hồ sơ");
        assertThat(officer.complete(
                        officer.taskId(code, CaseHandling.TASK_ACCEPT),
                        Map.of("decision", "ACCEPT", "complexity", "COMPLEX")))
                .isEqualTo(204);
        clock.setTime(LocalDateTime.of(2026, 3, 10, 9, 0).atZone(VN).toInstant());
        Object usedBefore = resolve(code).get("daysUsed");
        assertThat(officer.post("/api/cases/" + code + "/clock/pause", Map.of("reason", "ngắn"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(officer.post(
                                "/api/cases/" + code + "/clock/pause",
                                Map.of("reason", "Chờ công dân bổ sung giấy tờ đất"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(officer.post("/api/cases/" + code + "/clock/pause", Map.of("reason", "Tạm dừng thêm lần nữa"))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(new Api(rest, "officer.danvan")
                        .post("/api/cases/" + code + "/clock/resume", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        clock.setTime(LocalDateTime.of(2026, 3, 12, 9, 0).atZone(VN).toInstant());
        assertThat(resolve(code).get("daysUsed")).as("paused time is not used").isEqualTo(usedBefore);
        clock.setTime(LocalDateTime.of(2026, 3, 15, 9, 0).atZone(VN).toInstant());
        assertThat(officer.post("/api/cases/" + code + "/clock/resume", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        // paused 10/03 -> 15/03 (5 days): target 06/04 -> 10/04 (Friday), statutory 20/04 -> 24/04
        assertThat(resolve(code)).containsEntry("targetDue", "2026-04-10").containsEntry("statutoryDue", "2026-04-24");
        assertThat(due(officer, code, CaseHandling.TASK_VERIFY)).isEqualTo(endOfDay(4, 10));
        assertThat(new Api(rest, "officer.danvan")
                        .get("/api/tasks?scope=group&q=" + code)
                        .getBody()
                        .toString())
                .contains(endOfDay(4, 10));
        assertThat(officer.post("/api/cases/" + code + "/clock/resume", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    @Test
    void aSecondInstanceComplexComplaintInARemoteCommuneGetsTheLongestLimit() {
        Api officer = new Api(rest, "officer.congan");
        var created = officer.post(
                "/api/cases",
                Map.of(
                        "type",
                        "COMPLAINT",
                        "channel",
                        "RECEPTION",
                        "title",
                        "Khiếu nại lần hai ở xã vùng sâu",
                        "description",
                        "Công dân khiếu nại lần hai về bồi thường.",
                        "unitId",
                        10,
                        "instance",
                        2,
                        "petitioners",
                        List.of(Map.of("fullName", "Hoàng Văn Sáu"))));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String code = (String) created.getBody().get("code");
        assertThat(officer.get("/api/cases/" + code).getBody())
                .containsEntry("instance", 2)
                .containsEntry("remoteArea", true);
        assertThat(officer.complete(
                        officer.taskId(code, CaseHandling.TASK_ACCEPT),
                        Map.of("decision", "ACCEPT", "complexity", "COMPLEX")))
                .isEqualTo(204);
        // Law on Complaints art. 37: 70 days for a complex 2nd-instance complaint in a remote area (05/03 -> 14/05)
        assertThat(resolve(code))
                .containsEntry("rule", "COMPLAINT_RESOLVE_2_REMOTE_COMPLEX")
                .containsEntry("statutoryDue", "2026-05-14");
        var invalid = officer.post(
                "/api/cases",
                Map.of(
                        "type",
                        "COMPLAINT",
                        "channel",
                        "RECEPTION",
                        "title",
                        "Khiếu nại lần ba",
                        "description",
                        "Không có lần ba.",
                        "unitId",
                        2,
                        "instance",
                        3,
                        "petitioners",
                        List.of(Map.of("fullName", "Hoàng Văn Bảy"))));
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    }
}
