package vn.tandem.process;

import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by the situation module: records the report rounds whose period has started and answers those that
 * still need a report task. Called by the daily run of {@code bpmn/situation-report.bpmn}; opening is idempotent
 * (a round is opened once per unit and period, however often the run repeats).
 */
public interface ReportRounds {

    /** Opens the rounds due on {@code today} that are not open yet; those already reported need no task. */
    List<Round> openDue(LocalDate today);

    /**
     * A round that needs its report: the process's business key, the unit, the period reported on, the candidate
     * group of the unit's officers and the day the report is due.
     */
    record Round(
            String businessKey,
            long unitId,
            LocalDate periodFrom,
            LocalDate periodTo,
            String reporterGroup,
            LocalDate dueOn) {}
}
