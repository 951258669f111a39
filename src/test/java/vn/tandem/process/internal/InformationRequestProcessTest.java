package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.tandem.process.InformationRequestProcess;
import vn.tandem.process.SlaThresholdReached;
import vn.tandem.process.TaskClosed;
import vn.tandem.process.TaskSnapshot;

/** Every path of {@code bpmn/information-request.bpmn}; the class asserts 100% coverage. */
@Deployment(resources = "bpmn/information-request.bpmn")
class InformationRequestProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(
                    TestEngine.configuration("information-request-test"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    ProcessEngine engine;

    @BeforeEach
    void setUp(ProcessEngine engine) {
        this.engine = engine;
        AbstractAssertions.init(engine);
        TestEngine.EVENTS.clear();
    }

    @Test
    void partnerAnswersRequesterAsksAFollowUpThenAcknowledges() {
        Date due = Date.from(Instant.parse("2026-12-01T10:00:00Z"));
        ProcessInstance pi = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        InformationRequestProcess.PROCESS_KEY,
                        "42",
                        Map.of(
                                "requestId",
                                7L,
                                "question",
                                "Đề nghị cung cấp thông tin về nhân thân các đối tượng",
                                "dueDate",
                                due,
                                "requestedBy",
                                "officer.congan",
                                "answeringGroup",
                                "danvan-officer",
                                "priority",
                                50,
                                "requestingGroup",
                                "congan-officer"));
        Task answer = TestEngine.task(engine.getTaskService(), pi.getId(), "Task_AnswerRequest");
        assertThat(answer.getDueDate()).isEqualTo(due);
        assertThat(answer.getPriority()).isEqualTo(50);
        // the English name of the step, from the model's name.en, kept with the task for the read models
        assertThat(engine.getTaskService().getVariableLocal(answer.getId(), TaskSnapshot.VAR_NAME_EN))
                .isEqualTo("Answer the request for information");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(answer.getId())
                        .taskCandidateGroup("danvan-officer")
                        .count())
                .isEqualTo(1);
        engine.getTaskService().claim(answer.getId(), "officer.danvan");
        engine.getFormService().submitTaskForm(answer.getId(), Map.of("answer", "Các đối tượng không có tiền án."));
        Task ack = TestEngine.task(engine.getTaskService(), pi.getId(), "Task_AcknowledgeAnswer");
        assertThat(ack.getAssignee()).isEqualTo("officer.congan");
        engine.getFormService()
                .submitTaskForm(
                        ack.getId(),
                        Map.of(
                                "ackDecision",
                                "FOLLOW_UP",
                                "followUpQuestion",
                                "Đề nghị cung cấp thêm nơi làm việc hiện nay."));
        assertThat(pi).isWaitingAt("Task_AnswerRequest");
        Task again = TestEngine.task(engine.getTaskService(), pi.getId(), "Task_AnswerRequest");
        engine.getTaskService().claim(again.getId(), "officer.danvan");
        engine.getFormService().submitTaskForm(again.getId(), Map.of("answer", "Đang làm việc tại khu công nghiệp."));
        Task ack2 = TestEngine.task(engine.getTaskService(), pi.getId(), "Task_AcknowledgeAnswer");
        engine.getFormService().submitTaskForm(ack2.getId(), Map.of("ackDecision", "ACKNOWLEDGE"));
        assertThat(pi).isEnded().hasPassed("EndEvent_Acknowledged");
        assertThat(TestEngine.EVENTS.stream()
                        .filter(TaskClosed.class::isInstance)
                        .map(TaskClosed.class::cast)
                        .map(c -> c.task().context().get("requestId")))
                .containsOnly(7L);
    }

    @Test
    void anUnansweredRequestWarnsAt75PercentAndBreachesOnceAfterItsDueDay() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T02:00:00Z")));
        try {
            // due in 4 days (end of 05/12): warning on the 3rd day, breach at the start of 06/12
            Date due = Date.from(Instant.parse("2026-12-05T16:59:59Z"));
            ProcessInstance pi = engine.getRuntimeService()
                    .startProcessInstanceByKey(
                            InformationRequestProcess.PROCESS_KEY,
                            "43",
                            Map.of(
                                    "requestId",
                                    8L,
                                    "question",
                                    "Đề nghị cung cấp thông tin",
                                    "dueDate",
                                    due,
                                    "requestedBy",
                                    "officer.congan",
                                    "answeringGroup",
                                    "danvan-officer",
                                    "priority",
                                    90,
                                    "requestingGroup",
                                    "congan-officer"));
            advance(Instant.parse("2026-12-03T02:00:00Z"));
            assertThat(sla()).isEmpty();
            advance(Instant.parse("2026-12-04T02:00:00Z"));
            assertThat(sla()).containsExactly("Task_AnswerRequest:WARNING");
            advance(Instant.parse("2026-12-05T16:00:00Z"));
            assertThat(sla()).containsExactly("Task_AnswerRequest:WARNING");
            advance(Instant.parse("2026-12-06T02:00:00Z"));
            advance(Instant.parse("2026-12-20T02:00:00Z"));
            assertThat(sla()).containsExactly("Task_AnswerRequest:WARNING", "Task_AnswerRequest:BREACH");
            assertThat(pi)
                    .hasPassed("EndEvent_AnswerRequestWarned", "EndEvent_AnswerRequestEscalated")
                    .isWaitingAt("Task_AnswerRequest");
        } finally {
            ClockUtil.reset();
        }
    }

    private void advance(Instant to) {
        ClockUtil.setCurrentTime(Date.from(to));
        engine.getManagementService()
                .createJobQuery()
                .executable()
                .list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    private List<String> sla() {
        return TestEngine.EVENTS.stream()
                .filter(SlaThresholdReached.class::isInstance)
                .map(SlaThresholdReached.class::cast)
                .map(e -> e.task().key() + ":" + e.threshold())
                .toList();
    }
}
