package vn.tandem.process.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValidation;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.tandem.process.FieldValue;
import vn.tandem.process.InformationRequestProcess;
import vn.tandem.process.SlaEscalation;
import vn.tandem.process.TandemClock;
import vn.tandem.process.TaskChanged;
import vn.tandem.process.TaskClosed;
import vn.tandem.process.TaskOpened;
import vn.tandem.process.TaskSnapshot;

/**
 * The global task listener (added to every user task by {@link TandemEnginePlugin}): gives a task its default due
 * date and publishes {@link TaskOpened}, {@link TaskChanged} and {@link TaskClosed} synchronously, so listeners
 * update their read models in the engine's transaction.
 */
@Component("taskEventsListener")
class TaskEventsListener implements TaskListener {

    private static final DateTimeFormatter DISPLAY_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<String> CONTEXT_VARIABLES =
            List.of(InformationRequestProcess.VAR_REQUEST_ID, SlaEscalation.VAR_ESCALATION_ID);

    private final ApplicationEventPublisher events;
    private final TandemClock clock;
    private final SlaTimers slaTimers;

    TaskEventsListener(ApplicationEventPublisher events, TandemClock clock, SlaTimers slaTimers) {
        this.events = events;
        this.clock = clock;
        this.slaTimers = slaTimers;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getEventName() == null || task.getExecution() == null) {
            // the engine leaves the event name unset when the task's execution is gone: another transaction
            // ended the task between our reading it and firing this event; that command must lose
            throw new OptimisticLockingException("Task " + task.getId() + " was ended by a concurrent transaction");
        }
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                englishName(task);
                if (task.getDueDate() == null) {
                    task.setDueDate(Date.from(slaTimers.due(
                            task.getExecution().getProcessBusinessKey(),
                            task.getBpmnModelElementInstance(),
                            task,
                            task.getTaskDefinitionKey())));
                }
                events.publishEvent(new TaskOpened(snapshot(task)));
            }
            case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE -> events.publishEvent(new TaskChanged(snapshot(task)));
            case EVENTNAME_COMPLETE -> {
                events.publishEvent(new TaskClosed(snapshot(task), true, task.getAssignee(), values(task)));
                endEscalations(task);
            }
            case EVENTNAME_DELETE -> {
                events.publishEvent(new TaskClosed(snapshot(task), false, null, List.of()));
                endEscalations(task);
            }
            default -> {
                // timeout events carry no state change
            }
        }
    }

    /**
     * The task's English name: the model's {@code name.en} property, evaluated like the name itself (it may name the
     * agency of a multi-instance step), kept as a task-local variable for the read models.
     */
    private static void englishName(DelegateTask task) {
        String template = BpmnProperties.property(task.getBpmnModelElementInstance(), BpmnProperties.NAME_EN);
        if (template == null || template.isBlank()) {
            return;
        }
        Object value = template.contains("${")
                ? Context.getProcessEngineConfiguration()
                        .getExpressionManager()
                        .createExpression(template)
                        .getValue(task.getExecution())
                : template;
        if (value != null) {
            task.setVariableLocal(TaskSnapshot.VAR_NAME_EN, value.toString());
        }
    }

    /**
     * A task that is done ends the escalation ladders watching it (their interrupting event sub-process). Only tasks
     * with SLA timers can be watched, so the others skip the message correlation and its query.
     */
    private static void endEscalations(DelegateTask task) {
        UserTask model = task.getBpmnModelElementInstance();
        if (model == null
                || model.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
                        .noneMatch(b -> b.getAttachedTo() == model
                                && BpmnProperties.property(b, SlaTimerListener.SLA) != null)) {
            return;
        }
        var correlation = task.getProcessEngineServices()
                .getRuntimeService()
                .createMessageCorrelation(SlaEscalation.MESSAGE_STEP_DONE)
                .processInstanceVariableEquals(SlaEscalation.VAR_WATCHED_TASK_ID, task.getId());
        // a ladder runs under the business key of the task it watches (SlaLadder.startEscalation): narrowing to it
        // lets the query start from the business-key index instead of reading every running instance's variables
        // (docs/benchmarks.md: the case flow's cost grew with the number of open cases before)
        String businessKey = task.getExecution().getProcessBusinessKey();
        if (businessKey != null) {
            correlation.processInstanceBusinessKey(businessKey);
        }
        correlation.correlateAllWithResult();
    }

    static TaskSnapshot snapshot(DelegateTask task) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        Map<String, Object> context = new HashMap<>();
        for (String name : CONTEXT_VARIABLES) {
            Object value = task.getVariable(name);
            if (value != null) {
                context.put(name, value);
            }
        }
        String definitionId = task.getProcessDefinitionId();
        String processKey = definitionId == null ? null : definitionId.substring(0, definitionId.indexOf(':'));
        UserTask model = task.getBpmnModelElementInstance();
        return new TaskSnapshot(
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                processKey,
                task.getProcessInstanceId(),
                task.getExecution().getProcessBusinessKey(),
                List.copyOf(groups),
                task.getAssignee(),
                toInstant(task.getDueDate()),
                toInstant(task.getCreateTime()),
                model == null ? null : model.getCamundaFormKey(),
                Map.copyOf(context),
                (String) task.getVariableLocal(TaskSnapshot.VAR_NAME_EN),
                task.getPriority(),
                toInstant(task.getFollowUpDate()));
    }

    /** The task's writable form fields with the values just submitted, as the timeline shows them. */
    private List<FieldValue> values(DelegateTask task) {
        UserTask model = task.getBpmnModelElementInstance();
        if (model == null || model.getExtensionElements() == null) {
            return List.of();
        }
        List<FieldValue> values = new ArrayList<>();
        for (CamundaFormData data : model.getExtensionElements()
                .getElementsQuery()
                .filterByType(CamundaFormData.class)
                .list()) {
            for (CamundaFormField field : data.getCamundaFormFields()) {
                if (isReadOnly(field)) {
                    continue;
                }
                Object value = task.getVariable(field.getCamundaId());
                values.add(new FieldValue(
                        field.getCamundaId(),
                        field.getCamundaLabel(),
                        property(field, "en"),
                        field.getCamundaType(),
                        value,
                        display(field, value, clock.getZone(), false),
                        display(field, value, clock.getZone(), true)));
            }
        }
        return values;
    }

    private static boolean isReadOnly(CamundaFormField field) {
        CamundaValidation validation = field.getCamundaValidation();
        return validation != null
                && validation.getCamundaConstraints().stream().anyMatch(c -> "readonly".equals(c.getCamundaName()));
    }

    private static String property(CamundaFormField field, String name) {
        if (field.getCamundaProperties() == null) {
            return null;
        }
        return field.getCamundaProperties().getCamundaProperties().stream()
                .filter(p -> name.equals(p.getCamundaId()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst()
                .orElse(null);
    }

    /** "yes"/"no" from the bundles (the engine side has no Spring context to ask). */
    static String yesNo(boolean value, boolean english) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "messages",
                english ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString(value ? "common.yes" : "common.no");
    }

    private static String display(CamundaFormField field, Object value, ZoneId zone, boolean english) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), zone).format(DISPLAY_DATE);
        }
        if (value instanceof Boolean b) {
            return yesNo(b, english);
        }
        if ("enum".equals(field.getCamundaType())) {
            for (CamundaValue option : field.getCamundaValues()) {
                if (option.getCamundaId().equals(value.toString())) {
                    String en = english ? property(field, "en." + option.getCamundaId()) : null;
                    return en != null ? en : option.getCamundaName();
                }
            }
        }
        return value.toString();
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
