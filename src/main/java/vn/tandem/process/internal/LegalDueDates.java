package vn.tandem.process.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TandemClock;
import vn.tandem.sla.LegalRules;

/**
 * Task due dates from the legal clock: the provincial target date of the task's step under the rule version in
 * force on the day the step started (acceptance for RESOLVE, receipt for ACCEPT), end of that day in
 * Asia/Ho_Chi_Minh. Steps without a rule keep the per-task default.
 */
@Component
class LegalDueDates implements DueDates {

    private final LegalRules rules;
    private final TandemClock clock;

    LegalDueDates(LegalRules rules, TandemClock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> due(String legalStep, DelegateTask task) {
        Object type = task.getVariable(CaseHandling.VAR_CASE_TYPE);
        if (type == null) {
            return Optional.empty();
        }
        LocalDate start = date(task, "ACCEPT".equals(legalStep) ? CaseHandling.VAR_RECEIVED_ON
                : CaseHandling.VAR_ACCEPTED_ON);
        String variant = Boolean.TRUE.equals(task.getVariable("complex")) ? "COMPLEX" : "STANDARD";
        return rules.ruleFor(type.toString(), legalStep, 1, variant, start).map(rule -> rules.deadline(rule, start))
                .map(d -> d.targetDue() != null ? d.targetDue() : d.statutoryDue())
                .map(day -> day.atTime(LocalTime.of(23, 59, 59)).atZone(clock.getZone()).toInstant());
    }

    private LocalDate date(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        return value == null ? LocalDate.now(clock) : LocalDate.parse(value.toString());
    }
}
