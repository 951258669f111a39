package vn.tandem.situation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.process.SituationReportProcess;
import vn.tandem.process.TandemClock;
import vn.tandem.process.Workflow;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The scheduled situation reports end to end: the daily timer of {@code bpmn/situation-report.bpmn} opens a round
 * per commune unit when its week starts, the unit's officers get the report task, filing the report completes it;
 * a late report warns, then escalates to the agency's supervisors covering the unit like any other step; an
 * administrator changes a unit's period.
 */
@TandemIntegrationTest
class ReportRoundsIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long CA_MINHXUAN = 4;
    static final long DV_MINHXUAN = 3;
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    Workflow workflow;

    @Autowired
    Rounds rounds;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService management;

    @BeforeEach
    void scheduleOn() {
        rounds.enabled(true);
    }

    @AfterEach
    void scheduleOff() {
        rounds.enabled(false);
        clock.reset();
    }

    /**
     * Moves the clock to {@code time} and runs what is due then, the day's run of the report rounds included (its
     * cron timer is due at 01:00 after the last run; tests move the clock in any order, so it is made due now).
     */
    void at(LocalDateTime time) {
        clock.setTime(time.atZone(VN).toInstant());
        Job daily = management
                .createJobQuery()
                .processDefinitionKey(SituationReportProcess.PROCESS_KEY)
                .activityId("StartEvent_Daily")
                .singleResult();
        management.setJobDuedate(daily.getId(), Date.from(clock.instant()));
        workflow.executeDueJobs();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> reportTask(Api api, String reference) {
        List<Map<String, Object>> items = (List<Map<String, Object>>)
                api.get("/api/tasks?scope=all&size=200").getBody().get("items");
        return items.stream()
                .filter(t -> SituationReportProcess.TASK_FILE_REPORT.equals(t.get("key")))
                .filter(t -> reference.equals(t.get("caseCode")))
                .findFirst()
                .orElse(null);
    }

    Long roundId(long unitId, LocalDate from) {
        return jdbc
                .queryForList(
                        "select id from report_round where unit_id = ? and period_from = ?", Long.class, unitId, from)
                .stream()
                .findFirst()
                .orElse(null);
    }

    static Map<String, Object> report(long unitId, String from, String to) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("periodFrom", from);
        body.put("periodTo", to);
        body.put("assessment", "WATCH");
        body.put(
                "signals",
                List.of(Map.of(
                        "category", "LAND",
                        "place", "Tổ 7",
                        "peopleInvolved", 12,
                        "risk", "MEDIUM",
                        "description", "Các hộ tổ 7 bàn việc kéo lên xã hỏi về tiền bồi thường.")));
        return body;
    }

    @Test
    void whenAWeekStartsEachCommuneUnitOwesItsReportAndFilingItCompletesTheTask() {
        // Monday 5/3/2029: the week 26/2–4/3 has ended
        at(LocalDateTime.of(2029, 3, 5, 7, 0));
        LocalDate from = LocalDate.of(2029, 2, 26);
        Long police = roundId(CA_MINHXUAN, from);
        Long danvan = roundId(DV_MINHXUAN, from);
        assertThat(police).as("a round for the ward's police").isNotNull();
        assertThat(danvan).as("a round for the ward's Dân vận").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from report_round where period_from = ?", Integer.class, from))
                .as("every commune or ward unit of both agencies, none for the province's own units")
                .isEqualTo(8);
        // due by the SITUATION_REPORT rule: 2 working days from Monday
        assertThat(jdbc.queryForObject("select due_on from report_round where id = ?", LocalDate.class, police))
                .isEqualTo(LocalDate.of(2029, 3, 7));
        // a second run the same day opens nothing new
        at(LocalDateTime.of(2029, 3, 5, 7, 5));
        assertThat(jdbc.queryForObject("select count(*) from report_round where period_from = ?", Integer.class, from))
                .isEqualTo(8);

        Api officer = new Api(rest, "officer.congan.minhxuan");
        Map<String, Object> task = reportTask(officer, "BC-" + police);
        assertThat(task).as("the police officer's report task").isNotNull();
        assertThat(task)
                .containsEntry("caseType", "SITUATION_REPORT")
                .extractingByKey("caseTitle")
                .asString()
                .contains("04/03/2029");
        assertThat(reportTask(new Api(rest, "officer.danvan.minhxuan"), "BC-" + police))
                .as("the other agency's round is not Dân vận's task")
                .isNull();
        String page = rest.withBasicAuth("officer.congan.minhxuan", "demo")
                .getForObject("/tasks/" + task.get("id"), String.class);
        assertThat(page)
                .contains("id=\"file-report\"")
                .contains("/situation/reports/new?round=" + police)
                .doesNotContain("id=\"complete\"");
        String form = rest.withBasicAuth("officer.congan.minhxuan", "demo")
                .getForObject("/situation/reports/new?round=" + police, String.class);
        assertThat(form).contains("id=\"report-round\"").contains("value=\"2029-02-26\"");

        // the task cannot be completed without the report
        var refused = officer.post("/api/tasks/" + task.get("id") + "/complete", Map.of());
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("report");

        // filing the week's report completes the task; the round is filed on time
        var filed = officer.post("/api/situation-reports", report(CA_MINHXUAN, "2029-02-26", "2029-03-04"));
        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        assertThat(reportTask(officer, "BC-" + police)).isNull();
        assertThat(jdbc.queryForObject("select report_id from report_round where id = ?", Long.class, police))
                .isEqualTo(((Number) filed.getBody().get("id")).longValue());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'SITUATION_ROUND_FILED' and entity_id = ?",
                        Integer.class,
                        police.toString()))
                .isEqualTo(1);
        // Dân vận's round is still owed, and the schedule shows both
        List<Map<String, Object>> schedules = rest.withBasicAuth("supervisor.congan.minhxuan", "demo")
                .exchange("/api/situation-schedules", HttpMethod.GET, null, LIST)
                .getBody();
        assertThat(schedules).extracting(s -> s.get("unitId")).contains((int) CA_MINHXUAN, (int) DV_MINHXUAN);
        assertThat(rest.withBasicAuth("supervisor.congan.minhxuan", "demo")
                        .getForObject("/situation/schedule", String.class))
                .contains("data-round=\"" + police + "\" data-state=\"FILED\"")
                .contains("data-round=\"" + danvan + "\" data-state=\"OPEN\"");
    }

    @Test
    void aReportFiledBeforeTheRoundOpensOwesNothing() {
        clock.setTime(LocalDateTime.of(2029, 4, 15, 18, 0).atZone(VN).toInstant());
        Api officer = new Api(rest, "officer.danvan.minhxuan");
        assertThat(officer.post("/api/situation-reports", report(DV_MINHXUAN, "2029-04-09", "2029-04-15"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        at(LocalDateTime.of(2029, 4, 16, 7, 0));
        Long round = roundId(DV_MINHXUAN, LocalDate.of(2029, 4, 9));
        assertThat(round).isNotNull();
        assertThat(jdbc.queryForObject("select report_id from report_round where id = ?", Long.class, round))
                .isNotNull();
        assertThat(reportTask(officer, "BC-" + round)).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLateReportWarnsThenEscalatesToTheUnitsSupervisorsAndTheirExtensionMovesTheDueDay() {
        at(LocalDateTime.of(2029, 6, 4, 7, 0));
        Long round = roundId(CA_MINHXUAN, LocalDate.of(2029, 5, 28));
        assertThat(round).isNotNull();
        // Wednesday: the last day (75% of the time used) → the officers are warned
        at(LocalDateTime.of(2029, 6, 6, 8, 0));
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where recipient = 'officer.congan.minhxuan'"
                                + " and kind = 'AT_RISK' and case_code = ?",
                        Integer.class,
                        "BC-" + round))
                .isEqualTo(1);
        // Thursday: overdue → an escalation for the police supervisors covering the ward, about the round
        at(LocalDateTime.of(2029, 6, 7, 8, 0));
        Map<String, Object> escalation = rest
                .withBasicAuth("supervisor.congan.minhxuan", "demo")
                .exchange("/api/escalations", HttpMethod.GET, null, LIST)
                .getBody()
                .stream()
                .filter(e -> ("BC-" + round).equals(e.get("reference")))
                .findFirst()
                .orElse(null);
        assertThat(escalation).as("the escalation of the late report").isNotNull();
        assertThat(escalation)
                .containsEntry("caseCode", null)
                .containsEntry("legalStep", "SITUATION_REPORT")
                .containsEntry("link", "/situation/reports/new?round=" + round);
        assertThat(jdbc.queryForObject(
                        "select subject_key from escalation where id = ?", String.class, escalation.get("id")))
                .isEqualTo("SR-" + round);
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where recipient = 'supervisor.congan.minhxuan'"
                                + " and kind = 'BREACHED' and case_code = ?",
                        Integer.class,
                        "BC-" + round))
                .isEqualTo(1);
        assertThat(rest.withBasicAuth("supervisor.danvan.minhxuan", "demo")
                        .exchange("/api/escalations", HttpMethod.GET, null, LIST)
                        .getBody())
                .as("the other agency's supervisors do not handle the police's late report")
                .noneMatch(e -> ("BC-" + round).equals(e.get("reference")));
        String page = rest.withBasicAuth("supervisor.congan.minhxuan", "demo")
                .getForObject("/escalations/" + escalation.get("id"), String.class);
        assertThat(page).contains("BC-" + round);

        // the supervisor gives the unit until Monday
        Api supervisor = new Api(rest, "supervisor.congan.minhxuan");
        var extended = supervisor.post(
                "/api/escalations/" + escalation.get("id") + "/extend",
                Map.of(
                        "decisionNumber", "12/CV-CAP",
                        "decisionDate", "2029-06-07",
                        "newDeadline", "2029-06-11",
                        "reason", "Đơn vị đang xác minh tin tổ 7, nộp báo cáo đầy đủ vào thứ Hai."));
        assertThat(extended.getStatusCode().value()).isEqualTo(204);
        Map<String, Object> task = reportTask(new Api(rest, "officer.congan.minhxuan"), "BC-" + round);
        assertThat((String) task.get("due")).startsWith("2029-06-11");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'ESCALATION_EXTEND' and case_code = ?",
                        Integer.class,
                        "BC-" + round))
                .isEqualTo(1);

        // the report arrives: the task completes
        assertThat(new Api(rest, "officer.congan.minhxuan")
                        .post("/api/situation-reports", report(CA_MINHXUAN, "2029-05-28", "2029-06-03"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(reportTask(new Api(rest, "officer.congan.minhxuan"), "BC-" + round))
                .isNull();
    }

    @Test
    void anAdministratorMakesAUnitReportMonthlyAndOthersMayNot() {
        Api admin = new Api(rest, "admin");
        try {
            var changed = admin.put("/api/situation-schedules/" + DV_MINHXUAN, Map.of("period", "MONTHLY"));
            assertThat(changed.getStatusCode().value()).isEqualTo(200);
            assertThat(changed.getBody()).containsEntry("period", "MONTHLY").containsEntry("active", true);
            assertThat(new Api(rest, "supervisor.danvan.minhxuan")
                            .put("/api/situation-schedules/" + DV_MINHXUAN, Map.of("period", "WEEKLY"))
                            .getStatusCode()
                            .value())
                    .isEqualTo(403);
            assertThat(admin.put("/api/situation-schedules/1", Map.of("period", "WEEKLY"))
                            .getStatusCode()
                            .value())
                    .as("the province's own unit reports on no schedule")
                    .isEqualTo(404);
            // a Monday that starts no month: no round for the monthly unit, one for the weekly ones
            at(LocalDateTime.of(2029, 7, 9, 7, 0));
            assertThat(roundId(DV_MINHXUAN, LocalDate.of(2029, 7, 2))).isNull();
            assertThat(roundId(CA_MINHXUAN, LocalDate.of(2029, 7, 2))).isNotNull();
            // 1/8/2029 starts a month: July's round
            at(LocalDateTime.of(2029, 8, 1, 7, 0));
            assertThat(roundId(DV_MINHXUAN, LocalDate.of(2029, 7, 1))).isNotNull();
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_entry where action = 'REPORT_SCHEDULE_CHANGED'", Integer.class))
                    .isGreaterThanOrEqualTo(1);
        } finally {
            admin.put("/api/situation-schedules/" + DV_MINHXUAN, Map.of("period", "WEEKLY", "active", true));
        }
    }
}
