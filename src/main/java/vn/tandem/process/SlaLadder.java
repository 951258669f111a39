package vn.tandem.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.identity.CandidateGroup;
import vn.tandem.identity.Role;
import vn.tandem.process.internal.BpmnProperties;
import vn.tandem.process.internal.SlaTimerListener;
import vn.tandem.process.internal.SlaTimers;

/**
 * The engine side of the SLA ladder: starting an escalation for an overdue task, and keeping due dates and SLA
 * timers in step with the legal clock when it is paused, resumed or extended.
 */
@Service
@Transactional
public class SlaLadder {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;
    private final SlaTimers timers;

    SlaLadder(
            RuntimeService runtime,
            TaskService tasks,
            ManagementService management,
            RepositoryService repository,
            SlaTimers timers) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
        this.timers = timers;
    }

    /**
     * Starts the escalation ladder for an overdue task: the agency's supervisors first, its provincial supervisors
     * when they do not act in time; a statutory limit (if any) raises a hot spot once passed.
     */
    public String startEscalation(
            long escalationId, TaskSnapshot watched, String agency, String watchedDue, LocalDate statutoryDue) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(SlaEscalation.VAR_ESCALATION_ID, escalationId);
        variables.put(SlaEscalation.VAR_WATCHED_TASK_ID, watched.id());
        variables.put(SlaEscalation.VAR_WATCHED_TASK_KEY, watched.key());
        variables.put(SlaEscalation.VAR_WATCHED_TASK_NAME, watched.name());
        variables.put(SlaEscalation.VAR_WATCHED_DUE, watchedDue);
        variables.put(
                SlaEscalation.VAR_SUPERVISOR_GROUP,
                CandidateGroup.of(agency, Role.SUPERVISOR).toString());
        variables.put(
                SlaEscalation.VAR_PROVINCIAL_GROUP,
                CandidateGroup.provincialSupervisors(agency).toString());
        variables.put(
                SlaEscalation.VAR_STATUTORY_BREACH_AT,
                statutoryDue == null ? null : timers.startOfDay(statutoryDue.plusDays(1)));
        return runtime.startProcessInstanceByKey(SlaEscalation.PROCESS_KEY, watched.businessKey(), variables)
                .getProcessInstanceId();
    }

    /**
     * Recomputes the due dates and pending SLA timers of a case's open legal-step tasks from the legal clock
     * (after a pause ends or a deadline is extended), including the escalation ladders waiting on them.
     */
    public void reschedule(long caseId) {
        String businessKey = Long.toString(caseId);
        for (Task task :
                tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(task.getProcessDefinitionId());
            if (!(model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask element)
                    || BpmnProperties.legalStep(element) == null) {
                continue;
            }
            SlaWindow window = timers.window(businessKey, element, null, task.getTaskDefinitionKey(), null);
            Date due = timers.endOfDay(window.due());
            if (task.getDueDate() == null || !task.getDueDate().equals(due)) {
                task.setDueDate(due);
                tasks.saveTask(task);
            }
            for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
                String threshold = BpmnProperties.property(boundary, SlaTimerListener.SLA);
                if (threshold == null || !boundary.getAttachedTo().getId().equals(task.getTaskDefinitionKey())) {
                    continue;
                }
                Date at = Threshold.WARNING.name().equals(threshold)
                        ? timers.startOfDay(window.warningDay())
                        : timers.startOfDay(window.due().plusDays(1));
                for (Job job : taskTimers(task, boundary.getId())) {
                    management.setJobDuedate(job.getId(), at);
                }
            }
            for (ProcessInstance ladder : ladders(task.getId())) {
                for (Job job : timerJobs(ladder.getId(), SlaEscalation.EVENT_EXTENDED_DEADLINE_PASSED)) {
                    management.setJobDuedate(
                            job.getId(), timers.startOfDay(window.due().plusDays(1)));
                }
                if (window.statutoryDue() != null) {
                    Date statutory = timers.startOfDay(window.statutoryDue().plusDays(1));
                    for (Job job : timerJobs(ladder.getId(), SlaEscalation.EVENT_STATUTORY_BREACHED)) {
                        runtime.setVariable(ladder.getId(), SlaEscalation.VAR_STATUTORY_BREACH_AT, statutory);
                        management.setJobDuedate(job.getId(), statutory);
                    }
                }
            }
        }
    }

    /**
     * A task's own timers on a boundary event: the jobs on the task's execution (a step that runs once per agency
     * has one task, and one pair of timers, per instance in the same process instance).
     */
    private List<Job> taskTimers(Task task, String boundaryId) {
        List<Job> own = management
                .createJobQuery()
                .processInstanceId(task.getProcessInstanceId())
                .activityId(boundaryId)
                .executionId(task.getExecutionId())
                .list();
        return own.isEmpty() ? timerJobs(task.getProcessInstanceId(), boundaryId) : own;
    }

    /** Stops a case's SLA timers while its clock is paused (they neither warn nor escalate). */
    public void suspend(long caseId) {
        slaJobs(caseId).forEach(job -> management.suspendJobById(job.getId()));
    }

    /** Restarts a case's SLA timers after {@link #reschedule(long)} moved them. */
    public void activate(long caseId) {
        slaJobs(caseId).forEach(job -> management.activateJobById(job.getId()));
    }

    private List<Job> slaJobs(long caseId) {
        List<Job> result = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(caseId))
                .list()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
            List<String> activities = new ArrayList<>(
                    List.of(SlaEscalation.EVENT_EXTENDED_DEADLINE_PASSED, SlaEscalation.EVENT_STATUTORY_BREACHED));
            for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
                if (BpmnProperties.property(boundary, SlaTimerListener.SLA) != null) {
                    activities.add(boundary.getId());
                }
            }
            for (String activity : activities) {
                result.addAll(timerJobs(instance.getId(), activity));
            }
        }
        return result;
    }

    private List<Job> timerJobs(String processInstanceId, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(activityId)
                .timers()
                .list();
    }

    private List<ProcessInstance> ladders(String watchedTaskId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(SlaEscalation.PROCESS_KEY)
                .variableValueEquals(SlaEscalation.VAR_WATCHED_TASK_ID, watchedTaskId)
                .list();
    }
}
