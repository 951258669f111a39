package vn.tandem.oversight;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.process.SlaWindow;
import vn.tandem.process.StepDeadlines;
import vn.tandem.sla.LegalCalendar;
import vn.tandem.sla.LegalRules;

/**
 * The legal clock as the process engine sees it: a step's window is the case's clock for that step under the rule
 * version in force when it started, with pauses and extensions applied — the same numbers the dashboard shows.
 */
@Component
class LegalStepDeadlines implements StepDeadlines {

    private final CaseFiles caseFiles;
    private final CaseClocks clocks;
    private final LegalRules rules;
    private final LegalCalendar calendar;

    LegalStepDeadlines(CaseFiles caseFiles, CaseClocks clocks, LegalRules rules, LegalCalendar calendar) {
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.rules = rules;
        this.calendar = calendar;
    }

    @Override
    public Optional<SlaWindow> window(long caseId, String legalStep) {
        return caseFiles.byId(caseId).flatMap(c -> clocks.step(c, legalStep)).flatMap(clock -> {
            var deadline = clock.deadline();
            LocalDate due = deadline.targetDue() != null ? deadline.targetDue() : deadline.statutoryDue();
            if (due == null) {
                return Optional.empty();
            }
            return Optional.of(new SlaWindow(deadline.start(), due, rules.warningDay(deadline),
                    deadline.statutoryDue()));
        });
    }

    @Override
    public LocalDate addWorkingDays(LocalDate start, int days) {
        return calendar.addWorkingDays(start, days);
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar.workingDaysBetween(from, to);
    }
}
