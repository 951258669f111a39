package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.CaseStatusChanged;
import vn.tandem.process.IncidentHandling;
import vn.tandem.process.SlaThresholdReached;
import vn.tandem.process.TaskOpened;

/**
 * Every path of {@code bpmn/incident-handling.bpmn}, with the real listeners and delegates, timers driven by the
 * engine clock; the class asserts 100% flow-node and sequence-flow coverage.
 */
@Deployment(resources = "bpmn/incident-handling.bpmn")
class IncidentHandlingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(
                    TestEngine.configuration("incident-handling-test"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    ProcessEngine engine;

    @BeforeEach
    void setUp(ProcessEngine engine) {
        this.engine = engine;
        AbstractAssertions.init(engine);
        TestEngine.EVENTS.clear();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ProcessInstance startIncident(long caseId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(CaseHandling.VAR_CASE_ID, caseId);
        vars.put(CaseHandling.VAR_CASE_TYPE, "INCIDENT");
        vars.put(CaseHandling.VAR_LEAD_AGENCY, "CONGAN");
        vars.put(CaseHandling.VAR_LEAD_OFFICERS, "congan-officer");
        vars.put(CaseHandling.VAR_LEAD_SUPERVISORS, "congan-supervisor");
        return engine.getRuntimeService()
                .startProcessInstanceByKey(IncidentHandling.PROCESS_KEY, Long.toString(caseId), vars);
    }

    void submit(ProcessInstance pi, String key, String user, Map<String, Object> values) {
        TestEngine.submit(engine, pi.getId(), key, user, values);
    }

    void submitAs(ProcessInstance pi, String key, String group, String user, Map<String, Object> values) {
        TestEngine.submitAs(engine, pi.getId(), key, group, user, values);
    }

    void respond(ProcessInstance pi, String result) {
        submit(
                pi,
                IncidentHandling.TASK_FIRST_RESPONSE,
                "officer.congan",
                Map.of(
                        "situationOnArrival", "Khoảng 30 người tụ tập, lời qua tiếng lại.",
                        "forcesDeployed", "Công an xã (4 đồng chí)",
                        "immediateMeasures", "Tách hai nhóm, mời đại diện lên trụ sở xã.",
                        "firstResponseResult", result));
    }

    void assessAll(ProcessInstance pi) {
        submitAs(
                pi,
                IncidentHandling.TASK_ASSESS,
                "congan-officer",
                "officer.congan",
                Map.of("findings", "Mâu thuẫn về ranh giới đất, có đối tượng kích động.", "riskLevel", "HIGH"));
        submitAs(
                pi,
                IncidentHandling.TASK_ASSESS,
                "danvan-officer",
                "officer.danvan",
                Map.of("findings", "Người dân bức xúc vì chậm giải quyết.", "riskLevel", "MEDIUM"));
    }

    void planApproveRespond(ProcessInstance pi) {
        submit(
                pi,
                IncidentHandling.TASK_PLAN,
                "officer.congan",
                Map.of(
                        "plan", "Ổn định tình hình, làm rõ ranh giới, xử lý đối tượng kích động.",
                        "dialogue", "Đối thoại với đại diện các hộ tại trụ sở xã.",
                        "forcesPresence", "Tổ công tác trực tại khu vực 7 ngày."));
        submit(pi, IncidentHandling.TASK_APPROVE_PLAN, "supervisor.congan", Map.of("approvalDecision", "APPROVE"));
        submit(
                pi,
                IncidentHandling.TASK_RESPOND,
                "officer.congan",
                Map.of("actionsTaken", "Đã đối thoại, các hộ đồng thuận chờ đo đạc lại."));
    }

    void outcome(ProcessInstance pi, String outcome) {
        submit(
                pi,
                "Task_RecordOutcome",
                "officer.congan",
                Map.of("outcome", outcome, "outcomeSummary", "Tình hình an ninh, trật tự tại chỗ đã được kiểm soát."));
    }

    /** A monitoring check (regular or final) with its assessment and the situation. */
    void check(ProcessInstance pi, String key, String field, String result, String situation) {
        submit(pi, key, "officer.congan", Map.of(field, result, "situation", situation));
    }

    void advanceDays(int days) {
        TestEngine.advanceDays(engine, days);
    }

    List<CaseStatusChanged> statusEvents() {
        return TestEngine.EVENTS.stream()
                .filter(CaseStatusChanged.class::isInstance)
                .map(CaseStatusChanged.class::cast)
                .toList();
    }

    List<String> sla() {
        return TestEngine.EVENTS.stream()
                .filter(SlaThresholdReached.class::isInstance)
                .map(SlaThresholdReached.class::cast)
                .map(e -> e.task().key() + ":" + e.threshold())
                .toList();
    }

    @Test
    void anIncidentIsAnsweredFirstAssessedByBothAgenciesPlannedReturnedApprovedAndClosedStabilized() {
        ProcessInstance pi = startIncident(1);
        assertThat(pi).isWaitingAt(IncidentHandling.TASK_FIRST_RESPONSE);
        Task first = TestEngine.task(engine.getTaskService(), pi.getId(), IncidentHandling.TASK_FIRST_RESPONSE);
        assertThat(first.getPriority()).isEqualTo(80);
        assertThat(engine.getTaskService().getIdentityLinksForTask(first.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactly("congan-officer");
        respond(pi, IncidentHandling.RESULT_ASSESS);
        assertThat(pi).variables().containsEntry("assignedOfficer", "officer.congan");
        assertThat(pi).isWaitingAt(IncidentHandling.TASK_ASSESS);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey(IncidentHandling.TASK_ASSESS)
                        .list())
                .extracting(Task::getName)
                .containsExactlyInAnyOrder("Đánh giá vụ việc (Công an tỉnh)", "Đánh giá vụ việc (Ban Dân vận Tỉnh ủy)");
        assessAll(pi);
        Task plan = TestEngine.task(engine.getTaskService(), pi.getId(), IncidentHandling.TASK_PLAN);
        assertThat(plan.getAssignee()).isEqualTo("officer.congan");
        submit(
                pi,
                IncidentHandling.TASK_PLAN,
                "officer.congan",
                Map.of("plan", "Phương án ban đầu, cần bổ sung lực lượng.", "persuasion", "Vận động các hộ."));
        submit(
                pi,
                IncidentHandling.TASK_APPROVE_PLAN,
                "supervisor.congan",
                Map.of("approvalDecision", "RETURN", "comments", "Bổ sung phương án bảo đảm an ninh."));
        assertThat(pi).isWaitingAt(IncidentHandling.TASK_PLAN);
        FormField comments = engine
                .getFormService()
                .getTaskFormData(TestEngine.task(engine.getTaskService(), pi.getId(), IncidentHandling.TASK_PLAN)
                        .getId())
                .getFormFields()
                .stream()
                .filter(f -> f.getId().equals("comments"))
                .findFirst()
                .orElseThrow();
        assertThat(comments.getValue().getValue()).isEqualTo("Bổ sung phương án bảo đảm an ninh.");
        planApproveRespond(pi);
        outcome(pi, "STABILIZED");
        assertThat(pi).isEnded().hasPassed("Task_CloseCase", "EndEvent_Closed");
        assertThat(statusEvents())
                .extracting(CaseStatusChanged::status, CaseStatusChanged::outcome, CaseStatusChanged::event)
                .containsExactly(
                        Tuple.tuple("IN_PROGRESS", null, "ACCEPTED"), Tuple.tuple("CLOSED", "STABILIZED", null));
    }

    @Test
    void anIncidentSettledOnTheSpotClosesAsResolvedWithTheMeasuresAsItsNote() {
        ProcessInstance pi = startIncident(2);
        respond(pi, IncidentHandling.RESULT_SETTLED);
        assertThat(pi).isEnded().hasPassed("Task_CloseSettled", "EndEvent_SettledOnSite");
        assertThat(statusEvents())
                .extracting(CaseStatusChanged::status, CaseStatusChanged::outcome, CaseStatusChanged::note)
                .containsExactly(Tuple.tuple("CLOSED", "RESOLVED", "Tách hai nhóm, mời đại diện lên trụ sở xã."));
    }

    @Test
    void theFirstResponseNeedsWhatTheForcesFoundAndDid() {
        ProcessInstance pi = startIncident(3);
        assertThatThrownBy(() -> submit(
                        pi,
                        IncidentHandling.TASK_FIRST_RESPONSE,
                        "officer.congan",
                        Map.of("firstResponseResult", "ASSESS", "forcesDeployed", "Công an xã")))
                .isInstanceOf(FormFieldValidatorException.class);
        assertThat(pi).isWaitingAt(IncidentHandling.TASK_FIRST_RESPONSE);
    }

    @Test
    void aResolvedIncidentCloses() {
        ProcessInstance pi = startIncident(4);
        respond(pi, IncidentHandling.RESULT_ASSESS);
        assessAll(pi);
        planApproveRespond(pi);
        outcome(pi, "RESOLVED");
        assertThat(pi).isEnded().hasPassed("EndEvent_Closed");
        assertThat(statusEvents()).last().extracting(CaseStatusChanged::outcome).isEqualTo("RESOLVED");
    }

    @Test
    void aTemporarilyStabilizedIncidentIsCheckedEvery15DaysAndClosesStabilizedAtTheThirdCheck() {
        ProcessInstance pi = startIncident(5);
        respond(pi, IncidentHandling.RESULT_ASSESS);
        assessAll(pi);
        planApproveRespond(pi);
        outcome(pi, "TEMPORARILY_STABILIZED");
        assertThat(pi).isWaitingAt("Event_MonitoringDue");
        advanceDays(14);
        assertThat(pi).isWaitingAt("Event_MonitoringDue");
        advanceDays(2);
        assertThat(pi).isWaitingAt("Task_MonitoringCheck");
        check(pi, "Task_MonitoringCheck", "checkResult", "KEEP_MONITORING", "Còn tiềm ẩn, tiếp tục theo dõi.");
        advanceDays(16);
        check(pi, "Task_MonitoringCheck", "checkResult", "KEEP_MONITORING", "Còn tiềm ẩn, tiếp tục theo dõi.");
        advanceDays(16);
        assertThat(pi).isWaitingAt("Task_FinalMonitoringCheck");
        check(pi, "Task_FinalMonitoringCheck", "finalCheckResult", "STABLE", "Đã ổn định hoàn toàn.");
        assertThat(pi).isEnded().hasPassed("Task_CloseStabilized", "EndEvent_Stabilized");
        assertThat(statusEvents())
                .extracting(CaseStatusChanged::status)
                .containsExactly("IN_PROGRESS", "MONITORING", "CLOSED");
    }

    @Test
    void stableAtARegularCheckClosesAsStabilized() {
        ProcessInstance pi = startIncident(6);
        respond(pi, IncidentHandling.RESULT_ASSESS);
        assessAll(pi);
        planApproveRespond(pi);
        outcome(pi, "TEMPORARILY_STABILIZED");
        advanceDays(16);
        check(pi, "Task_MonitoringCheck", "checkResult", "STABLE", "Ổn định, không còn mâu thuẫn.");
        assertThat(pi).isEnded().hasPassed("EndEvent_Stabilized");
    }

    @Test
    void flareUpsReopenTheIncidentAtTheResponsePlan() {
        ProcessInstance pi = startIncident(7);
        respond(pi, IncidentHandling.RESULT_ASSESS);
        assessAll(pi);
        planApproveRespond(pi);
        outcome(pi, "TEMPORARILY_STABILIZED");
        advanceDays(16);
        check(pi, "Task_MonitoringCheck", "checkResult", "FLARE_UP", "Hai nhóm lại xô xát, tái phát.");
        assertThat(pi).isWaitingAt(IncidentHandling.TASK_PLAN);
        assertThat(statusEvents()).last().extracting(CaseStatusChanged::event).isEqualTo("REOPENED");
        planApproveRespond(pi);
        outcome(pi, "TEMPORARILY_STABILIZED");
        for (int i = 0; i < 2; i++) {
            advanceDays(16);
            check(pi, "Task_MonitoringCheck", "checkResult", "KEEP_MONITORING", "Tiếp tục theo dõi sát.");
        }
        advanceDays(16);
        check(pi, "Task_FinalMonitoringCheck", "finalCheckResult", "FLARE_UP", "Tái phát sau 45 ngày.");
        assertThat(pi).isWaitingAt(IncidentHandling.TASK_PLAN);
        assertThat(statusEvents()).filteredOn(e -> "REOPENED".equals(e.event())).hasSize(2);
    }

    @Test
    void aHotSpotGivesEverySupervisorAnUrgentTaskWithoutInterruptingTheFirstResponse() {
        ProcessInstance pi = startIncident(8);
        engine.getRuntimeService()
                .createMessageCorrelation(CaseHandling.MESSAGE_HOTSPOT)
                .processInstanceBusinessKey("8")
                .setVariable(CaseHandling.VAR_HOTSPOT_REASON, "Đám đông tăng lên 80 người")
                .correlate();
        assertThat(pi).isWaitingAt(IncidentHandling.TASK_FIRST_RESPONSE, CaseHandling.TASK_HOTSPOT);
        submitAs(
                pi,
                CaseHandling.TASK_HOTSPOT,
                "danvan-supervisor",
                "supervisor.danvan",
                Map.of("hotspotMeasures", "Cử cán bộ vận động quần chúng."));
        submitAs(
                pi,
                CaseHandling.TASK_HOTSPOT,
                "congan-supervisor",
                "supervisor.congan",
                Map.of("hotspotMeasures", "Tăng cường lực lượng cơ động."));
        assertThat(pi).hasPassed("EndEvent_HotSpotHandled").isWaitingAt(IncidentHandling.TASK_FIRST_RESPONSE);
    }

    @Test
    void aLateFirstResponseWarnsAndBreachesOnceAndStaysOpen() {
        ProcessInstance pi = startIncident(9);
        // no legal rule in this engine: the per-task default (5 days)
        advanceDays(4);
        assertThat(sla()).containsExactly("Task_FirstResponse:WARNING");
        advanceDays(3);
        advanceDays(3);
        assertThat(sla()).containsExactly("Task_FirstResponse:WARNING", "Task_FirstResponse:BREACH");
        assertThat(TestEngine.EVENTS.stream()
                        .filter(SlaThresholdReached.class::isInstance)
                        .map(SlaThresholdReached.class::cast)
                        .findFirst()
                        .orElseThrow()
                        .legalStep())
                .isEqualTo("ACCEPT");
        assertThat(pi)
                .isWaitingAt(IncidentHandling.TASK_FIRST_RESPONSE)
                .hasPassed("EndEvent_FirstResponseWarned", "EndEvent_FirstResponseEscalated");
    }

    @Test
    void everyTimedIncidentStepWarnsAndBreachesExactlyOncePerTask() {
        ProcessInstance pi = startIncident(10);
        respond(pi, IncidentHandling.RESULT_ASSESS);
        List<TaskOpened> opened = TestEngine.EVENTS.stream()
                .filter(TaskOpened.class::isInstance)
                .map(TaskOpened.class::cast)
                .filter(o -> o.task().key().equals(IncidentHandling.TASK_ASSESS))
                .toList();
        assertThat(opened)
                .flatExtracting(o -> o.task().candidateGroups())
                .containsExactlyInAnyOrder("congan-officer", "danvan-officer");
        advanceDays(40);
        assessAll(pi);
        advanceDays(40);
        submit(
                pi,
                IncidentHandling.TASK_PLAN,
                "officer.congan",
                Map.of(
                        "plan",
                        "Ổn định tình hình, xử lý đối tượng kích động.",
                        "legalMeasures",
                        "Xử phạt hành chính."));
        submit(pi, IncidentHandling.TASK_APPROVE_PLAN, "supervisor.congan", Map.of("approvalDecision", "APPROVE"));
        advanceDays(40);
        submit(pi, IncidentHandling.TASK_RESPOND, "officer.congan", Map.of("actionsTaken", "Đã xử phạt, đối thoại."));
        outcome(pi, "TEMPORARILY_STABILIZED");
        advanceDays(16);
        advanceDays(10);
        check(pi, "Task_MonitoringCheck", "checkResult", "KEEP_MONITORING", "Còn tiềm ẩn, tiếp tục theo dõi.");
        advanceDays(16);
        check(pi, "Task_MonitoringCheck", "checkResult", "KEEP_MONITORING", "Còn tiềm ẩn, tiếp tục theo dõi.");
        advanceDays(16);
        advanceDays(10);
        check(pi, "Task_FinalMonitoringCheck", "finalCheckResult", "STABLE", "Đã ổn định hoàn toàn.");
        assertThat(pi).isEnded();
        for (String key : List.of(
                IncidentHandling.TASK_PLAN,
                IncidentHandling.TASK_RESPOND,
                "Task_MonitoringCheck",
                "Task_FinalMonitoringCheck")) {
            assertThat(sla()).as(key).containsOnlyOnce(key + ":WARNING", key + ":BREACH");
        }
        assertThat(sla())
                .filteredOn(k -> k.equals(IncidentHandling.TASK_ASSESS + ":BREACH"))
                .hasSize(2);
        assertThat(TestEngine.EVENTS.stream()
                        .filter(SlaThresholdReached.class::isInstance)
                        .map(SlaThresholdReached.class::cast)
                        .collect(Collectors.groupingBy(e -> e.task().id() + e.threshold(), Collectors.counting()))
                        .values())
                .containsOnly(1L);
    }
}
