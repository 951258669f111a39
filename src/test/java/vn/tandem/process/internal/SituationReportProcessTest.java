package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.tandem.process.ReportRounds;
import vn.tandem.process.SituationReportProcess;
import vn.tandem.process.SlaThresholdReached;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.Threshold;

/**
 * Every path of {@code bpmn/situation-report.bpmn}: the daily timer opens the due rounds (one report task each,
 * once), the task is due on the rule's day, warns at 75% and escalates when late, and ends when the report is filed.
 * The class asserts 100% coverage.
 */
@Deployment(resources = "bpmn/situation-report.bpmn")
class SituationReportProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(
                    TestEngine.configuration("situation-report-test"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    ProcessEngine engine;

    @BeforeEach
    void setUp(ProcessEngine engine) {
        this.engine = engine;
        AbstractAssertions.init(engine);
        TestEngine.EVENTS.clear();
        TestEngine.ROUNDS_DUE.clear();
        // Monday 23/11/2026, 08:00 in Hà Nội: the week 16/11–22/11 has just ended
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T01:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static ReportRounds.Round round(long id, long unitId, String group) {
        return new ReportRounds.Round(
                "SR-" + id,
                unitId,
                LocalDate.parse("2026-11-16"),
                LocalDate.parse("2026-11-22"),
                group,
                LocalDate.parse("2026-11-25"));
    }

    /** Runs the daily timer's job now (it is due every day at 01:00, server time). */
    void runDaily() {
        Job timer = engine.getManagementService()
                .createJobQuery()
                .processDefinitionKey(SituationReportProcess.PROCESS_KEY)
                .activityId("StartEvent_Daily")
                .timers()
                .singleResult();
        assertThat(timer).as("the daily timer of the report rounds").isNotNull();
        engine.getManagementService().executeJob(timer.getId());
    }

    List<Task> reportTasks() {
        return engine
                .getTaskService()
                .createTaskQuery()
                .processDefinitionKey(SituationReportProcess.PROCESS_KEY)
                .taskDefinitionKey(SituationReportProcess.TASK_FILE_REPORT)
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(t -> engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(t.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey()))
                .toList();
    }

    @Test
    void theDailyRunOpensOneTaskPerDueRoundForTheUnitsOfficersAndTheReportEndsIt() {
        TestEngine.ROUNDS_DUE.addAll(List.of(round(1, 5, "danvan-officer"), round(2, 6, "congan-officer")));
        runDaily();

        List<Task> tasks = reportTasks();
        assertThat(tasks).hasSize(2);
        Task danvan = tasks.get(0);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(danvan.getId())
                        .taskCandidateGroup("danvan-officer")
                        .count())
                .isEqualTo(1);
        // due at the end of the rule's day in Hà Nội (25/11 23:59:59 +07:00)
        assertThat(danvan.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-25T16:59:59Z"));
        assertThat(engine.getTaskService().getVariableLocal(danvan.getId(), TaskSnapshot.VAR_NAME_EN))
                .isEqualTo("File the scheduled situation report");
        assertThat(engine.getFormService()
                        .getTaskFormKey(danvan.getProcessDefinitionId(), danvan.getTaskDefinitionKey()))
                .isEqualTo(SituationReportProcess.FORM_KEY);
        ProcessInstance pi = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(danvan.getProcessInstanceId())
                .singleResult();
        assertThat(pi.getBusinessKey()).isEqualTo("SR-1");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), SituationReportProcess.VAR_UNIT_ID))
                .isEqualTo(5L);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), SituationReportProcess.VAR_PERIOD_TO))
                .isEqualTo("2026-11-22");
        // the run itself ended, saying how many rounds it opened
        HistoricProcessInstance run = engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(SituationReportProcess.PROCESS_KEY)
                .processInstanceBusinessKey(null)
                .finished()
                .singleResult();
        assertThat(run).isNotNull();
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(run.getId())
                        .variableName(SituationReportProcess.VAR_ROUNDS_OPENED)
                        .singleResult()
                        .getValue())
                .isEqualTo(2);
        // the timer stays: tomorrow's run
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processDefinitionKey(SituationReportProcess.PROCESS_KEY)
                        .timers()
                        .activityId("StartEvent_Daily")
                        .count())
                .isEqualTo(1);

        engine.getTaskService().claim(danvan.getId(), "officer.danvan");
        engine.getTaskService().complete(danvan.getId());
        assertThat(pi).isEnded().hasPassed("EndEvent_ReportFiled");
    }

    @Test
    void aRepeatedRunOpensNoSecondTaskForARoundAlreadyOpen() {
        TestEngine.ROUNDS_DUE.add(round(3, 5, "danvan-officer"));
        runDaily();
        // a retried run that is handed the same round again (e.g. after a lock timeout) starts nothing new
        TestEngine.ROUNDS_DUE.add(round(3, 5, "danvan-officer"));
        runDaily();
        assertThat(reportTasks()).hasSize(1);
    }

    @Test
    void aLateReportWarnsAtThreeQuartersAndEscalatesAfterItsDueDay() {
        TestEngine.ROUNDS_DUE.add(round(4, 6, "congan-officer"));
        runDaily();
        Task task = reportTasks().get(0);
        // two days (24/11 and 25/11): the warning fires at the start of the second, the breach on 26/11
        TestEngine.advanceDays(engine, 3);
        assertThat(TestEngine.EVENTS)
                .filteredOn(SlaThresholdReached.class::isInstance)
                .map(e -> ((SlaThresholdReached) e).threshold())
                .containsExactlyInAnyOrder(Threshold.WARNING, Threshold.BREACH);
        SlaThresholdReached breach = TestEngine.EVENTS.stream()
                .filter(SlaThresholdReached.class::isInstance)
                .map(SlaThresholdReached.class::cast)
                .filter(e -> e.threshold() == Threshold.BREACH)
                .findFirst()
                .orElseThrow();
        assertThat(breach.legalStep()).isEqualTo("SITUATION_REPORT");
        assertThat(breach.task().businessKey()).isEqualTo("SR-4");
        assertThat(breach.task().id()).isEqualTo(task.getId());
        ProcessInstance pi = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult();
        assertThat(pi).hasPassed("EndEvent_FileReportWarned", "EndEvent_FileReportEscalated");
        // still the officers' task until the report comes
        engine.getTaskService().complete(task.getId());
        assertThat(pi).isEnded();
    }
}
