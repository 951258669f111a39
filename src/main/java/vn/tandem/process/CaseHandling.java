package vn.tandem.process;

/** Names of {@code bpmn/case-handling.bpmn}: process key, task keys, variables. */
public final class CaseHandling {

    public static final String PROCESS_KEY = "case-handling";

    public static final String TASK_ACCEPT = "Task_Accept";
    /** Verification by each agency taking part: one instance per agency of the multi-instance sub-process. */
    public static final String SUBPROCESS_VERIFICATION = "SubProcess_Verification";

    /** One agency's verification, inside {@link #SUBPROCESS_VERIFICATION}. */
    public static final String TASK_VERIFY = "Task_Verify";

    public static final String TASK_PROPOSE = "Task_ProposeSolution";
    public static final String TASK_APPROVE = "Task_ApproveSolution";
    public static final String TASK_IMPLEMENT = "Task_Implement";
    public static final String TASK_OUTCOME = "Task_RecordOutcome";
    public static final String TASK_MONITORING_CHECK = "Task_MonitoringCheck";
    public static final String TASK_FINAL_MONITORING_CHECK = "Task_FinalMonitoringCheck";
    /** The timer before each monitoring check. */
    public static final String EVENT_MONITORING_DUE = "Event_MonitoringDue";

    /** Urgent direction on a hot spot: one task per agency taking part (multi-instance). */
    public static final String TASK_HOTSPOT = "Task_HotSpot";
    /** Message that starts the hot-spot event sub-process (non-interrupting). */
    public static final String MESSAGE_HOTSPOT = "HotSpotRaised";

    public static final String VAR_HOTSPOT_REASON = "hotspotReason";

    /** Acceptance form: the decision (ACCEPT, TRANSFER, MERGE, REFUSE) and what each needs. */
    public static final String FIELD_DECISION = "decision";

    public static final String DECISION_ACCEPT = "ACCEPT";
    public static final String DECISION_MERGE = "MERGE";
    public static final String DECISION_TRANSFER = "TRANSFER";
    /** At a transfer: the competent body the matter is sent to. */
    public static final String FIELD_COMPETENT_BODY = "competentBody";
    /** At a transfer, merge or refusal: why. */
    public static final String FIELD_REASON = "reason";

    public static final String FIELD_MERGE_INTO = "mergeInto";

    /** Versions deployed before complexity had three levels had a yes/no field {@code complex}. */
    public static final String LEGACY_FIELD_COMPLEX = "complex";

    /** Acceptance form: the case's complexity (STANDARD, COMPLEX, VERY_COMPLEX) and a denunciation's several sites. */
    public static final String FIELD_COMPLEXITY = "complexity";

    public static final String FIELD_SEVERAL_SITES = "severalSites";

    /** Verification form: what the agency found, the risk it sees (LOW, MEDIUM, HIGH), what it recommends. */
    public static final String FIELD_FINDINGS = "findings";

    public static final String FIELD_RISK_LEVEL = "riskLevel";
    public static final String FIELD_RECOMMENDATION = "recommendation";

    /** Proposal and approval forms. */
    public static final String FIELD_PLAN = "plan";

    public static final String FIELD_MEASURES = "measures";
    public static final String FIELD_APPROVAL = "approvalDecision";
    public static final String FIELD_COMMENTS = "comments";

    /** The {@code event} input of the lifecycle service task that reopens a case after a flare-up. */
    public static final String EVENT_REOPENED = "REOPENED";

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
