package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
import vn.tandem.process.SlaEscalation;

/** Every path of {@code bpmn/sla-escalation.bpmn}; the class asserts 100% coverage. */
@Deployment(resources = "bpmn/sla-escalation.bpmn")
class SlaEscalationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(
                    TestEngine.configuration("sla-escalation-test"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    ProcessEngine engine;

    @BeforeEach
    void setUp(ProcessEngine engine) {
        this.engine = engine;
        AbstractAssertions.init(engine);
        TestEngine.EVENTS.clear();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T02:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ProcessInstance start(long id, Date statutoryBreachAt) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(SlaEscalation.VAR_ESCALATION_ID, id);
        vars.put(SlaEscalation.VAR_WATCHED_TASK_ID, "watched-" + id);
        vars.put(SlaEscalation.VAR_WATCHED_TASK_KEY, "Task_Accept");
        vars.put(SlaEscalation.VAR_WATCHED_TASK_NAME, "Thụ lý");
        vars.put(SlaEscalation.VAR_WATCHED_DUE, "30/11/2026");
        vars.put(SlaEscalation.VAR_SUPERVISOR_GROUP, "congan-supervisor");
        vars.put(SlaEscalation.VAR_PROVINCIAL_GROUP, "congan-supervisor-province");
        vars.put(SlaEscalation.VAR_STATUTORY_BREACH_AT, statutoryBreachAt);
        return engine.getRuntimeService().startProcessInstanceByKey(SlaEscalation.PROCESS_KEY, "7", vars);
    }

    Task task(ProcessInstance pi, String key) {
        return TestEngine.task(engine.getTaskService(), pi.getId(), key);
    }

    void complete(ProcessInstance pi, String key, Map<String, Object> values) {
        Task task = task(pi, key);
        assertThat(task).as(key).isNotNull();
        engine.getTaskService().claim(task.getId(), "supervisor.congan");
        engine.getFormService().submitTaskForm(task.getId(), values);
    }

    void advance(Duration by) {
        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
        engine.getManagementService()
                .createJobQuery()
                .executable()
                .list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    @Test
    void anExtensionThatRunsOutComesBackAndAnUnhandledEscalationGoesToTheProvincialLevelWhichConvenesAMeeting() {
        ProcessInstance pi = start(1, null);
        assertThat(pi).hasPassed("EndEvent_NoStatutoryLimit").isWaitingAt("Task_HandleEscalation");
        Task first = task(pi, "Task_HandleEscalation");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(first.getId())
                        .taskCandidateGroup("congan-supervisor")
                        .count())
                .isEqualTo(1);
        // due at the end of the 2nd day (no working calendar in this engine), in Hanoi time
        assertThat(first.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-03T16:59:59Z"));
        complete(
                pi,
                "Task_HandleEscalation",
                Map.of(
                        "escalationAction",
                        "EXTEND",
                        "decisionNumber",
                        "12/QĐ",
                        "decisionDate",
                        "01/12/2026",
                        "newDeadline",
                        "10/12/2026",
                        "escalationNote",
                        "Gia hạn để chờ kết quả giám định."));
        assertThat(pi).isWaitingAt("Event_ExtendedDeadlinePassed");
        advance(Duration.ofMinutes(1)); // the watched task is gone here: its "new deadline" is now
        assertThat(pi).isWaitingAt("Task_HandleEscalation");
        advance(Duration.ofDays(1));
        assertThat(pi).isWaitingAt("Task_HandleEscalation");
        advance(Duration.ofDays(2)); // past the supervisor's due day: the next level
        assertThat(pi).isWaitingAt("Task_HandleEscalationProvincial");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskDefinitionKey("Task_HandleEscalationProvincial")
                        .taskCandidateGroup("congan-supervisor-province")
                        .count())
                .isEqualTo(1);
        complete(
                pi,
                "Task_HandleEscalationProvincial",
                Map.of(
                        "escalationAction",
                        "MEETING",
                        "meetingDate",
                        "08/12/2026",
                        "meetingAgenda",
                        "Thống nhất phương án giải quyết dứt điểm.",
                        "escalationNote",
                        "Hai cơ quan cần thống nhất phương án."));
        // one meeting task per agency taking part in the case, each due on the meeting day
        assertThat(pi).isWaitingAt(SlaEscalation.TASK_MEETING);
        Task danvan =
                TestEngine.task(engine.getTaskService(), pi.getId(), SlaEscalation.TASK_MEETING, "danvan-supervisor");
        assertThat(danvan.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-08T16:59:59Z"));
        assertThat(danvan.getName()).isEqualTo("Họp liên ngành: Ban Dân vận Tỉnh ủy tham dự, ghi nhận kết luận");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey(SlaEscalation.TASK_MEETING)
                        .count())
                .isEqualTo(2);
        engine.getTaskService().claim(danvan.getId(), "supervisor.danvan");
        engine.getFormService()
                .submitTaskForm(danvan.getId(), Map.of("meetingConclusion", "Ban Dân vận vận động các hộ dân."));
        complete(pi, SlaEscalation.TASK_MEETING, Map.of("meetingConclusion", "Công an bảo đảm an ninh trật tự."));
        assertThat(pi).isEnded().hasPassed("EndEvent_MeetingHeld");
    }

    @Test
    void reassignAndCloseEndTheLadder() {
        ProcessInstance reassigned = start(2, null);
        complete(
                reassigned,
                "Task_HandleEscalation",
                Map.of(
                        "escalationAction",
                        "REASSIGN",
                        "reassignTo",
                        "officer2.congan",
                        "escalationNote",
                        "Cán bộ cũ nghỉ ốm dài ngày."));
        assertThat(reassigned).isEnded().hasPassed("EndEvent_Reassigned");
        ProcessInstance closed = start(3, null);
        complete(
                closed,
                "Task_HandleEscalation",
                Map.of("escalationAction", "CLOSE", "escalationNote", "Đã có kết quả, chờ cập nhật hệ thống."));
        assertThat(closed).isEnded().hasPassed("EndEvent_EscalationClosed");
    }

    @Test
    void theStatutoryLimitPassingRaisesTheHotSpotStepAndTheWatchedTaskBeingDoneEndsTheLadder() {
        ProcessInstance pi = start(4, Date.from(Instant.parse("2026-12-01T17:00:00Z")));
        assertThat(pi).isWaitingAt("Task_HandleEscalation", "Event_StatutoryBreached");
        advance(Duration.ofHours(12));
        assertThat(pi).isWaitingAt("Task_HandleEscalation", "Event_StatutoryBreached");
        advance(Duration.ofHours(12));
        assertThat(pi)
                .hasPassed("Task_RaiseStatutoryHotSpot", "EndEvent_StatutoryRaised")
                .isWaitingAt("Task_HandleEscalation");
        engine.getRuntimeService()
                .createMessageCorrelation(SlaEscalation.MESSAGE_STEP_DONE)
                .processInstanceVariableEquals(SlaEscalation.VAR_WATCHED_TASK_ID, "watched-4")
                .correlateAll();
        assertThat(pi).isEnded().hasPassed("EndEvent_StepDone");
    }
}
