package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.SlaEscalation;
import vn.tandem.process.TandemClock;
import vn.tandem.process.Workflow;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The SLA ladder driven by the engine clock: each threshold fires once, escalations reach the right supervisors
 * and then the provincial level, extensions respect the legal cap and move due dates and timers, a meeting gives
 * both agencies a task, reassignment and pauses work, and a passed statutory limit raises a hot spot.
 */
@TandemIntegrationTest
class EscalationIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    Workflow workflow;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EscalationDesk desk;

    @Autowired
    Directory directory;

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

    long caseId(String code) {
        return jdbc.queryForObject("select id from cases where code = ?", Long.class, code);
    }

    List<String> alerts(String code) {
        return jdbc.queryForList(
                "select task_key || ':' || threshold from sla_alert where case_id = ? order by id",
                String.class,
                caseId(code));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> escalations(String user, String code) {
        List<Map<String, Object>> all = rest.withBasicAuth(user, "demo").getForObject("/api/escalations", List.class);
        return all.stream().filter(e -> code.equals(e.get("caseCode"))).toList();
    }

    Map<String, Object> escalation(String user, Object id) {
        return new Api(rest, user).get("/api/escalations/" + id).getBody();
    }

    /** Notices to a user about a case (with a link), counted in the database: the bell lists only the latest. */
    int notified(String user, String code, String link) {
        return link == null
                ? jdbc.queryForObject(
                        "select count(*) from notification where recipient = ? and case_code = ?",
                        Integer.class,
                        user,
                        code)
                : jdbc.queryForObject(
                        "select count(*) from notification where recipient = ? and case_code = ? " + "and link = ?",
                        Integer.class,
                        user,
                        code,
                        link);
    }

    Map<String, Object> deadline(String code, String step) {
        return new Api(rest, "officer.congan").deadline(code, step);
    }

    @SuppressWarnings("unchecked")
    static List<Object> errorCodes(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors"))
                .stream()
                        .map(e -> e.get("field") + ":" + e.get("code"))
                        .map(Object.class::cast)
                        .toList();
    }

    @Test
    void aStepFoundAlreadyOverdueGetsItsEscalationButNoAtRiskNotice() {
        Api officer = new Api(rest, "officer.congan");
        String code = officer.createCase(2, "COMPLAINT", "Khiếu nại phát hiện quá hạn khi hệ thống khởi động lại");
        // nothing runs the timers until 12/03: the warning (09/03) and the breach (11/03) fire together
        clock.setTime(LocalDateTime.of(2026, 3, 12, 9, 0).atZone(VN).toInstant());
        workflow.executeDueJobs();
        assertThat(alerts(code)).containsExactlyInAnyOrder("Task_Accept:WARNING", "Task_Accept:BREACH");
        assertThat(notified("officer.congan", code, null))
                .as("no 'at risk' notice, only the breach")
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from notification where recipient = 'officer.congan' "
                                + "and case_code = ? and kind = 'BREACHED'",
                        Integer.class,
                        code));
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where case_code = ? and kind = 'AT_RISK'",
                        Integer.class,
                        code))
                .isZero();
        assertThat(jdbc.queryForList("select kind from timeline_entry where case_id = ?", String.class, caseId(code)))
                .contains("SLA_BREACHED")
                .doesNotContain("SLA_AT_RISK");
    }

    @Test
    void acceptanceWarnsOnceEscalatesOnceIsExtendedWithinTheLawComesBackThenGoesUpAndRaisesAHotSpot() {
        Api officer = new Api(rest, "officer.congan");
        Api supervisor = new Api(rest, "supervisor.congan");
        // complaint: acceptance target 5 days (10/03), statutory 10 days (15/03 is a Sunday -> 16/03)
        String code = officer.createCase(2, "COMPLAINT", "Khiếu nại chậm thụ lý kiểm thử leo thang");
        at(3, 8);
        assertThat(alerts(code)).isEmpty();
        at(3, 9); // 4 of 5 days used
        assertThat(alerts(code)).containsExactly("Task_Accept:WARNING");
        assertThat(notified("officer.congan", code, null)).isPositive();
        at(3, 10); // the due day itself
        assertThat(alerts(code)).containsExactly("Task_Accept:WARNING");
        at(3, 11);
        workflow.executeDueJobs();
        assertThat(alerts(code)).containsExactly("Task_Accept:WARNING", "Task_Accept:BREACH");
        List<Map<String, Object>> queue = escalations("supervisor.congan", code);
        assertThat(queue).hasSize(1);
        Map<String, Object> e = queue.get(0);
        assertThat(e)
                .containsEntry("level", 1)
                .containsEntry("agency", "CONGAN")
                .containsEntry("mayAct", true)
                .containsEntry("currentDue", "2026-03-10")
                .containsEntry("statutoryDue", "2026-03-16")
                .containsEntry("latestExtension", "2026-03-16");
        Object id = e.get("id");
        assertThat(escalations("supervisor.danvan", code))
                .as("the case is not shared with Dân vận")
                .isEmpty();
        assertThat(officer.get("/api/escalations/" + id).getStatusCode().value())
                .isEqualTo(403);
        assertThat(notified("supervisor.congan", code, "/escalations/" + id)).isPositive();

        // beyond the statutory limit: the Law on Complaints allows no extension of acceptance
        var refused = supervisor.post(
                "/api/escalations/" + id + "/extend",
                Map.of(
                        "decisionNumber",
                        "15/QĐ-CAT",
                        "decisionDate",
                        "2026-03-11",
                        "newDeadline",
                        "2026-03-20",
                        "reason",
                        "Chờ hồ sơ từ cơ quan khác"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(errorCodes(refused.getBody())).containsExactly("newDeadline:escalation.extendNotAllowed");
        assertThat(supervisor
                        .post(
                                "/api/escalations/" + id + "/extend",
                                Map.of(
                                        "decisionNumber",
                                        "15/QĐ-CAT",
                                        "decisionDate",
                                        "2026-03-11",
                                        "newDeadline",
                                        "2026-03-09",
                                        "reason",
                                        "Chờ hồ sơ từ cơ quan khác"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(supervisor
                        .post(
                                "/api/escalations/" + id + "/extend",
                                Map.of(
                                        "decisionNumber",
                                        "15/QĐ-CAT",
                                        "decisionDate",
                                        "2026-03-11",
                                        "newDeadline",
                                        "2026-03-13",
                                        "reason",
                                        "Chờ hồ sơ từ cơ quan khác"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(escalation("supervisor.congan", id))
                .containsEntry("status", "HANDLED")
                .containsEntry("action", "EXTEND");
        assertThat(deadline(code, "ACCEPT"))
                .containsEntry("targetDue", "2026-03-13")
                .containsEntry("statutoryDue", "2026-03-16");
        assertThat(officer.get("/api/cases/" + code).getBody().toString())
                .contains(LocalDateTime.of(2026, 3, 13, 23, 59, 59)
                        .atZone(VN)
                        .toInstant()
                        .toString());
        assertThat(supervisor
                        .post("/api/escalations/" + id + "/close", Map.of("note", "Đóng sau khi đã gia hạn"))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);

        // the extended deadline passes too: round 2; nobody acts within 2 working days: the provincial level
        at(3, 13);
        assertThat(escalation("supervisor.congan", id)).containsEntry("status", "HANDLED");
        at(3, 14);
        assertThat(escalation("supervisor.congan", id))
                .containsEntry("status", "OPEN")
                .containsEntry("rounds", 2)
                .containsEntry("level", 1);
        assertThat(alerts(code)).containsExactly("Task_Accept:WARNING", "Task_Accept:BREACH");
        at(3, 17); // the statutory limit (16/03) has passed: a hot spot
        assertThat(alerts(code)).containsExactly("Task_Accept:WARNING", "Task_Accept:BREACH", "Task_Accept:STATUTORY");
        assertThat(officer.get("/api/cases/" + code).getBody()).containsEntry("hotspot", true);
        at(3, 18);
        assertThat(escalation("supervisor.congan", id))
                .containsEntry("level", 2)
                .containsEntry("status", "OPEN");
        assertThat(escalation("supervisor.congan", id)).containsEntry("mayAct", true);

        // the officer finally decides: the ladder ends with the step
        assertThat(officer.complete(officer.taskId(code, CaseHandling.TASK_ACCEPT), Map.of("decision", "ACCEPT")))
                .isEqualTo(204);
        assertThat(escalation("supervisor.congan", id)).containsEntry("status", "STEP_DONE");
        assertThat(escalations("supervisor.congan", code)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from ACT_RU_EXECUTION where PROC_INST_ID_ = "
                                + "(select process_instance_id from escalation where id = ?)",
                        Integer.class,
                        id))
                .isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLegalExtensionIsAllowedOnceWithinItsCapAndAJointMeetingGivesEveryAgencyATask() {
        Api officer = new Api(rest, "officer.congan");
        // a complex denunciation: 30 days (04/04 is a Saturday -> 06/04), target 21 days (26/03); one extension
        // of at most 30 days (Law on Denunciations art. 30)
        String code = officer.createCase(2, "DENUNCIATION", "Tố cáo phức tạp kiểm thử gia hạn");
        assertThat(officer.complete(
                        officer.taskId(code, CaseHandling.TASK_ACCEPT),
                        Map.of("decision", "ACCEPT", "complexity", "COMPLEX")))
                .isEqualTo(204);
        assertThat(deadline(code, "RESOLVE"))
                .containsEntry("targetDue", "2026-03-26")
                .containsEntry("statutoryDue", "2026-04-06");
        at(3, 27);
        List<Map<String, Object>> congan = escalations("supervisor.congan", code).stream()
                .filter(x -> "CONGAN".equals(x.get("agency")))
                .toList();
        List<Map<String, Object>> danvan = escalations("supervisor.danvan", code).stream()
                .filter(x -> "DANVAN".equals(x.get("agency")))
                .toList();
        assertThat(congan).hasSize(1);
        assertThat(danvan)
                .hasSize(1)
                .first()
                .satisfies(x -> assertThat(x).containsEntry("agency", "DANVAN").containsEntry("mayAct", true));
        Api supervisor = new Api(rest, "supervisor.congan");
        var beyond = supervisor.post(
                "/api/escalations/" + congan.get(0).get("id") + "/extend",
                Map.of(
                        "decisionNumber",
                        "20/QĐ-CAT",
                        "decisionDate",
                        "2026-03-27",
                        "newDeadline",
                        "2026-05-10",
                        "reason",
                        "Vụ việc phức tạp, cần giám định tài liệu"));
        assertThat(errorCodes(beyond.getBody())).containsExactly("newDeadline:escalation.extendBeyondCap");
        assertThat(beyond.getBody().toString()).contains("06/05/2026");
        assertThat(supervisor
                        .post(
                                "/api/escalations/" + congan.get(0).get("id") + "/extend",
                                Map.of(
                                        "decisionNumber",
                                        "20/QĐ-CAT",
                                        "decisionDate",
                                        "2026-03-27",
                                        "newDeadline",
                                        "2026-05-05",
                                        "reason",
                                        "Vụ việc phức tạp, cần giám định tài liệu"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(deadline(code, "RESOLVE"))
                .containsEntry("targetDue", "2026-05-05")
                .containsEntry("statutoryDue", "2026-05-05")
                .containsEntry("state", "ON_TRACK");
        String due =
                LocalDateTime.of(2026, 5, 5, 23, 59, 59).atZone(VN).toInstant().toString();
        assertThat(new Api(rest, "officer.danvan")
                        .get("/api/tasks?scope=group&q=" + code)
                        .getBody()
                        .toString())
                .as("the partner's task moved too")
                .contains(due);
        // the one legal extension is used: the partner's supervisors convene a joint meeting instead
        Api partner = new Api(rest, "supervisor.danvan");
        Object danvanId = danvan.get(0).get("id");
        // extending is no longer possible: the escalation offers the other actions and says why (409 on the API)
        var view = escalation("supervisor.danvan", danvanId);
        assertThat((List<String>) view.get("actions")).doesNotContain("EXTEND").contains("MEETING", "CLOSE");
        assertThat((Map<String, String>) view.get("unavailable")).containsKey("EXTEND");
        var usedUp = partner.post(
                "/api/escalations/" + danvanId + "/extend",
                Map.of(
                        "decisionNumber",
                        "3/QĐ-BDV",
                        "decisionDate",
                        "2026-03-27",
                        "newDeadline",
                        "2026-05-20",
                        "reason",
                        "Cần thêm thời gian xác minh"));
        assertThat(usedUp.getStatusCode().value()).isEqualTo(409);
        assertThat(usedUp.getBody()).containsEntry("code", "escalation.extendUsedUp");
        assertThat(partner.post(
                                "/api/escalations/" + danvanId + "/meeting",
                                Map.of(
                                        "date",
                                        "2026-03-30",
                                        "agenda",
                                        "Thống nhất kết quả xác minh của hai cơ quan",
                                        "reason",
                                        "Hai cơ quan chưa thống nhất"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(new Api(rest, "supervisor.congan")
                        .get("/api/tasks?scope=group&q=" + code)
                        .getBody()
                        .toString())
                .contains("Task_Meeting", "Họp liên ngành: Công an tỉnh tham dự");
        assertThat(partner.get("/api/tasks?scope=group&q=" + code).getBody().toString())
                .contains("Task_Meeting", "Họp liên ngành: Ban Dân vận Tỉnh ủy tham dự");
        // the new deadline is not reached again before 05/05: nothing more fires
        at(4, 20);
        // each agency's verification breached once (one alert per task instance), none past the statutory limit
        assertThat(alerts(code)).filteredOn("Task_Verify:BREACH"::equals).hasSize(2);
        assertThat(alerts(code)).doesNotContain("Task_Verify:STATUTORY");
    }

    @Test
    void aSupervisorReassignsTheOverdueTaskToAnOfficerWhoMayWorkIt() {
        Api commune = new Api(rest, "officer.congan.minhxuan");
        String code = commune.createCase(4, "COMPLAINT", "Khiếu nại cấp xã kiểm thử giao lại");
        String task = commune.taskId(code, CaseHandling.TASK_ACCEPT);
        assertThat(commune.post("/api/tasks/" + task + "/claim", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        at(3, 11);
        Map<String, Object> e = escalations("supervisor.congan.minhxuan", code).get(0);
        Api supervisor = new Api(rest, "supervisor.congan.minhxuan");
        // the escalation step in the inbox offers the same officers as a list, not a login name to type
        String escalationTask = supervisor.taskId(code, SlaEscalation.TASK_HANDLE);
        String form = rest.withBasicAuth("supervisor.congan.minhxuan", "demo")
                .getForObject("/tasks/" + escalationTask, String.class);
        assertThat(form)
                .contains("<select class=\"form-select\" id=\"reassignTo\" name=\"reassignTo\"")
                .contains("value=\"officer.congan\"")
                .doesNotContain("value=\"officer.danvan\"")
                .doesNotContain("value=\"officer.congan.minhxuan\""); // the current assignee is left out
        var wrong = supervisor.post(
                "/api/escalations/" + e.get("id") + "/reassign",
                Map.of("assignee", "officer.danvan", "reason", "Cán bộ thụ lý đang đi công tác"));
        assertThat(errorCodes(wrong.getBody())).containsExactly("reassignTo:escalation.reassignNotCandidate");
        assertThat(supervisor
                        .post(
                                "/api/escalations/" + e.get("id") + "/reassign",
                                Map.of("assignee", "officer.congan", "reason", "Cán bộ thụ lý đang đi công tác"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        @SuppressWarnings("unchecked")
        var tasks = (List<Map<String, Object>>)
                commune.get("/api/cases/" + code).getBody().get("currentTasks");
        assertThat(tasks)
                .filteredOn(t -> CaseHandling.TASK_ACCEPT.equals(t.get("key")))
                .extracting(t -> t.get("assignee"))
                .containsExactly("officer.congan");
        assertThat(escalations("supervisor.congan.minhxuan", code)).isEmpty();
    }

    @Test
    void aPausedClockNeitherWarnsNorEscalatesAndResumingMovesTheTimers() {
        Api officer = new Api(rest, "officer.congan");
        Api supervisor = new Api(rest, "supervisor.congan"); // before acceptance only a lead supervisor may pause
        String code = officer.createCase(2, "COMPLAINT", "Khiếu nại tạm dừng thời hạn kiểm thử");
        at(3, 6);
        assertThat(supervisor
                        .post("/api/cases/" + code + "/clock/pause", Map.of("reason", "Chờ công dân bổ sung giấy tờ"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        at(3, 12); // past the original warning (09/03) and breach (11/03) days
        assertThat(alerts(code)).isEmpty();
        assertThat(supervisor
                        .post("/api/cases/" + code + "/clock/resume", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        workflow.executeDueJobs();
        // paused 06/03 -> 12/03: target 10/03 -> 16/03
        assertThat(deadline(code, "ACCEPT")).containsEntry("targetDue", "2026-03-16");
        assertThat(alerts(code)).isEmpty();
        at(3, 15);
        assertThat(alerts(code)).containsExactly("Task_Accept:WARNING");
        at(3, 17);
        assertThat(alerts(code)).containsExactly("Task_Accept:WARNING", "Task_Accept:BREACH");
    }

    /**
     * The dashboard's queue lists the first 25 escalations and counts the rest (issue 19: reading each of 2,800 in
     * full took over a second a page); the user's own come first, oldest first, none is lost from the count, and the
     * due day listed is the one the escalation's page shows.
     */
    @Test
    void theDashboardsQueueListsTheFirstInFullAndCountsTheRest() {
        Api officer = new Api(rest, "officer.congan");
        List<String> codes = new java.util.ArrayList<>();
        // received on a day no other test uses, so the scope below holds these cases alone
        LocalDate received = LocalDate.of(2025, 12, 29);
        clock.setTime(received.atTime(9, 0).atZone(VN).toInstant());
        for (int i = 0; i < 27; i++) {
            codes.add(officer.createCase(2, "COMPLAINT", "Khiếu nại chờ thụ lý số " + i));
        }
        at(4, 20);
        CurrentUser supervisor = directory.find("supervisor.congan").orElseThrow();
        vn.tandem.casefile.CaseScope scope = new vn.tandem.casefile.CaseScope(received, received, null, null, null);
        EscalationDesk.Queue queue = desk.queue(supervisor, scope, item -> false, 25);
        assertThat(queue.total()).isEqualTo(27);
        assertThat(queue.items()).hasSize(25);
        assertThat(queue.items()).allSatisfy(item -> {
            assertThat(codes).contains(item.reference());
            assertThat(item.mayAct()).isTrue();
            // the due day listed (from the kept clock) is the one the escalation's own page computes
            assertThat(item.currentDue())
                    .isEqualTo(desk.get(item.escalation().getId(), supervisor).currentDue());
        });
        assertThat(queue.items())
                .extracting(item -> item.escalation().getRaisedAt())
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        // the officer sees the same escalations but may act on none
        EscalationDesk.Queue officers =
                desk.queue(directory.find("officer.congan").orElseThrow(), scope, i -> false, 25);
        assertThat(officers.total()).isEqualTo(27);
        assertThat(officers.items()).hasSize(25).noneMatch(EscalationDesk.Listed::mayAct);
        // a designer sees no case, so no escalation
        assertThat(desk.queue(directory.find("designer").orElseThrow(), scope, item -> true, 25)
                        .total())
                .isZero();
        // the API's list and the dashboard's export read every open escalation in batches: each item says what the
        // escalation's own page says (limits, officers, the actions no longer possible, may act)
        List<EscalationDesk.Item> listed = desk.open(supervisor).stream()
                .filter(i -> codes.contains(i.reference()))
                .toList();
        assertThat(listed).hasSize(27);
        assertThat(listed).allSatisfy(i -> {
            EscalationDesk.Item one = desk.get(i.escalation().getId(), supervisor);
            assertThat(i.mayAct()).isTrue().isEqualTo(one.mayAct());
            assertThat(i.limits()).isEqualTo(one.limits());
            assertThat(i.officers()).isEqualTo(one.officers());
            assertThat(i.unavailable().keySet()).isEqualTo(one.unavailable().keySet());
        });
        assertThat(listed)
                .extracting(i -> i.escalation().getRaisedAt())
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        // the export's rows: one per escalation, with the due days and "may act" of the list
        var export = desk.export(supervisor);
        List<List<String>> rows = export.rows().stream()
                .filter(r -> codes.contains(r.get(export.header().indexOf("case"))))
                .toList();
        assertThat(rows).hasSize(27).allSatisfy(r -> {
            EscalationDesk.Item one = desk.get(Long.parseLong(r.get(0)), supervisor);
            assertThat(r.get(export.header().indexOf("current_due")))
                    .isEqualTo(one.currentDue().toString());
            assertThat(r.get(export.header().indexOf("statutory_due")))
                    .isEqualTo(one.statutory().toString());
            assertThat(r.get(export.header().indexOf("may_act"))).isEqualTo("true");
        });
        assertThat(desk.open(directory.find("officer.congan").orElseThrow()).stream()
                        .filter(i -> codes.contains(i.reference())))
                .hasSize(27)
                .noneMatch(EscalationDesk.Item::mayAct);
    }
}
