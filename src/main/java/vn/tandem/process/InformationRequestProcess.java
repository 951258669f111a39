package vn.tandem.process;

/** Names of {@code bpmn/information-request.bpmn}. */
public final class InformationRequestProcess {

    public static final String PROCESS_KEY = "information-request";

    public static final String TASK_ANSWER = "Task_AnswerRequest";
    public static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeAnswer";

    public static final String VAR_REQUEST_ID = "requestId";
    public static final String VAR_QUESTION = "question";
    public static final String VAR_ANSWER = "answer";
    public static final String VAR_FOLLOW_UP = "followUpQuestion";
    public static final String VAR_DECISION = "ackDecision";
    /** The acknowledgement's choice to ask again instead of closing the request. */
    public static final String DECISION_FOLLOW_UP = "FOLLOW_UP";

    public static final String VAR_DUE_DATE = "dueDate";
    public static final String VAR_REQUESTED_BY = "requestedBy";
    public static final String VAR_ANSWERING_GROUP = "answeringGroup";
    public static final String VAR_REQUESTING_GROUP = "requestingGroup";
    /** The answer task's priority: {@link #PRIORITY_URGENT} for an urgent request (marked in the inbox). */
    public static final String VAR_PRIORITY = "priority";

    public static final int PRIORITY_NORMAL = 50;
    public static final int PRIORITY_URGENT = 90;

    private InformationRequestProcess() {}
}
