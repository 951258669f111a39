package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.tandem.audit.AuditEntries;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TandemClock;
import vn.tandem.process.Workflow;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A case's whole legal clock over its life: complexity decided with the extension decision, the complaint filing
 * window at acceptance, the decision notice and the second-instance window after the decision, the next monitoring
 * check, a fresh resolution clock after a flare-up, and a late transfer recorded as a statutory breach. Dates lie in
 * 2031, a year no other test uses (05/05/2031 is a Monday).
 */
@TandemIntegrationTest
class CaseClocksIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    Workflow workflow;

    @Autowired
    AuditEntries audit;

    @AfterEach
    void reset() {
        clock.reset();
    }

    void at(int month, int day) {
        clock.setTime(LocalDateTime.of(2031, month, day, 9, 0).atZone(VN).toInstant());
    }

    List<Map<String, Object>> deadlines(String code) {
        return new Api(rest, "officer.congan").deadlines(code);
    }

    Map<String, Object> deadline(String code, String step) {
        return new Api(rest, "officer.congan").deadline(code, step);
    }

    @SuppressWarnings("unchecked")
    List<String> timelineKinds(Api api, String code) {
        return ((List<Map<String, Object>>)
                        api.get("/api/cases/" + code).getBody().get("timeline"))
                .stream().map(e -> (String) e.get("kind")).toList();
    }

    static String endOfDay(int month, int day) {
        return LocalDateTime.of(2031, month, day, 23, 59, 59)
                .atZone(VN)
                .toInstant()
                .toString();
    }

    /** One agency's verification: its officers' instance of the multi-instance step. */
    void verify(Api api, String code, String group, Map<String, ?> values) {
        String task = api.taskId(code, CaseHandling.TASK_VERIFY, group);
        assertThat(task).as("verification of " + group).isNotNull();
        assertThat(api.complete(task, values)).as("verify " + group).isEqualTo(204);
    }

    void step(Api api, String code, String key, Map<String, ?> values) {
        String task = api.taskId(code, key);
        assertThat(task).as(key).isNotNull();
        assertThat(api.complete(task, values)).as("complete " + key).isEqualTo(204);
    }

    @Test
    void aSupervisorDecidesADenunciationIsVeryComplexWithTheExtensionDecisionAndTheDatesMove() {
        at(5, 5);
        Api officer = new Api(rest, "officer.congan");
        String code = officer.createCase(2, "DENUNCIATION", "Tố cáo xác định đặc biệt phức tạp sau thụ lý");
        step(officer, code, CaseHandling.TASK_ACCEPT, Map.of("decision", "ACCEPT", "complexity", "STANDARD"));
        // 30 days (Luật Tố cáo 2018 Art. 30), the province's target 30% shorter: 21 days
        assertThat(deadline(code, "RESOLVE"))
                .containsEntry("rule", "DENUNCIATION_RESOLVE")
                .containsEntry("statutoryDue", "2031-06-04")
                .containsEntry("targetDue", "2031-05-26");
        assertThat(officer.due(code, CaseHandling.TASK_VERIFY)).isEqualTo(endOfDay(5, 26));

        at(5, 20);
        Map<String, Object> decision = new HashMap<>(Map.of(
                "level",
                "VERY_COMPLEX",
                "decisionNumber",
                "45/QĐ-CAT",
                "decisionDate",
                "2031-05-19",
                "reason",
                "Nhiều đối tượng liên quan, cần giám định"));
        String path = "/api/cases/" + code + "/complexity";
        // only the lead agency's supervisors (or an administrator) decide it: the partner's supervisors take part
        // in the case but do not lead it; a commune's supervisors do not see a province case at all
        assertThat(officer.post(path, decision).getStatusCode().value()).isEqualTo(403);
        assertThat(new Api(rest, "supervisor.danvan")
                        .post(path, decision)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(new Api(rest, "supervisor.congan.minhxuan")
                        .post(path, decision)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        Api supervisor = new Api(rest, "supervisor.congan");
        var bad = supervisor.post(path, Map.of("level", "HUGE", "decisionDate", "2031-06-01", "reason", "ngắn"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(RulesAdministrationIT.codes(bad.getBody()))
                .containsExactlyInAnyOrder(
                        "level:validation.option",
                        "decisionNumber:validation.required",
                        "decisionDate:validation.notAfterToday",
                        "reason:validation.minLength");
        assertThat(deadline(code, "RESOLVE")).containsEntry("rule", "DENUNCIATION_RESOLVE");

        long changes = audit.findByActionOrderByIdAsc("COMPLEXITY_CHANGED").size();
        var decided = supervisor.post(path, decision);
        assertThat(decided.getStatusCode().value()).isEqualTo(200);
        assertThat(decided.getBody())
                .containsEntry("previous", "STANDARD")
                .containsEntry("level", "VERY_COMPLEX")
                .containsEntry("legalExtension", true);
        // the very complex rule (two extensions of 30 days) from acceptance; this decision is the first extension
        assertThat(deadline(code, "RESOLVE"))
                .containsEntry("rule", "DENUNCIATION_RESOLVE_VERY_COMPLEX")
                .containsEntry("statutoryDue", "2031-07-04")
                .containsEntry("targetDue", "2031-06-25")
                .containsEntry("start", "2031-05-05");
        assertThat(officer.due(code, CaseHandling.TASK_VERIFY)).isEqualTo(endOfDay(6, 25));
        assertThat(officer.get("/api/cases/" + code).getBody()).containsEntry("complexity", "VERY_COMPLEX");
        assertThat(audit.findByActionOrderByIdAsc("COMPLEXITY_CHANGED"))
                .hasSize((int) changes + 1)
                .last()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("supervisor.congan");
                    assertThat(e.getDetails()).contains("45/QĐ-CAT", "DENUNCIATION_RESOLVE_VERY_COMPLEX", "2031-07-04");
                });
        assertThat(timelineKinds(officer, code)).contains("COMPLEXITY_CHANGED");
        // the same level again is a conflict; the page shows the decision
        var again = supervisor.post(path, decision);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("code", "complexity.same");
        String page = rest.withBasicAuth("supervisor.congan", "demo").getForObject("/cases/" + code, String.class);
        assertThat(page)
                .contains(
                        "id=\"deadline-table\"",
                        "Luật Tố cáo 2018, Điều 30",
                        "04/07/2031",
                        "45/QĐ-CAT",
                        "Đặc biệt phức tạp");
    }

    @Test
    void aComplaintShowsItsFilingWindowDecisionNoticeSecondInstanceWindowAndAFreshClockAfterAFlareUp() {
        at(5, 5);
        Api officer = new Api(rest, "officer.congan");
        Api danvan = new Api(rest, "officer.danvan");
        Api supervisor = new Api(rest, "supervisor.congan");
        String late = create(officer, "Khiếu nại nộp sau thời hiệu", "2031-01-20");
        String code = create(officer, "Khiếu nại trong thời hiệu", "2031-03-01");
        // Luật Khiếu nại 2011 Art. 9: 90 days from knowing of the decision
        assertThat(deadline(code, "FILING_WINDOW"))
                .containsEntry("kind", "WINDOW")
                .containsEntry("phase", "INFO")
                .containsEntry("start", "2031-03-01")
                .containsEntry("statutoryDue", "2031-05-30")
                .containsEntry("statutoryBreached", false);
        assertThat(deadline(late, "FILING_WINDOW")).containsEntry("statutoryBreached", true);
        // the acceptance step shows the acceptance date and warns about a passed window
        String lateTask = rest.withBasicAuth("officer.congan", "demo")
                .getForObject("/tasks/" + officer.taskId(late, CaseHandling.TASK_ACCEPT), String.class);
        assertThat(lateTask)
                .contains("id=\"filing-window-warning\"", "Luật Khiếu nại 2011, Điều 9", "data-step=\"ACCEPT\"");
        String onTimeTask = rest.withBasicAuth("officer.congan", "demo")
                .getForObject("/tasks/" + officer.taskId(code, CaseHandling.TASK_ACCEPT), String.class);
        assertThat(onTimeTask).doesNotContain("id=\"filing-window-warning\"").contains("data-step=\"ACCEPT\"");

        step(officer, code, CaseHandling.TASK_ACCEPT, Map.of("decision", "ACCEPT"));
        verify(danvan, code, "danvan-officer", Map.of("findings", "Nắm tình hình xong.", "riskLevel", "LOW"));
        verify(officer, code, "congan-officer", Map.of("findings", "Xác minh xong.", "riskLevel", "LOW"));
        step(officer, code, CaseHandling.TASK_PROPOSE, Map.of("plan", "Đối thoại, giải thích chính sách."));
        step(supervisor, code, CaseHandling.TASK_APPROVE, Map.of("approvalDecision", "APPROVE"));
        at(5, 10); // a Saturday
        step(officer, code, CaseHandling.TASK_IMPLEMENT, Map.of("actionsTaken", "Đã đối thoại với công dân."));
        step(
                officer,
                code,
                CaseHandling.TASK_OUTCOME,
                Map.of("outcome", "TEMPORARILY_STABILIZED", "outcomeSummary", "Tạm ổn định, tiếp tục theo dõi."));
        // Art. 32: the decision is sent within 3 working days; Art. 33: 30 days to go to the second instance
        assertThat(deadline(code, "DECISION_NOTICE"))
                .containsEntry("kind", "NOTICE")
                .containsEntry("start", "2031-05-10")
                .containsEntry("statutoryDue", "2031-05-14");
        assertThat(deadline(code, "SECOND_INSTANCE_WINDOW"))
                .containsEntry("rule", "COMPLAINT_SECOND_INSTANCE_WINDOW")
                .containsEntry("statutoryDue", "2031-06-09");
        assertThat(deadline(code, "RESOLVE")).containsEntry("phase", "DONE").containsEntry("state", "ON_TRACK");
        String page = rest.withBasicAuth("officer.congan", "demo").getForObject("/cases/" + code, String.class);
        assertThat(page)
                .contains(
                        "id=\"next-monitoring-check\"",
                        "09/06/2031",
                        "Luật Khiếu nại 2011, Điều 33",
                        "Gửi quyết định giải quyết");

        // a flare-up after 30 days: the resolution is measured afresh from the reopening
        clock.advance(Duration.ofDays(31));
        workflow.executeDueJobs();
        step(
                officer,
                code,
                CaseHandling.TASK_MONITORING_CHECK,
                Map.of("checkResult", "FLARE_UP", "situation", "Công dân tiếp tục tụ tập, tái phát."));
        assertThat(deadline(code, "RESOLVE"))
                .containsEntry("start", "2031-06-10")
                .containsEntry("phase", "CURRENT")
                .containsEntry("state", "ON_TRACK")
                .containsEntry("statutoryDue", "2031-07-10");
        assertThat(deadlines(code)).extracting(d -> d.get("step")).doesNotContain("DECISION_NOTICE");
        assertThat(officer.due(code, CaseHandling.TASK_PROPOSE)).isEqualTo(endOfDay(7, 1));
    }

    @Test
    void aTransferAfterTheForwardingLimitIsAStatutoryBreach() {
        at(5, 5);
        Api officer = new Api(rest, "officer.congan");
        String onTime = officer.createCase(2, "DENUNCIATION", "Tố cáo chuyển đơn đúng hạn");
        String late = officer.createCase(2, "DENUNCIATION", "Tố cáo chuyển đơn quá hạn");
        // the acceptance task shows both limits: acceptance 7 working days, forwarding 5 (Luật Tố cáo Art. 24)
        String task = rest.withBasicAuth("officer.congan", "demo")
                .getForObject("/tasks/" + officer.taskId(late, CaseHandling.TASK_ACCEPT), String.class);
        assertThat(task).contains("data-step=\"ACCEPT\"", "data-step=\"FORWARD\"", "12/05/2031");
        assertThat(deadline(late, "FORWARD"))
                .containsEntry("rule", "DENUNCIATION_FORWARD")
                .containsEntry("statutoryDue", "2031-05-12")
                .containsEntry("phase", "RUNNING");
        Map<String, Object> transfer = Map.of(
                "decision",
                "TRANSFER",
                "competentBody",
                "Thanh tra tỉnh",
                "reason",
                "Không thuộc thẩm quyền giải quyết");
        at(5, 6);
        step(officer, onTime, CaseHandling.TASK_ACCEPT, transfer);
        at(5, 14);
        long breaches = audit.findByActionOrderByIdAsc("SLA_STATUTORY_BREACHED").size();
        step(officer, late, CaseHandling.TASK_ACCEPT, transfer);
        assertThat(deadline(late, "FORWARD")).containsEntry("phase", "DONE").containsEntry("statutoryBreached", true);
        assertThat(timelineKinds(officer, late)).contains("SLA_STATUTORY");
        assertThat(timelineKinds(officer, onTime)).doesNotContain("SLA_STATUTORY");
        assertThat(audit.findByActionOrderByIdAsc("SLA_STATUTORY_BREACHED")).hasSize((int) breaches + 1);
        // the notice of the transfer is owed within 5 working days (Luật Tiếp công dân)
        assertThat(deadline(late, "TRANSFER_NOTICE"))
                .containsEntry("start", "2031-05-14")
                .containsEntry("statutoryDue", "2031-05-21");
    }

    String create(Api officer, String title, String decisionKnownOn) {
        var created = officer.post(
                "/api/cases",
                Map.of(
                        "type",
                        "COMPLAINT",
                        "channel",
                        "LETTER",
                        "title",
                        title,
                        "description",
                        "Khiếu nại quyết định hành chính về đất đai.",
                        "unitId",
                        2,
                        "decisionKnownOn",
                        decisionKnownOn,
                        "petitioners",
                        List.of(Map.of("fullName", "Lê Văn Khiếu"))));
        assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
        return (String) created.getBody().get("code");
    }
}
