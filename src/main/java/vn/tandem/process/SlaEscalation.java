package vn.tandem.process;

import java.util.Set;

/** Names of {@code bpmn/sla-escalation.bpmn}: the escalation ladder started when a task is overdue. */
public final class SlaEscalation {

    public static final String PROCESS_KEY = "sla-escalation";

    public static final String TASK_HANDLE = "Task_HandleEscalation";
    public static final String TASK_HANDLE_PROVINCIAL = "Task_HandleEscalationProvincial";
    /** The joint meeting: one task per agency taking part (multi-instance). */
    public static final String TASK_MEETING = "Task_Meeting";

    public static final Set<String> HANDLING_TASKS = Set.of(TASK_HANDLE, TASK_HANDLE_PROVINCIAL);

    /** Message that ends the ladder once the overdue task is done. */
    public static final String MESSAGE_STEP_DONE = "SlaStepDone";

    public static final String VAR_ESCALATION_ID = "escalationId";
    public static final String VAR_WATCHED_TASK_ID = "watchedTaskId";
    public static final String VAR_WATCHED_TASK_KEY = "watchedTaskKey";
    public static final String VAR_WATCHED_TASK_NAME = "watchedTaskName";
    public static final String VAR_WATCHED_DUE = "watchedDue";
    public static final String VAR_SUPERVISOR_GROUP = "supervisorGroup";
    public static final String VAR_PROVINCIAL_GROUP = "provincialGroup";
    public static final String VAR_STATUTORY_BREACH_AT = "statutoryBreachAt";
    public static final String VAR_ACTION = "escalationAction";

    /** The escalation form's fields. */
    public static final String FIELD_DECISION_NUMBER = "decisionNumber";

    public static final String FIELD_DECISION_DATE = "decisionDate";
    public static final String FIELD_NEW_DEADLINE = "newDeadline";
    public static final String FIELD_REASSIGN_TO = "reassignTo";
    public static final String FIELD_MEETING_DATE = "meetingDate";
    public static final String FIELD_MEETING_AGENDA = "meetingAgenda";
    public static final String FIELD_NOTE = "escalationNote";

    /** After an extension: fires when the watched task passes its new deadline (another round). */
    public static final String EVENT_EXTENDED_DEADLINE_PASSED = "Event_ExtendedDeadlinePassed";

    /** Fires when the statutory limit passes while the watched task is open (a hot spot). */
    public static final String EVENT_STATUTORY_BREACHED = "Event_StatutoryBreached";

    public static final String ACTION_EXTEND = "EXTEND";
    public static final String ACTION_REASSIGN = "REASSIGN";
    public static final String ACTION_MEETING = "MEETING";
    public static final String ACTION_CLOSE = "CLOSE";

    private SlaEscalation() {}

    public static boolean isHandlingTask(String taskKey) {
        return HANDLING_TASKS.contains(taskKey);
    }
}
