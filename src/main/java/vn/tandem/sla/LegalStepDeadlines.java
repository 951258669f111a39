package vn.tandem.sla;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.process.SlaWindow;
import vn.tandem.process.StepDeadlines;

/**
 * The legal clock as the process engine sees it: a step's window is the case's clock for that step under its
 * pinned rule version, with pauses and extensions applied — the same numbers the case page and the dashboard show.
 * Asking for a step's window starts (pins) the case's clocks.
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
        Optional<LegalStep> step = LegalStep.parse(legalStep);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        return caseFiles
                .byId(caseId)
                .flatMap(c -> {
                    clocks.pin(c);
                    return clocks.step(c, step.get());
                })
                .flatMap(clock -> {
                    var deadline = clock.deadline();
                    LocalDate due = deadline.due();
                    if (due == null) {
                        return Optional.empty();
                    }
                    return Optional.of(
                            new SlaWindow(deadline.start(), due, rules.warningDay(deadline), deadline.statutoryDue()));
                });
    }

    @Override
    public boolean isLegalStep(String name) {
        return LegalStep.parse(name)
                .filter(s -> s.kind() == LegalStep.Kind.STEP && s.name().equals(name))
                .isPresent();
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
