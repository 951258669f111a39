package vn.tandem.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.common.ConflictException;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.process.internal.BpmnProperties;
import vn.tandem.process.internal.DiagramNames;
import vn.tandem.process.internal.FormReader;

/**
 * The process module's facade: starts processes, reads tasks and their forms, claims, assigns and completes
 * tasks. Callers (inbox, API) decide who may act on a task; this class guarantees the engine-level rules: an
 * ended task answers 409, a task claimed by someone else answers 409, invalid fields answer 400 naming them, and
 * of two concurrent completions exactly one wins.
 */
@Service
@Transactional
public class Workflow {

    private static final Logger log = LoggerFactory.getLogger(Workflow.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final FormService forms;
    private final HistoryService history;
    private final RepositoryService repository;
    private final ObjectProvider<TaskSubmissionCheck> checks;
    private final TandemClock clock;
    private final ManagementService management;

    Workflow(
            RuntimeService runtime,
            TaskService tasks,
            FormService forms,
            HistoryService history,
            RepositoryService repository,
            ManagementService management,
            ObjectProvider<TaskSubmissionCheck> checks,
            TandemClock clock) {
        this.management = management;
        this.runtime = runtime;
        this.tasks = tasks;
        this.forms = forms;
        this.history = history;
        this.repository = repository;
        this.checks = checks;
        this.clock = clock;
    }

    /** Starts a process for a case; the case id is the business key. Returns the process instance id. */
    public String start(String processKey, long caseId, Map<String, Object> variables) {
        return start(processKey, Long.toString(caseId), variables);
    }

    /**
     * Starts a process under a business key that is not a case id (e.g. an information request about a unit, without
     * a case). Returns the process instance id.
     */
    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(processKey, businessKey, variables)
                .getProcessInstanceId();
    }

    /**
     * Delivers a message to the case's running process instance (e.g. the hot-spot event sub-process).
     * Returns false when no running instance waits for it (the case has ended).
     */
    public boolean correlate(long caseId, String message, Map<String, Object> variables) {
        try {
            runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(Long.toString(caseId))
                    .setVariables(variables)
                    .correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }

    /**
     * The open task, or empty when it does not exist — also when it ends while it is being read (a concurrent
     * completion committed between our queries), so the caller answers 409, never 500.
     */
    @Transactional(readOnly = true)
    public Optional<TaskSnapshot> task(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(snapshot(task));
        } catch (NullValueException | org.camunda.bpm.engine.exception.NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // the engine's own reads fail in odd ways when another transaction ends the task meanwhile
            if (endedMeanwhile(taskId)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The open task, or 409 if it has ended, or 404 if it never existed. */
    @Transactional(readOnly = true)
    public TaskSnapshot openTask(String taskId) {
        return task(taskId).orElseThrow(() -> ended(taskId));
    }

    @Transactional(readOnly = true)
    public List<TaskSnapshot> openTasks(String businessKey) {
        return snapshots(
                tasks.createTaskQuery()
                        .processInstanceBusinessKey(businessKey)
                        .initializeFormKeys()
                        .orderByTaskCreateTime()
                        .asc()
                        .list(),
                businessKey);
    }

    /** Every open task of the engine: for consistency checks and rebuilding read models. */
    @Transactional(readOnly = true)
    public List<TaskSnapshot> allOpenTasks() {
        return tasks.createTaskQuery().initializeFormKeys().orderByTaskId().asc().list().stream()
                .map(this::snapshot)
                .filter(Objects::nonNull)
                .toList();
    }

    @Transactional(readOnly = true)
    public TaskForm form(String taskId) {
        return form(openTask(taskId));
    }

    /** The form of a task the caller has just read (a request reads a task once and passes it on). */
    @Transactional(readOnly = true)
    public TaskForm form(TaskSnapshot task) {
        String taskId = task.id();
        return FormReader.read(
                taskId, task.key(), task.name(), guarded(taskId, () -> forms.getTaskFormData(taskId)), clock.getZone());
    }

    public void claim(String taskId, String userId) {
        claim(openTask(taskId), userId);
    }

    public void claim(TaskSnapshot task, String userId) {
        String taskId = task.id();
        if (userId.equals(task.assignee())) {
            return;
        }
        if (task.assignee() != null) {
            throw new ConflictException("task.alreadyClaimed", task.assignee());
        }
        runGuarded(taskId, () -> tasks.claim(taskId, userId));
    }

    /** Sets (or with null clears) the day from which a task is to be followed up. */
    public void followUp(TaskSnapshot task, Instant from) {
        runGuarded(task.id(), () -> {
            Task t = tasks.createTaskQuery().taskId(task.id()).singleResult();
            if (t == null) {
                throw new ConflictException("task.completedConcurrently");
            }
            t.setFollowUpDate(from == null ? null : Date.from(from));
            tasks.saveTask(t);
        });
    }

    public void unclaim(String taskId) {
        unclaim(openTask(taskId));
    }

    public void unclaim(TaskSnapshot task) {
        runGuarded(task.id(), () -> tasks.setAssignee(task.id(), null));
    }

    public void assign(String taskId, String userId) {
        assign(openTask(taskId), userId);
    }

    public void assign(TaskSnapshot task, String userId) {
        runGuarded(task.id(), () -> tasks.setAssignee(task.id(), userId));
    }

    /**
     * Validates the submitted values against the task's form and the registered checks, then completes the task
     * as {@code userId} (claiming it first if nobody holds it).
     */
    public TaskSnapshot complete(String taskId, String userId, Map<String, ?> submitted) {
        return complete(openTask(taskId), userId, submitted);
    }

    /** {@link #complete(String, String, Map)} for a task the caller has just read. */
    public TaskSnapshot complete(TaskSnapshot task, String userId, Map<String, ?> submitted) {
        String taskId = task.id();
        if (task.assignee() != null && !task.assignee().equals(userId)) {
            throw new ConflictException("task.claimedByOther", task.assignee());
        }
        TaskForm form = form(task);
        FormValues.Result result = FormValues.convert(form, submitted);
        List<FieldProblem> problems = new ArrayList<>(result.problems());
        if (problems.isEmpty()) {
            for (TaskSubmissionCheck check : checks.orderedStream().toList()) {
                check.check(task, result.values(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> engineValues = new HashMap<>();
        result.values()
                .forEach((name, value) -> engineValues.put(
                        name, value instanceof LocalDate date ? date.format(FormValues.ENGINE_DATE) : value));
        runGuarded(taskId, () -> {
            if (task.assignee() == null) {
                tasks.claim(taskId, userId);
            }
            forms.submitTaskForm(taskId, engineValues);
        });
        return task;
    }

    /**
     * Runs an engine command on a task and translates the ways it loses a race into 409: the task was claimed,
     * changed or ended by another transaction between our read and the engine's write.
     */
    private void runGuarded(String taskId, Runnable action) {
        guarded(taskId, () -> {
            action.run();
            return null;
        });
    }

    private <T> T guarded(String taskId, Supplier<T> action) {
        try {
            return action.get();
        } catch (TaskAlreadyClaimedException e) {
            throw new ConflictException("task.alreadyClaimed", e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw new ConflictException("task.completedConcurrently");
        } catch (FormException e) {
            throw new InvalidInputException("form", "validation.invalid");
        } catch (NullValueException | org.camunda.bpm.engine.exception.NotFoundException e) {
            // the task vanished between our read and the engine's: someone else completed it
            throw new ConflictException("task.completedConcurrently");
        } catch (RuntimeException e) {
            if (isLockConflict(e) || endedMeanwhile(taskId)) {
                throw new ConflictException("task.completedConcurrently");
            }
            throw e;
        }
    }

    /** Whether the task has ended since we read it (read-committed: we see the winner's commit). */
    private boolean endedMeanwhile(String taskId) {
        try {
            return tasks.createTaskQuery().taskId(taskId).count() == 0;
        } catch (RuntimeException queryFailed) {
            return false; // the database refused further statements in this transaction: report the first error
        }
    }

    private static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof OptimisticLockingException) {
                return true;
            }
        }
        return false;
    }

    private RuntimeException ended(String taskId) {
        boolean existed =
                history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
        return existed ? new ConflictException("task.ended") : new NotFoundException("task.notFound");
    }

    /** The process instance that handles a case (grievance or incident process; running or ended), if any. */
    @Transactional(readOnly = true)
    public Optional<ProcessInstanceInfo> caseProcess(long caseId) {
        List<HistoricProcessInstance> list = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(caseId))
                .processDefinitionKeyIn(CaseHandling.PROCESS_KEY, IncidentHandling.PROCESS_KEY)
                .orderByProcessInstanceStartTime()
                .desc()
                .list();
        return list.stream()
                .findFirst()
                .map(p -> new ProcessInstanceInfo(
                        p.getId(),
                        p.getProcessDefinitionId(),
                        p.getProcessDefinitionVersion(),
                        p.getEndTime() != null));
    }

    /** Active and completed activity ids of a process instance, for highlighting its diagram. */
    @Transactional(readOnly = true)
    public DiagramState diagramState(String processInstanceId) {
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .list();
        List<String> active = activities.stream()
                .filter(a -> a.getEndTime() == null)
                .map(HistoricActivityInstance::getActivityId)
                .distinct()
                .toList();
        List<String> done = activities.stream()
                .filter(a -> a.getEndTime() != null)
                .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
                .map(HistoricActivityInstance::getActivityId)
                .distinct()
                .toList();
        return new DiagramState(active, done);
    }

    /** The case's diagram for a viewer: names in the reader's language, without the running tasks' expressions. */
    @Transactional(readOnly = true)
    public String diagramXml(String processDefinitionId, boolean english) {
        return DiagramNames.localize(repository.getBpmnModelInstance(processDefinitionId), english);
    }

    /** The names of elements of a process (e.g. its active ones), in the reader's language. */
    @Transactional(readOnly = true)
    public Map<String, String> elementNames(String processDefinitionId, List<String> ids, boolean english) {
        return DiagramNames.names(repository.getBpmnModelInstance(processDefinitionId), ids, english);
    }

    @Transactional(readOnly = true)
    public String processXml(String processDefinitionId) {
        try (InputStream in = repository.getProcessModel(processDefinitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves an open task's due date (e.g. after the case's clock was paused); the read models follow. */
    public void setDueDate(String taskId, Instant due) {
        openTask(taskId);
        runGuarded(taskId, () -> {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            task.setDueDate(Date.from(due));
            tasks.saveTask(task);
        });
    }

    /**
     * When a timer the case's processes wait on fires (e.g. the next monitoring check), or empty when no process
     * of the case waits on that element.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> nextTimer(long caseId, String activityId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(caseId)).list().stream()
                .flatMap(pi ->
                        management
                                .createJobQuery()
                                .timers()
                                .processInstanceId(pi.getId())
                                .activityId(activityId)
                                .list()
                                .stream())
                .map(job -> job.getDuedate().toInstant())
                .min(Comparator.naturalOrder());
    }

    /** The task's legal step (BPMN extension property {@code legalStep}), or null. */
    @Transactional(readOnly = true)
    public String legalStep(TaskSnapshot task) {
        Task engineTask = tasks.createTaskQuery().taskId(task.id()).singleResult();
        if (engineTask == null) {
            return null;
        }
        var element = repository
                .getBpmnModelInstance(engineTask.getProcessDefinitionId())
                .getModelElementById(task.key());
        return element instanceof UserTask userTask ? BpmnProperties.legalStep(userTask) : null;
    }

    /**
     * Executes every job that is due now by the engine clock, each in its own transaction as the job executor
     * would (tests drive timers with it).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int executeDueJobs() {
        int executed = 0;
        for (var job : management.createJobQuery().executable().active().list()) {
            try {
                management.executeJob(job.getId());
                executed++;
            } catch (RuntimeException e) {
                // the engine has recorded the failure (retries, incident); one failing job does not stop the others
                log.warn("Job {} ({}) failed: {}", job.getId(), job.getProcessInstanceId(), e.getMessage());
            }
        }
        log.debug("Executed {} due job(s)", executed);
        return executed;
    }

    private TaskSnapshot snapshot(Task task) {
        // the instance's own execution by its primary key: the process-instance query by id also asks for
        // "PARENT_ID_ is null", and H2 then walks every process instance (428 of the dashboard's 1,275 samples with
        // 2,800 escalations open; docs/benchmarks.md)
        Execution instance = runtime.createExecutionQuery()
                .executionId(task.getProcessInstanceId())
                .singleResult();
        if (!(instance instanceof ProcessInstance processInstance)) {
            return null; // the process ended while we were reading the task
        }
        Map<String, String> businessKeys = new HashMap<>(); // a process without a business key maps to null
        businessKeys.put(processInstance.getId(), processInstance.getBusinessKey());
        return snapshots(List.of(task), businessKeys).get(0);
    }

    /**
     * The snapshots of tasks of processes under one business key, read with one query for their instances and one
     * for their variables (not three per task); a task whose process ended meanwhile is left out.
     */
    private List<TaskSnapshot> snapshots(List<Task> found, String businessKey) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, String> alive = new HashMap<>();
        runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .list()
                .forEach(pi -> alive.put(pi.getId(), businessKey));
        return snapshots(
                found.stream()
                        .filter(t -> alive.containsKey(t.getProcessInstanceId()))
                        .toList(),
                alive);
    }

    /** Snapshots of tasks whose process instances are known to run, with those instances' business keys. */
    private List<TaskSnapshot> snapshots(List<Task> found, Map<String, String> businessKeys) {
        if (found.isEmpty()) {
            return List.of();
        }
        // a query, not TaskService#getVariable: the latter fails inside the engine when another transaction ends
        // the task's execution while we read it
        Map<String, List<org.camunda.bpm.engine.runtime.VariableInstance>> variables = new HashMap<>();
        runtime
                .createVariableInstanceQuery()
                .processInstanceIdIn(found.stream()
                        .map(Task::getProcessInstanceId)
                        .distinct()
                        .toArray(String[]::new))
                .variableNameIn(
                        InformationRequestProcess.VAR_REQUEST_ID,
                        SlaEscalation.VAR_ESCALATION_ID,
                        TaskSnapshot.VAR_NAME_EN)
                .list()
                .stream()
                .filter(v -> v.getValue() != null)
                .forEach(v -> variables
                        .computeIfAbsent(v.getProcessInstanceId(), k -> new ArrayList<>())
                        .add(v));
        List<TaskSnapshot> snapshots = new ArrayList<>();
        for (Task task : found) {
            List<String> groups = new ArrayList<>();
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
            Map<String, Object> context = new HashMap<>();
            variables.getOrDefault(task.getProcessInstanceId(), List.of()).stream()
                    .filter(v -> !TaskSnapshot.VAR_NAME_EN.equals(v.getName())
                            || task.getId().equals(v.getTaskId()))
                    .forEach(v -> context.put(v.getName(), v.getValue()));
            Object nameEn = context.remove(TaskSnapshot.VAR_NAME_EN);
            String definitionId = task.getProcessDefinitionId();
            snapshots.add(new TaskSnapshot(
                    task.getId(),
                    task.getTaskDefinitionKey(),
                    task.getName(),
                    definitionId.substring(0, definitionId.indexOf(':')),
                    task.getProcessInstanceId(),
                    businessKeys.get(task.getProcessInstanceId()),
                    List.copyOf(groups),
                    task.getAssignee(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    task.getCreateTime().toInstant(),
                    task.getFormKey(),
                    Map.copyOf(context),
                    nameEn == null ? null : nameEn.toString(),
                    task.getPriority(),
                    task.getFollowUpDate() == null
                            ? null
                            : task.getFollowUpDate().toInstant()));
        }
        return snapshots;
    }

    /** A process instance of a case. */
    public record ProcessInstanceInfo(String id, String definitionId, int version, boolean ended) {}

    /** Which elements of a diagram are active now and which were passed. */
    public record DiagramState(List<String> active, List<String> completed) {}
}
