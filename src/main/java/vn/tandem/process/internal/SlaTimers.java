package vn.tandem.process.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.tandem.process.FormValues;
import vn.tandem.process.SlaEscalation;
import vn.tandem.process.SlaWindow;
import vn.tandem.process.StepDeadlines;
import vn.tandem.process.TandemClock;

/**
 * Due dates and SLA timer dates, referenced from the BPMN as {@code ${slaTimers...}}. A task's window comes from
 * the legal clock when the task belongs to a legal step ({@code legalStep} property), otherwise from its explicit
 * due date or the per-task default. Warnings fire at the start of the first at-risk day, breaches at the start of
 * the day after the due day (Asia/Ho_Chi_Minh), so the timers agree with the dashboard's states.
 */
@Component("slaTimers")
public class SlaTimers {

    private final TandemClock clock;
    private final TaskProperties properties;
    private final ObjectProvider<StepDeadlines> deadlines;
    private final int escalationWorkingDays;

    public SlaTimers(
            TandemClock clock,
            TaskProperties properties,
            ObjectProvider<StepDeadlines> deadlines,
            @Value("${tandem.sla.escalation-working-days:2}") int escalationWorkingDays) {
        this.clock = clock;
        this.properties = properties;
        this.deadlines = deadlines;
        this.escalationWorkingDays = escalationWorkingDays;
    }

    /** Timer date of a task's 75% warning (boundary event on the task; the execution is the task's scope). */
    public Date warning(DelegateExecution execution) {
        return startOfDay(windowOf(execution).warningDay());
    }

    /** Timer date of a task's breach: the start of the day after its due day. */
    public Date breach(DelegateExecution execution) {
        return startOfDay(windowOf(execution).due().plusDays(1));
    }

    /** Due date of a supervisor's escalation task: end of the n-th working day from today. */
    public Date escalationDue(DelegateExecution execution) {
        return endOfDay(escalationDueDay());
    }

    /** When an unhandled escalation goes to the next level: the start of the day after its due day. */
    public Date escalationOverdue(DelegateExecution execution) {
        return startOfDay(escalationDueDay().plusDays(1));
    }

    /** After an extension: when the watched task breaches its new deadline. */
    public Date watchedBreach(DelegateExecution execution) {
        Object taskId = execution.getVariable(SlaEscalation.VAR_WATCHED_TASK_ID);
        Task task = taskId == null
                ? null
                : execution
                        .getProcessEngineServices()
                        .getTaskService()
                        .createTaskQuery()
                        .taskId(taskId.toString())
                        .singleResult();
        if (task == null || task.getDueDate() == null) {
            return Date.from(clock.instant());
        }
        return startOfDay(task.getDueDate()
                .toInstant()
                .atZone(clock.getZone())
                .toLocalDate()
                .plusDays(1));
    }

    public boolean hasStatutory(DelegateExecution execution) {
        return execution.getVariable(SlaEscalation.VAR_STATUTORY_BREACH_AT) != null;
    }

    public Date statutoryBreach(DelegateExecution execution) {
        return (Date) execution.getVariable(SlaEscalation.VAR_STATUTORY_BREACH_AT);
    }

    /** Due date of a joint-meeting task: the end of the meeting day (or of the escalation due day). */
    public Date meetingDue(DelegateExecution execution) {
        Object value = execution.getVariable(SlaEscalation.FIELD_MEETING_DATE);
        LocalDate day = FormValues.engineDate(value);
        return endOfDay(day == null || day.isBefore(today()) ? escalationDueDay() : day);
    }

    /** The due instant a new user task gets: the end of its window's due day. */
    Instant due(String businessKey, UserTask element, VariableScope variables, String taskKey) {
        return endOf(window(businessKey, element, variables, taskKey, null)).toInstant();
    }

    private Date endOf(SlaWindow window) {
        return endOfDay(window.due());
    }

    /** The window of the task an SLA boundary timer (or its scope execution) belongs to. */
    SlaWindow windowOf(DelegateExecution execution) {
        ModelElementInstance element = execution.getBpmnModelElementInstance();
        if (element instanceof BoundaryEvent boundary) {
            element = boundary.getAttachedTo();
        }
        if (!(element instanceof UserTask)) {
            String activityId = execution.getCurrentActivityId();
            element =
                    activityId == null ? null : execution.getBpmnModelInstance().getModelElementById(activityId);
        }
        if (!(element instanceof UserTask task)) {
            throw new IllegalStateException(
                    "SLA timers belong on user tasks, not on " + execution.getCurrentActivityId());
        }
        return window(execution.getProcessBusinessKey(), task, execution, task.getId(), explicitDue(task, execution));
    }

    /**
     * The window of a user task: the legal clock's window of its step, else from its explicit due date, else the
     * per-task default; the last two count working days from today.
     */
    public SlaWindow window(
            String businessKey, UserTask element, VariableScope variables, String taskKey, Instant explicitDue) {
        String step = BpmnProperties.legalStep(element);
        StepDeadlines legal = deadlines.getIfAvailable();
        if (step != null
                && legal != null
                && businessKey != null
                && businessKey.chars().allMatch(Character::isDigit)) {
            Optional<SlaWindow> window = legalWindow(legal, Long.parseLong(businessKey), step);
            if (window.isPresent()) {
                return window.get();
            }
        }
        LocalDate today = today();
        LocalDate due;
        if (explicitDue != null) {
            due = explicitDue.atZone(clock.getZone()).toLocalDate();
        } else {
            due = today.plusDays(properties.dueDaysOf(taskKey)); // the per-task default counts calendar days
        }
        if (due.isBefore(today)) {
            due = today;
        }
        int total = legal == null ? (int) ChronoUnit.DAYS.between(today, due) : legal.workingDaysBetween(today, due);
        int atRisk = (total * 3 + 3) / 4; // first day with used * 4 >= total * 3
        LocalDate warning = legal == null ? today.plusDays(atRisk) : legal.addWorkingDays(today, atRisk);
        if (warning.isAfter(due)) {
            warning = due;
        }
        return new SlaWindow(today, due, warning, null);
    }

    /** The last legal window computed, and the engine command it was computed in. */
    private record Computed(
            java.lang.ref.WeakReference<Object> command, long caseId, String step, Optional<SlaWindow> window) {}

    private final ThreadLocal<Computed> last = new ThreadLocal<>();

    /**
     * The legal clock's window of a case's step, computed once per engine command: creating a task asks for it
     * three times (its due date, its warning timer, its breach timer), and nothing in one command moves it between
     * those calls (each was a computation of the case's clocks: 111 of 1,576 samples of the benchmark's flow).
     */
    private Optional<SlaWindow> legalWindow(StepDeadlines legal, long caseId, String step) {
        Object command = Context.getCommandContext();
        Computed computed = last.get();
        if (command != null
                && computed != null
                && computed.command().get() == command
                && computed.caseId() == caseId
                && computed.step().equals(step)) {
            return computed.window();
        }
        Optional<SlaWindow> window = legal.window(caseId, step);
        if (command != null) {
            last.set(new Computed(new java.lang.ref.WeakReference<>(command), caseId, step, window));
        } else {
            last.remove();
        }
        return window;
    }

    /** The task's {@code camunda:dueDate} expression evaluated in the execution (e.g. an information request's). */
    private Instant explicitDue(UserTask task, DelegateExecution execution) {
        String expression = task.getCamundaDueDate();
        if (expression == null || expression.isBlank() || Context.getProcessEngineConfiguration() == null) {
            return null;
        }
        Object value = Context.getProcessEngineConfiguration()
                .getExpressionManager()
                .createExpression(expression)
                .getValue(execution);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return null;
    }

    private LocalDate escalationDueDay() {
        StepDeadlines legal = deadlines.getIfAvailable();
        return legal == null
                ? today().plusDays(escalationWorkingDays)
                : legal.addWorkingDays(today(), escalationWorkingDays);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    public Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    public Date endOfDay(LocalDate day) {
        return Date.from(
                day.atTime(LocalTime.of(23, 59, 59)).atZone(clock.getZone()).toInstant());
    }
}
