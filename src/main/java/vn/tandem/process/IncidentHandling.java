package vn.tandem.process;

import java.util.List;

/**
 * Names of {@code bpmn/incident-handling.bpmn}: a security-and-order incident from detection to stabilization. It
 * shares with the grievance process ({@link CaseHandling}) its variables, the hot-spot message and task, the outcome
 * and monitoring steps (same ids), so what keys on those works for both.
 */
public final class IncidentHandling {

    public static final String PROCESS_KEY = "incident-handling";

    /** The first response on scene, by the officers of the agency that responds first (the lead). */
    public static final String TASK_FIRST_RESPONSE = "Task_FirstResponse";

    /** Joint assessment: one instance per agency taking part. */
    public static final String SUBPROCESS_ASSESSMENT = "SubProcess_JointAssessment";

    /** One agency's assessment, inside {@link #SUBPROCESS_ASSESSMENT}; its fields are the verification's. */
    public static final String TASK_ASSESS = "Task_AssessIncident";

    public static final String TASK_PLAN = "Task_ResponsePlan";
    public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
    public static final String TASK_RESPOND = "Task_Respond";

    /** First-response form: what the forces found, who was deployed, what they did, and whether it is settled. */
    public static final String FIELD_SITUATION = "situationOnArrival";

    public static final String FIELD_FORCES = "forcesDeployed";
    public static final String FIELD_IMMEDIATE_MEASURES = "immediateMeasures";
    public static final String FIELD_FIRST_RESPONSE_RESULT = "firstResponseResult";
    public static final String RESULT_SETTLED = "SETTLED";
    public static final String RESULT_ASSESS = "ASSESS";

    /** Response-plan form: the plan ({@link CaseHandling#FIELD_PLAN}) and its measures by kind. */
    public static final String FIELD_DIALOGUE = "dialogue";

    public static final String FIELD_PERSUASION = "persuasion";
    public static final String FIELD_FORCES_PRESENCE = "forcesPresence";
    public static final String FIELD_LEGAL_MEASURES = "legalMeasures";

    /** The measure kinds of a response plan; a plan names at least one. */
    public static final List<String> MEASURE_FIELDS =
            List.of(FIELD_DIALOGUE, FIELD_PERSUASION, FIELD_FORCES_PRESENCE, FIELD_LEGAL_MEASURES);

    private IncidentHandling() {}
}
