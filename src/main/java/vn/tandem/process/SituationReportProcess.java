package vn.tandem.process;

/**
 * Names of {@code bpmn/situation-report.bpmn}: a daily timer opens the report rounds of the units whose period
 * starts (one report task each, started by message under the round's business key); filing the report completes
 * the task; its due date comes from the legal clock's {@code SITUATION_REPORT} rule.
 */
public final class SituationReportProcess {

    public static final String PROCESS_KEY = "situation-report";

    /** The task of a unit's officers: file the report of the period that has just ended. */
    public static final String TASK_FILE_REPORT = "Task_FileReport";
    /** Its form key: the task page leads to the report form instead of completing the task itself. */
    public static final String FORM_KEY = "tandem:situation-report";

    public static final String MESSAGE_ROUND_OPENED = "SituationReportRoundOpened";

    public static final String VAR_UNIT_ID = "unitId";
    public static final String VAR_PERIOD_FROM = "periodFrom";
    public static final String VAR_PERIOD_TO = "periodTo";
    public static final String VAR_REPORTER_GROUP = "reporterGroup";
    public static final String VAR_DUE_DATE = "dueDate";
    /** How many rounds the daily run opened (kept in the run's history). */
    public static final String VAR_ROUNDS_OPENED = "roundsOpened";

    private SituationReportProcess() {}
}
