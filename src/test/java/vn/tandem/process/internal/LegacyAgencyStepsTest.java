package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.LegacyAgencySteps;
import vn.tandem.process.TaskClosed;
import vn.tandem.process.TaskOpened;

/**
 * Cases started on the case-handling version with one task per founding agency finish on it: the legacy adapter
 * reads their verification tasks as the agencies' findings, knows their hot-spot tasks and hides the proposal's old
 * read-only fields. The old version is kept as a test resource until no instance of it remains.
 */
@Deployment(resources = "legacy/case-handling-fixed-agencies.bpmn")
class LegacyAgencyStepsTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(
                    TestEngine.configuration("legacy-agency-steps-test"))
            .build();

    ProcessEngine engine;

    @BeforeEach
    void setUp(ProcessEngine engine) {
        this.engine = engine;
        AbstractAssertions.init(engine);
        TestEngine.EVENTS.clear();
    }

    void submit(Task task, String user, Map<String, Object> values) {
        engine.getTaskService().claim(task.getId(), user);
        engine.getFormService().submitTaskForm(task.getId(), values);
    }

    @Test
    void theOldVerificationTasksReadAsTheAgenciesFindings() {
        Map<String, Object> vars = new HashMap<>();
        vars.put(CaseHandling.VAR_CASE_ID, 1L);
        vars.put(CaseHandling.VAR_LEAD_OFFICERS, "congan-officer");
        vars.put(CaseHandling.VAR_LEAD_SUPERVISORS, "congan-supervisor");
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(CaseHandling.PROCESS_KEY, "1", vars);
        submit(
                TestEngine.task(engine.getTaskService(), pi.getId(), "Task_Accept"),
                "officer.congan",
                Map.of("decision", "ACCEPT"));
        assertThat(pi).isWaitingAt("Task_VerifyDanvan", "Task_VerifyCongan");
        assertThat(LegacyAgencySteps.isVerification("Task_VerifyDanvan")).isTrue();
        assertThat(LegacyAgencySteps.isVerification(CaseHandling.TASK_VERIFY)).isFalse();
        submit(
                TestEngine.task(engine.getTaskService(), pi.getId(), "Task_VerifyDanvan"),
                "officer.danvan",
                Map.of(
                        "danvanFindings",
                        "Đã gặp gỡ các hộ dân, nắm được tâm tư.",
                        "danvanRiskLevel",
                        "LOW",
                        "danvanRecommendation",
                        "Đối thoại sớm."));
        TaskClosed closed = TestEngine.EVENTS.stream()
                .filter(TaskClosed.class::isInstance)
                .map(TaskClosed.class::cast)
                .filter(e -> e.task().key().equals("Task_VerifyDanvan"))
                .findFirst()
                .orElseThrow();
        assertThat(LegacyAgencySteps.verification(closed))
                .contains(new LegacyAgencySteps.Verification(
                        "DANVAN", "Đã gặp gỡ các hộ dân, nắm được tâm tư.", "LOW", "Đối thoại sớm."));

        submit(
                TestEngine.task(engine.getTaskService(), pi.getId(), "Task_VerifyCongan"),
                "officer.congan",
                Map.of("conganFindings", "Không có dấu hiệu kích động.", "conganRiskLevel", "MEDIUM"));
        assertThat(pi).isWaitingAt(CaseHandling.TASK_PROPOSE);
        // the proposal form of the old version still declares the read-only findings the layout now hides
        Task propose = TestEngine.task(engine.getTaskService(), pi.getId(), CaseHandling.TASK_PROPOSE);
        assertThat(engine.getFormService().getTaskFormData(propose.getId()).getFormFields())
                .extracting(f -> f.getId())
                .containsAll(LegacyAgencySteps.PROPOSAL_FIELDS);

        // an old hot-spot task is still recognized (its supervisors are notified)
        engine.getRuntimeService()
                .createMessageCorrelation(CaseHandling.MESSAGE_HOTSPOT)
                .processInstanceBusinessKey("1")
                .setVariable(CaseHandling.VAR_HOTSPOT_REASON, "Tụ tập đông người")
                .correlate();
        assertThat(TestEngine.EVENTS.stream()
                        .filter(TaskOpened.class::isInstance)
                        .map(TaskOpened.class::cast)
                        .map(e -> e.task().key())
                        .filter(LegacyAgencySteps::isHotspotTask)
                        .count())
                .isEqualTo(2);
    }
}
