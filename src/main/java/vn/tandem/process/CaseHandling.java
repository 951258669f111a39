package vn.tandem.process;

/** Names of {@code bpmn/case-handling.bpmn}: process key, task keys, variables. */
public final class CaseHandling {

    public static final String PROCESS_KEY = "case-handling";

    public static final String TASK_ACCEPT = "Task_Accept";
    public static final String TASK_VERIFY_DANVAN = "Task_VerifyDanvan";
    public static final String TASK_VERIFY_CONGAN = "Task_VerifyCongan";
    public static final String TASK_PROPOSE = "Task_ProposeSolution";
    public static final String TASK_APPROVE = "Task_ApproveSolution";
    public static final String TASK_IMPLEMENT = "Task_Implement";
    public static final String TASK_OUTCOME = "Task_RecordOutcome";
    public static final String TASK_MONITORING_CHECK = "Task_MonitoringCheck";
    public static final String TASK_FINAL_MONITORING_CHECK = "Task_FinalMonitoringCheck";
    /** The timer before each monitoring check. */
    public static final String EVENT_MONITORING_DUE = "Event_MonitoringDue";

    public static final String TASK_HOTSPOT_DANVAN = "Task_HotSpotDanvan";
    public static final String TASK_HOTSPOT_CONGAN = "Task_HotSpotCongan";
    /** Message that starts the hot-spot event sub-process (non-interrupting). */
    public static final String MESSAGE_HOTSPOT = "HotSpotRaised";

    public static final String VAR_HOTSPOT_REASON = "hotspotReason";

    /** Acceptance form: the case's complexity (STANDARD, COMPLEX, VERY_COMPLEX) and a denunciation's several sites. */
    public static final String FIELD_COMPLEXITY = "complexity";

    public static final String FIELD_SEVERAL_SITES = "severalSites";

    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_CASE_CODE = "caseCode";
    public static final String VAR_CASE_TYPE = "caseType";
    public static final String VAR_LEAD_AGENCY = "leadAgency";
    public static final String VAR_LEAD_OFFICERS = "leadOfficers";
    public static final String VAR_LEAD_SUPERVISORS = "leadSupervisors";
    public static final String VAR_ASSIGNED_OFFICER = "assignedOfficer";
    public static final String VAR_MONITORING_CHECK = "monitoringCheckNumber";
    /** ISO date the case was received (starts the acceptance clock). */
    public static final String VAR_RECEIVED_ON = "receivedOn";
    /** ISO date the case was accepted (starts the resolution clock and fixes the rule version). */
    public static final String VAR_ACCEPTED_ON = "acceptedOn";

    private CaseHandling() {}
}
