package vn.tandem.process;

import java.util.Set;

/** Names of {@code bpmn/sla-escalation.bpmn}: the escalation ladder started when a task is overdue. */
public final class SlaEscalation {

    public static final String PROCESS_KEY = "sla-escalation";

    public static final String TASK_HANDLE = "Task_HandleEscalation";
    public static final String TASK_HANDLE_PROVINCIAL = "Task_HandleEscalationProvincial";
    public static final String TASK_MEETING_DANVAN = "Task_MeetingDanvan";
    public static final String TASK_MEETING_CONGAN = "Task_MeetingCongan";
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

    public static final String ACTION_EXTEND = "EXTEND";
    public static final String ACTION_REASSIGN = "REASSIGN";
    public static final String ACTION_MEETING = "MEETING";
    public static final String ACTION_CLOSE = "CLOSE";

    private SlaEscalation() {}

    public static boolean isHandlingTask(String taskKey) {
        return HANDLING_TASKS.contains(taskKey);
    }
}
