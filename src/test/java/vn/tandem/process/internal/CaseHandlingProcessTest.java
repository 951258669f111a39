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
import vn.tandem.process.SlaThresholdReached;
import vn.tandem.process.TaskClosed;
import vn.tandem.process.TaskOpened;

/**
 * Every path of {@code bpmn/case-handling.bpmn}, with the real listeners and delegates, timers driven by the
 * engine clock; the class asserts 100% flow-node and sequence-flow coverage.
 */
@Deployment(resources = "bpmn/case-handling.bpmn")
class CaseHandlingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(
                    TestEngine.configuration("case-handling-test"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    ProcessEngine engine;
    Instant start = Instant.parse("2026-03-02T02:00:00Z");

    @BeforeEach
    void setUp(ProcessEngine engine) {
        this.engine = engine;
        AbstractAssertions.init(engine);
        TestEngine.EVENTS.clear();
        ClockUtil.setCurrentTime(Date.from(start));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ProcessInstance startCase(long caseId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(CaseHandling.VAR_CASE_ID, caseId);
        vars.put(CaseHandling.VAR_LEAD_AGENCY, "CONGAN");
        vars.put(CaseHandling.VAR_LEAD_OFFICERS, "congan-officer");
        vars.put(CaseHandling.VAR_LEAD_SUPERVISORS, "congan-supervisor");
        return engine.getRuntimeService()
                .startProcessInstanceByKey(CaseHandling.PROCESS_KEY, Long.toString(caseId), vars);
    }

    void submit(ProcessInstance pi, String key, String user, Map<String, Object> values) {
        TestEngine.submit(engine, pi.getId(), key, user, values);
    }

    void submitAs(ProcessInstance pi, String key, String group, String user, Map<String, Object> values) {
        TestEngine.submitAs(engine, pi.getId(), key, group, user, values);
    }

    void verifyAll(ProcessInstance pi) {
        submitAs(
                pi,
                CaseHandling.TASK_VERIFY,
                "danvan-officer",
                "officer.danvan",
                Map.of("findings", "Nắm tình hình tại cơ sở xong", "riskLevel", "LOW"));
        submitAs(
                pi,
                CaseHandling.TASK_VERIFY,
                "congan-officer",
                "officer.congan",
                Map.of("findings", "Không có dấu hiệu kích động", "riskLevel", "MEDIUM"));
    }

    void acceptAndVerify(ProcessInstance pi) {
        submit(pi, "Task_Accept", "officer.congan", Map.of("decision", "ACCEPT", "complexity", "STANDARD"));
        assertThat(pi).isWaitingAt(CaseHandling.TASK_VERIFY).isWaitingAt(CaseHandling.SUBPROCESS_VERIFICATION);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey(CaseHandling.TASK_VERIFY)
                        .list())
                .extracting(Task::getName)
                .containsExactlyInAnyOrder(
                        "Xác minh, nắm tình hình (Công an tỉnh)", "Xác minh, nắm tình hình (Ban Dân vận Tỉnh ủy)");
        verifyAll(pi);
    }

    void proposeAndApprove(ProcessInstance pi) {
        submit(
                pi,
                "Task_ProposeSolution",
                "officer.congan",
                Map.of(
                        "plan",
                        "Tổ chức đối thoại và hỗ trợ các hộ dân theo chính sách hiện hành.",
                        "dialogueRequired",
                        true));
        submit(pi, "Task_ApproveSolution", "supervisor.congan", Map.of("approvalDecision", "APPROVE"));
        submit(
                pi,
                "Task_Implement",
                "officer.congan",
                Map.of("actionsTaken", "Đã đối thoại, công dân đồng thuận.", "dialogueDate", "05/03/2026"));
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

    @Test
    void acceptedCaseIsVerifiedByBothAgenciesProposedReturnedApprovedAndResolved() {
        ProcessInstance pi = startCase(1);
        assertThat(pi).isWaitingAt("Task_Accept");
        Task accept = TestEngine.task(engine.getTaskService(), pi.getId(), "Task_Accept");
        // no legal rule in this engine: the per-task default, 10 days, to the end of that day in Hanoi time
        assertThat(accept.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-03-12T16:59:59Z"));
        acceptAndVerify(pi);
        assertThat(pi).variables().containsEntry("assignedOfficer", "officer.congan");
        Task propose = TestEngine.task(engine.getTaskService(), pi.getId(), "Task_ProposeSolution");
        assertThat(propose.getAssignee()).isEqualTo("officer.congan");
        submit(
                pi,
                "Task_ProposeSolution",
                "officer.congan",
                Map.of("plan", "Phương án ban đầu cần được bổ sung thêm."));
        submit(
                pi,
                "Task_ApproveSolution",
                "supervisor.congan",
                Map.of("approvalDecision", "RETURN", "comments", "Bổ sung phương án bảo đảm an ninh."));
        assertThat(pi).isWaitingAt("Task_ProposeSolution");
        FormField comments = engine
                .getFormService()
                .getTaskFormData(TestEngine.task(engine.getTaskService(), pi.getId(), "Task_ProposeSolution")
                        .getId())
                .getFormFields()
                .stream()
                .filter(f -> f.getId().equals("comments"))
                .findFirst()
                .orElseThrow();
        assertThat(comments.getValue().getValue()).isEqualTo("Bổ sung phương án bảo đảm an ninh.");
        proposeAndApprove(pi);
        submit(
                pi,
                "Task_RecordOutcome",
                "officer.congan",
                Map.of("outcome", "RESOLVED", "outcomeSummary", "Đã giải quyết dứt điểm, công dân rút đơn."));
        assertThat(pi).isEnded().hasPassed("EndEvent_Closed");
        assertThat(statusEvents())
                .extracting(CaseStatusChanged::status, CaseStatusChanged::outcome)
                .containsExactly(Tuple.tuple("IN_PROGRESS", null), Tuple.tuple("CLOSED", "RESOLVED"));
    }

    @Test
    void partnerVerificationTaskGoesToThePartnerAgencyGroupAndEveryTaskIsPublished() {
        ProcessInstance pi = startCase(2);
        submit(pi, "Task_Accept", "officer.congan", Map.of("decision", "ACCEPT"));
        List<TaskOpened> opened = TestEngine.EVENTS.stream()
                .filter(TaskOpened.class::isInstance)
                .map(TaskOpened.class::cast)
                .toList();
        assertThat(opened)
                .extracting(o -> o.task().key())
                .containsExactlyInAnyOrder("Task_Accept", CaseHandling.TASK_VERIFY, CaseHandling.TASK_VERIFY);
        // one verification per agency taking part, each given to that agency's officers
        assertThat(opened)
                .filteredOn(o -> o.task().key().equals(CaseHandling.TASK_VERIFY))
                .flatExtracting(o -> o.task().candidateGroups())
                .containsExactlyInAnyOrder("congan-officer", "danvan-officer");
        // each agency's task carries its own pair of SLA timers, on the task's own execution (so moving one
        // agency's deadline moves only its timers)
        for (Task verify : engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(CaseHandling.TASK_VERIFY)
                .list()) {
            for (String boundary : List.of("Event_VerifyAtRisk", "Event_VerifyBreached")) {
                assertThat(engine.getManagementService()
                                .createJobQuery()
                                .processInstanceId(pi.getId())
                                .activityId(boundary)
                                .executionId(verify.getExecutionId())
                                .count())
                        .as(boundary + " of " + verify.getName())
                        .isEqualTo(1);
            }
        }
        TaskClosed closed = TestEngine.EVENTS.stream()
                .filter(TaskClosed.class::isInstance)
                .map(TaskClosed.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(closed.completedBy()).isEqualTo("officer.congan");
        assertThat(closed.text("decision")).isEqualTo("ACCEPT");
    }

    @Test
    void stabilizedOutcomeClosesTheCase() {
        ProcessInstance pi = startCase(3);
        acceptAndVerify(pi);
        proposeAndApprove(pi);
        submit(
                pi,
                "Task_RecordOutcome",
                "officer.congan",
                Map.of("outcome", "STABILIZED", "outcomeSummary", "Tình hình đã ổn định tại địa bàn."));
        assertThat(pi).isEnded().hasPassed("Task_CloseCase", "EndEvent_Closed");
        assertThat(statusEvents()).last().extracting(CaseStatusChanged::outcome).isEqualTo("STABILIZED");
    }

    @Test
    void transferMergeAndRefusalEndAtAcceptance() {
        ProcessInstance transfer = startCase(4);
        submit(
                transfer,
                "Task_Accept",
                "officer.congan",
                Map.of("decision", "TRANSFER", "competentBody", "Thanh tra tỉnh", "reason", "Không thuộc thẩm quyền."));
        assertThat(transfer).isEnded().hasPassed("EndEvent_Transferred");
        ProcessInstance merge = startCase(5);
        submit(
                merge,
                "Task_Accept",
                "officer.congan",
                Map.of("decision", "MERGE", "mergeInto", "VV-2026-000001", "reason", "Trùng nội dung."));
        assertThat(merge).isEnded().hasPassed("EndEvent_Merged");
        ProcessInstance refuse = startCase(6);
        submit(refuse, "Task_Accept", "officer.congan", Map.of("decision", "REFUSE", "reason", "Đơn nặc danh."));
        assertThat(refuse).isEnded().hasPassed("EndEvent_Refused");
        assertThat(statusEvents())
                .extracting(CaseStatusChanged::outcome)
                .containsExactly("TRANSFERRED", "MERGED", "REFUSED");
        assertThat(statusEvents().get(1).relatedCaseCode()).isEqualTo("VV-2026-000001");
        assertThat(statusEvents().get(2).note()).isEqualTo("Đơn nặc danh.");
    }

    @Test
    void refusalWithoutAReasonIsRejectedByTheEngine() {
        ProcessInstance pi = startCase(7);
        assertThatThrownBy(() -> submit(pi, "Task_Accept", "officer.congan", Map.of("decision", "REFUSE")))
                .isInstanceOf(FormFieldValidatorException.class);
        assertThat(pi).isWaitingAt("Task_Accept");
    }

    @Test
    void temporarilyStabilizedCaseIsCheckedEvery30DaysAndTheThirdCheckCannotKeepMonitoring() {
        ProcessInstance pi = startCase(8);
        acceptAndVerify(pi);
        proposeAndApprove(pi);
        submit(
                pi,
                "Task_RecordOutcome",
                "officer.congan",
                Map.of("outcome", "TEMPORARILY_STABILIZED", "outcomeSummary", "Tạm ổn định, cần tiếp tục theo dõi."));
        assertThat(pi).isWaitingAt("Event_MonitoringDue");
        advanceDays(29);
        assertThat(pi).isWaitingAt("Event_MonitoringDue");
        advanceDays(2);
        assertThat(pi).isWaitingAt("Task_MonitoringCheck");
        assertThat(pi).variables().containsEntry("monitoringCheckNumber", 1L);
        submit(
                pi,
                "Task_MonitoringCheck",
                "officer.congan",
                Map.of("checkResult", "KEEP_MONITORING", "situation", "Còn tiềm ẩn, tiếp tục theo dõi."));
        advanceDays(31);
        submit(
                pi,
                "Task_MonitoringCheck",
                "officer.congan",
                Map.of("checkResult", "KEEP_MONITORING", "situation", "Còn tiềm ẩn, tiếp tục theo dõi."));
        advanceDays(31);
        assertThat(pi).isWaitingAt("Task_FinalMonitoringCheck");
        Task last = TestEngine.task(engine.getTaskService(), pi.getId(), "Task_FinalMonitoringCheck");
        @SuppressWarnings("unchecked")
        Map<String, String> options =
                (Map<String, String>) engine.getFormService().getTaskFormData(last.getId()).getFormFields().stream()
                        .filter(f -> f.getId().equals("finalCheckResult"))
                        .findFirst()
                        .orElseThrow()
                        .getType()
                        .getInformation("values");
        assertThat(options).containsOnlyKeys("STABLE", "FLARE_UP");
        submit(
                pi,
                "Task_FinalMonitoringCheck",
                "officer.congan",
                Map.of("finalCheckResult", "STABLE", "situation", "Đã ổn định hoàn toàn."));
        assertThat(pi).isEnded().hasPassed("Task_CloseStabilized", "EndEvent_Stabilized");
        assertThat(statusEvents())
                .extracting(CaseStatusChanged::status)
                .containsExactly("IN_PROGRESS", "MONITORING", "CLOSED");
        assertThat(statusEvents()).last().extracting(CaseStatusChanged::outcome).isEqualTo("STABILIZED");
    }

    @Test
    void stableAtARegularCheckClosesAsStabilized() {
        ProcessInstance pi = startCase(9);
        acceptAndVerify(pi);
        proposeAndApprove(pi);
        submit(
                pi,
                "Task_RecordOutcome",
                "officer.congan",
                Map.of("outcome", "TEMPORARILY_STABILIZED", "outcomeSummary", "Tạm ổn định, cần tiếp tục theo dõi."));
        advanceDays(31);
        submit(
                pi,
                "Task_MonitoringCheck",
                "officer.congan",
                Map.of("checkResult", "STABLE", "situation", "Ổn định, không còn kiến nghị."));
        assertThat(pi).isEnded().hasPassed("EndEvent_Stabilized");
    }

    @Test
    void aHotSpotGivesBothSupervisorsAnUrgentTaskWithoutInterruptingTheCase() {
        ProcessInstance pi = startCase(11);
        engine.getRuntimeService()
                .createMessageCorrelation(CaseHandling.MESSAGE_HOTSPOT)
                .processInstanceBusinessKey("11")
                .setVariable(CaseHandling.VAR_HOTSPOT_REASON, "20 người tụ tập trước trụ sở")
                .correlate();
        assertThat(pi).isWaitingAt("Task_Accept", CaseHandling.TASK_HOTSPOT);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskDefinitionKey(CaseHandling.TASK_HOTSPOT)
                        .taskCandidateGroup("congan-supervisor")
                        .singleResult()
                        .getPriority())
                .isEqualTo(90);
        submitAs(
                pi,
                CaseHandling.TASK_HOTSPOT,
                "danvan-supervisor",
                "supervisor.danvan",
                Map.of("hotspotMeasures", "Cử cán bộ đối thoại ngay."));
        assertThat(pi).isWaitingAt("Task_Accept", CaseHandling.TASK_HOTSPOT);
        submitAs(
                pi,
                CaseHandling.TASK_HOTSPOT,
                "congan-supervisor",
                "supervisor.congan",
                Map.of("hotspotMeasures", "Bố trí lực lượng bảo vệ."));
        assertThat(pi).hasPassed("EndEvent_HotSpotHandled").isWaitingAt("Task_Accept");
    }

    @Test
    void flareUpsReopenTheCaseAtTheProposalStep() {
        ProcessInstance pi = startCase(10);
        acceptAndVerify(pi);
        proposeAndApprove(pi);
        submit(
                pi,
                "Task_RecordOutcome",
                "officer.congan",
                Map.of("outcome", "TEMPORARILY_STABILIZED", "outcomeSummary", "Tạm ổn định, cần tiếp tục theo dõi."));
        advanceDays(31);
        submit(
                pi,
                "Task_MonitoringCheck",
                "officer.congan",
                Map.of("checkResult", "FLARE_UP", "situation", "Công dân tiếp tục tụ tập, tái phát."));
        assertThat(pi).isWaitingAt("Task_ProposeSolution");
        assertThat(statusEvents()).last().extracting(CaseStatusChanged::event).isEqualTo("REOPENED");
        proposeAndApprove(pi);
        submit(
                pi,
                "Task_RecordOutcome",
                "officer.congan",
                Map.of("outcome", "TEMPORARILY_STABILIZED", "outcomeSummary", "Tạm ổn định lần hai."));
        assertThat(pi).variables().containsEntry("monitoringCheckNumber", 0L);
        for (int i = 0; i < 2; i++) {
            advanceDays(31);
            submit(
                    pi,
                    "Task_MonitoringCheck",
                    "officer.congan",
                    Map.of("checkResult", "KEEP_MONITORING", "situation", "Tiếp tục theo dõi sát."));
        }
        advanceDays(31);
        submit(
                pi,
                "Task_FinalMonitoringCheck",
                "officer.congan",
                Map.of("finalCheckResult", "FLARE_UP", "situation", "Tái phát sau 90 ngày."));
        assertThat(pi).isWaitingAt("Task_ProposeSolution");
        assertThat(statusEvents()).filteredOn(e -> "REOPENED".equals(e.event())).hasSize(2);
    }

    List<String> sla() {
        return TestEngine.EVENTS.stream()
                .filter(SlaThresholdReached.class::isInstance)
                .map(SlaThresholdReached.class::cast)
                .map(e -> e.task().key() + ":" + e.threshold())
                .toList();
    }

    @Test
    void acceptanceWarnsOnTheFirstAtRiskDayAndBreachesTheDayAfterItsDueDayOnce() {
        ProcessInstance pi = startCase(20);
        advanceDays(7); // 09/03: 7 of 10 days used
        assertThat(sla()).isEmpty();
        advanceDays(1); // 10/03: 8 of 10 days, 75% reached
        assertThat(sla()).containsExactly("Task_Accept:WARNING");
        advanceDays(2); // 12/03: the due day itself is not overdue
        assertThat(sla()).containsExactly("Task_Accept:WARNING");
        advanceDays(1); // 13/03
        advanceDays(30);
        assertThat(sla()).containsExactly("Task_Accept:WARNING", "Task_Accept:BREACH");
        assertThat(TestEngine.EVENTS.stream()
                        .filter(SlaThresholdReached.class::isInstance)
                        .map(SlaThresholdReached.class::cast)
                        .findFirst()
                        .orElseThrow()
                        .legalStep())
                .isEqualTo("ACCEPT");
        assertThat(pi).isWaitingAt("Task_Accept").hasPassed("EndEvent_AcceptWarned", "EndEvent_AcceptEscalated");
    }

    @Test
    void everyLongRunningStepWarnsAndBreachesExactlyOncePerTask() {
        ProcessInstance pi = startCase(21);
        submit(pi, "Task_Accept", "officer.congan", Map.of("decision", "ACCEPT", "complexity", "STANDARD"));
        advanceDays(40);
        advanceDays(1);
        verifyAll(pi);
        advanceDays(40);
        submit(
                pi,
                "Task_ProposeSolution",
                "officer.congan",
                Map.of("plan", "Tổ chức đối thoại và hỗ trợ các hộ dân theo chính sách hiện hành."));
        submit(pi, "Task_ApproveSolution", "supervisor.congan", Map.of("approvalDecision", "APPROVE"));
        advanceDays(40);
        submit(pi, "Task_Implement", "officer.congan", Map.of("actionsTaken", "Đã đối thoại, công dân đồng thuận."));
        submit(
                pi,
                "Task_RecordOutcome",
                "officer.congan",
                Map.of("outcome", "TEMPORARILY_STABILIZED", "outcomeSummary", "Tạm ổn định, cần tiếp tục theo dõi."));
        advanceDays(31); // the first check opens
        advanceDays(10); // and runs past its 5 days
        submit(
                pi,
                "Task_MonitoringCheck",
                "officer.congan",
                Map.of("checkResult", "KEEP_MONITORING", "situation", "Còn tiềm ẩn, tiếp tục theo dõi."));
        advanceDays(31);
        submit(
                pi,
                "Task_MonitoringCheck",
                "officer.congan",
                Map.of("checkResult", "KEEP_MONITORING", "situation", "Còn tiềm ẩn, tiếp tục theo dõi."));
        advanceDays(31);
        advanceDays(10);
        submit(
                pi,
                "Task_FinalMonitoringCheck",
                "officer.congan",
                Map.of("finalCheckResult", "STABLE", "situation", "Đã ổn định hoàn toàn."));
        assertThat(pi).isEnded();
        List<SlaThresholdReached> events = TestEngine.EVENTS.stream()
                .filter(SlaThresholdReached.class::isInstance)
                .map(SlaThresholdReached.class::cast)
                .toList();
        for (String key : List.of(
                "Task_ProposeSolution", "Task_Implement", "Task_MonitoringCheck", "Task_FinalMonitoringCheck")) {
            assertThat(sla()).as(key).containsOnlyOnce(key + ":WARNING", key + ":BREACH");
        }
        // one warning and one breach per task instance, never more (the second check was done at once)
        assertThat(events.stream()
                        .collect(Collectors.groupingBy(e -> e.task().id() + e.threshold(), Collectors.counting()))
                        .values())
                .containsOnly(1L);
        // each agency's verification has its own deadline: a warning and a breach for each instance
        assertThat(sla())
                .filteredOn(k -> k.equals(CaseHandling.TASK_VERIFY + ":WARNING"))
                .hasSize(2);
        assertThat(sla())
                .filteredOn(k -> k.equals(CaseHandling.TASK_VERIFY + ":BREACH"))
                .hasSize(2);
        assertThat(events)
                .filteredOn(e -> e.task().key().equals(CaseHandling.TASK_VERIFY))
                .flatExtracting(e -> e.task().candidateGroups())
                .containsOnly("congan-officer", "danvan-officer")
                .contains("congan-officer", "danvan-officer");
    }
}
