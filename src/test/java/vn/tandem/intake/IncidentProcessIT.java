package vn.tandem.intake;

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
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.IncidentHandling;
import vn.tandem.process.TandemClock;
import vn.tandem.process.Workflow;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * An incident runs its own process on the incident rules of the legal clock: led by the agency that responds first,
 * assessed by every agency taking part, escalated when the first response is late, counted on the dashboard.
 */
@TandemIntegrationTest
class IncidentProcessIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Workflow workflow;

    @BeforeEach
    void thursday() {
        at(3, 5);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    void at(int month, int day) {
        clock.setTime(LocalDateTime.of(2026, month, day, 9, 0).atZone(VN).toInstant());
        workflow.executeDueJobs();
    }

    static String endOfDay(int month, int day) {
        return LocalDateTime.of(2026, month, day, 23, 59, 59)
                .atZone(VN)
                .toInstant()
                .toString();
    }

    static String due(Api api, String code, String key) {
        return Instant.parse(api.due(code, key)).toString();
    }

    List<String> alerts(String code) {
        return jdbc.queryForList(
                "select task_key || ':' || threshold from sla_alert where case_id = "
                        + "(select id from cases where code = ?) order by id",
                String.class,
                code);
    }

    static Map<String, Object> firstResponse(String result) {
        return Map.of(
                "situationOnArrival", "Khoảng 30 người tụ tập, lời qua tiếng lại.",
                "forcesDeployed", "Công an xã Tân Hòa (4 đồng chí)",
                "immediateMeasures", "Tách hai nhóm, mời đại diện lên trụ sở xã.",
                "firstResponseResult", result);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIncidentRecordedByDanVanIsAnsweredByThePoliceAssessedByBothAndDueOnTheIncidentRules() {
        Api recorder = new Api(rest, "officer.danvan");
        Api police = new Api(rest, "officer.congan");
        String code = recorder.createCase(1, "INCIDENT", "Xô xát giữa hai nhóm dân tại thôn 3");
        Map<String, Object> detail = police.get("/api/cases/" + code).getBody();
        // the police respond first to incidents and lead them (reference data); Dân vận, which recorded it, is told
        assertThat(detail).containsEntry("leadAgency", "CONGAN").containsEntry("firstResponse", null);
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where case_code = ? and recipient = 'officer.danvan'"
                                + " and kind = 'INCIDENT_REPORTED'",
                        Integer.class,
                        code))
                .isOne();
        // first response: the province's target of 1 calendar day from detection
        assertThat(due(police, code, IncidentHandling.TASK_FIRST_RESPONSE)).isEqualTo(endOfDay(3, 6));
        assertThat(police.taskId(code, CaseHandling.TASK_ACCEPT)).isNull();
        assertThat(recorder.complete(
                        police.taskId(code, IncidentHandling.TASK_FIRST_RESPONSE),
                        firstResponse(IncidentHandling.RESULT_ASSESS)))
                .as("only the responding agency's officers answer first")
                .isIn(403, 404);
        at(3, 6);
        assertThat(police.complete(
                        police.taskId(code, IncidentHandling.TASK_FIRST_RESPONSE),
                        firstResponse(IncidentHandling.RESULT_ASSESS)))
                .isEqualTo(204);
        detail = police.get("/api/cases/" + code).getBody();
        assertThat(detail).containsEntry("status", "IN_PROGRESS").containsEntry("assignedOfficer", "officer.congan");
        assertThat((Map<String, Object>) detail.get("firstResponse"))
                .containsEntry("agency", "CONGAN")
                .containsEntry("forces", "Công an xã Tân Hòa (4 đồng chí)")
                .containsEntry("settled", false)
                .containsEntry("respondedBy", "officer.congan");
        // joint assessment: each agency's task, 5 days from the first response; the plan's 15 days run from it too
        // (21/03 is a Saturday: the target moves to Monday 23/03)
        for (String group : List.of("congan-officer", "danvan-officer")) {
            assertThat(police.get("/api/cases/" + code)
                            .getBody()
                            .get("currentTasks")
                            .toString())
                    .contains(group);
        }
        assertThat(due(police, code, IncidentHandling.TASK_ASSESS)).isEqualTo(endOfDay(3, 11));
        assertThat(police.deadline(code, "RESOLVE"))
                .containsEntry("rule", "INCIDENT_RESOLVE")
                .containsEntry("targetDue", "2026-03-23");
        assertThat(police.complete(
                        police.taskId(code, IncidentHandling.TASK_ASSESS, "congan-officer"),
                        Map.of("findings", "Mâu thuẫn về ranh giới đất, có đối tượng kích động.", "riskLevel", "HIGH")))
                .isEqualTo(204);
        assertThat(recorder.complete(
                        recorder.taskId(code, IncidentHandling.TASK_ASSESS, "danvan-officer"),
                        Map.of("findings", "Người dân bức xúc vì chậm đo đạc lại.", "riskLevel", "MEDIUM")))
                .isEqualTo(204);
        assertThat(due(police, code, IncidentHandling.TASK_PLAN)).isEqualTo(endOfDay(3, 23));

        // a plan names at least one measure
        String plan = police.taskId(code, IncidentHandling.TASK_PLAN);
        var bare = police.post(
                "/api/tasks/" + plan + "/complete", Map.of("plan", "Ổn định tình hình, làm rõ ranh giới đất."));
        assertThat(bare.getStatusCode().value()).isEqualTo(400);
        assertThat(bare.getBody().toString()).contains("dialogue").contains("validation.responseMeasures");
        assertThat(police.complete(
                        plan,
                        Map.of(
                                "plan", "Ổn định tình hình, làm rõ ranh giới đất.",
                                "persuasion", "Vận động các hộ chờ kết quả đo đạc.",
                                "legalMeasures", "Xử phạt hành chính đối tượng kích động.")))
                .isEqualTo(204);
        assertThat((Map<String, Object>)
                        police.get("/api/cases/" + code).getBody().get("plan"))
                .containsEntry("version", 1)
                .containsEntry("persuasion", "Vận động các hộ chờ kết quả đo đạc.")
                .containsEntry("dialogue", null)
                .containsEntry("decision", null);
        String page = rest.withBasicAuth("officer.congan", "demo").getForObject("/cases/" + code, String.class);
        assertThat(page)
                .contains("id=\"first-response\"")
                .contains("Công an xã Tân Hòa (4 đồng chí)")
                .contains("Đánh giá của các cơ quan")
                .contains("Xử phạt hành chính đối tượng kích động.");
    }

    @Test
    void aLateFirstResponseWarnsEscalatesToTheRespondingAgencysSupervisorsAndEndsWithTheStep() {
        Api police = new Api(rest, "officer.congan");
        String code = police.createCase(2, "INCIDENT", "Tụ tập gây rối trật tự chưa được xử lý");
        at(3, 6); // the due day: 1 day of 1 used
        assertThat(alerts(code)).containsExactly("Task_FirstResponse:WARNING");
        at(3, 7);
        assertThat(alerts(code)).containsExactly("Task_FirstResponse:WARNING", "Task_FirstResponse:BREACH");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queue =
                rest.withBasicAuth("supervisor.congan", "demo").getForObject("/api/escalations", List.class);
        Map<String, Object> escalation = queue.stream()
                .filter(e -> code.equals(e.get("caseCode")))
                .findFirst()
                .orElseThrow();
        assertThat(escalation)
                .containsEntry("level", 1)
                .containsEntry("agency", "CONGAN")
                .containsEntry("currentDue", "2026-03-06");
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where recipient = 'supervisor.congan' and case_code = ?"
                                + " and link = ?",
                        Integer.class,
                        code,
                        "/escalations/" + escalation.get("id")))
                .isPositive();
        // the supervisors' dashboard counts it by type
        Map<String, Object> summary = new Api(rest, "supervisor.congan")
                .get("/api/sla/summary?type=INCIDENT")
                .getBody();
        assertThat(((Number) summary.get("breached")).longValue()).isPositive();

        assertThat(police.complete(
                        police.taskId(code, IncidentHandling.TASK_FIRST_RESPONSE),
                        firstResponse(IncidentHandling.RESULT_SETTLED)))
                .isEqualTo(204);
        assertThat(new Api(rest, "supervisor.congan")
                        .get("/api/escalations/" + escalation.get("id"))
                        .getBody())
                .containsEntry("status", "STEP_DONE");
        assertThat(police.get("/api/cases/" + code).getBody())
                .containsEntry("status", "CLOSED")
                .containsEntry("outcome", "RESOLVED");
    }
}
