package vn.tandem.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.sla.LegalRules;

/**
 * A case's legal clocks: acceptance (from receipt) and resolution (from acceptance), each under the rule
 * version in force when it started; the current one is the clock of the step the case is in.
 */
@Service
public class CaseClocks {

    /** One step's clock on a day. */
    public record StepClock(String step, LegalRules.Deadline deadline, LegalRules.Standing standing,
            boolean current) {
    }

    private final LegalRules rules;
    private final Clock clock;
    private final ClockPauses pauses;
    private final vn.tandem.sla.LegalCalendar calendar;
    private final DeadlineExtensions extensions;

    CaseClocks(LegalRules rules, Clock clock, ClockPauses pauses, vn.tandem.sla.LegalCalendar calendar,
            DeadlineExtensions extensions) {
        this.rules = rules;
        this.clock = clock;
        this.pauses = pauses;
        this.calendar = calendar;
        this.extensions = extensions;
    }

    /**
     * The step's start moved forward by the time the clock was paused after it (in the rule's unit), so paused
     * time counts neither towards the deadline nor as time used.
     */
    private LocalDate effectiveStart(List<ClockPause> casePauses, vn.tandem.sla.LegalRule rule, LocalDate start,
            LocalDate end) {
        int paused = 0;
        for (ClockPause p : casePauses) {
            LocalDate from = p.getPausedAt().atZone(clock.getZone()).toLocalDate();
            LocalDate to = p.getResumedAt() == null ? end : p.getResumedAt().atZone(clock.getZone()).toLocalDate();
            if (from.isBefore(start)) {
                from = start;
            }
            if (to.isAfter(end)) {
                to = end;
            }
            if (to.isAfter(from)) {
                paused += rule.getUnit() == vn.tandem.sla.LegalRule.Unit.WORKING_DAYS
                        ? calendar.workingDaysBetween(from, to) : (int) java.time.temporal.ChronoUnit.DAYS.between(from, to);
            }
        }
        if (paused == 0) {
            return start;
        }
        return rule.getUnit() == vn.tandem.sla.LegalRule.Unit.WORKING_DAYS ? calendar.addWorkingDays(start, paused)
                : start.plusDays(paused);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    ZoneId zone() {
        return clock.getZone();
    }

    public List<StepClock> of(Case c) {
        return of(c, pauses.findByCaseIdOrderByPausedAt(c.getId()), extensions.findByCaseIdOrderById(c.getId()));
    }

    /**
     * The clocks of a case whose pauses and extensions the caller already loaded (lists load them for all cases
     * at once).
     */
    public List<StepClock> of(Case c, List<ClockPause> casePauses, List<DeadlineExtension> caseExtensions) {
        ZoneId zone = clock.getZone();
        LocalDate today = today();
        List<StepClock> clocks = new ArrayList<>();
        LocalDate received = c.getReceivedAt().atZone(zone).toLocalDate();
        boolean receiving = c.getStatus() == CaseStatus.RECEIVED;
        LocalDate acceptedOrToday = c.getAcceptedAt() == null ? endOf(c, today)
                : c.getAcceptedAt().atZone(zone).toLocalDate();
        rules.ruleFor(c.getType().name(), "ACCEPT", 1, "STANDARD", received).ifPresent(rule -> {
            var deadline = extended(rules.deadline(rule, effectiveStart(casePauses, rule, received, acceptedOrToday)),
                    "ACCEPT", caseExtensions);
            clocks.add(new StepClock("ACCEPT", deadline, rules.standing(deadline, acceptedOrToday), receiving));
        });
        if (c.getAcceptedAt() != null) {
            LocalDate accepted = c.getAcceptedAt().atZone(zone).toLocalDate();
            boolean resolving = c.getStatus() == CaseStatus.IN_PROGRESS;
            String variant = c.isRemoteArea() ? (c.isComplex() ? "REMOTE_COMPLEX" : "REMOTE")
                    : c.isComplex() ? "COMPLEX" : "STANDARD";
            rules.ruleFor(c.getType().name(), "RESOLVE", c.getInstance(), variant, accepted).ifPresent(rule -> {
                var deadline = extended(rules.deadline(rule, effectiveStart(casePauses, rule, accepted, endOf(c, today))),
                        "RESOLVE", caseExtensions);
                clocks.add(new StepClock("RESOLVE", deadline, rules.standing(deadline, endOf(c, today)), resolving));
            });
        }
        return clocks;
    }

    /**
     * The deadline moved by the step's extensions: each adds the time between the due date it replaced and its
     * new one (in the rule's unit), so extensions compose with pauses before and after them.
     */
    private LegalRules.Deadline extended(LegalRules.Deadline deadline, String step, List<DeadlineExtension> all) {
        LocalDate target = deadline.targetDue();
        LocalDate statutory = deadline.statutoryDue();
        boolean working = deadline.rule().getUnit() == vn.tandem.sla.LegalRule.Unit.WORKING_DAYS;
        for (DeadlineExtension e : all) {
            if (!step.equals(e.getLegalStep())) {
                continue;
            }
            if (target != null) {
                target = shift(target, e.getPreviousDue(), e.getNewDue(), working);
            } else if (statutory != null && !e.isLegal()) {
                target = e.getNewDue();
            }
            if (e.isLegal() && statutory != null && e.getPreviousStatutory() != null && e.getNewStatutory() != null) {
                statutory = shift(statutory, e.getPreviousStatutory(), e.getNewStatutory(), working);
            }
        }
        return new LegalRules.Deadline(deadline.rule(), deadline.start(), statutory, target);
    }

    private LocalDate shift(LocalDate day, LocalDate from, LocalDate to, boolean working) {
        if (!to.isAfter(from)) {
            return day;
        }
        return working ? calendar.addWorkingDays(day, calendar.workingDaysBetween(from, to))
                : calendar.addCalendarDays(day, (int) java.time.temporal.ChronoUnit.DAYS.between(from, to));
    }

    /** One step's clock of a case (current or not). */
    public Optional<StepClock> step(Case c, String step) {
        return of(c).stream().filter(s -> s.step().equals(step)).findFirst();
    }

    /** The clock of the step an open case is in (none for cases under monitoring or closed, or without a rule). */
    public Optional<StepClock> current(Case c) {
        return current(of(c));
    }

    static Optional<StepClock> current(List<StepClock> clocks) {
        return clocks.stream().filter(StepClock::current).findFirst();
    }

    /** The pauses of many cases in one query, by case id. */
    Map<Long, List<ClockPause>> pausesOf(java.util.Collection<Long> caseIds) {
        Map<Long, List<ClockPause>> byCase = new java.util.HashMap<>();
        if (!caseIds.isEmpty()) {
            pauses.findByCaseIdIn(caseIds).forEach(p -> byCase.computeIfAbsent(p.getCaseId(), k -> new ArrayList<>())
                    .add(p));
        }
        return byCase;
    }

    /** The extensions of many cases in one query, by case id. */
    Map<Long, List<DeadlineExtension>> extensionsOf(java.util.Collection<Long> caseIds) {
        Map<Long, List<DeadlineExtension>> byCase = new java.util.HashMap<>();
        if (!caseIds.isEmpty()) {
            extensions.findByCaseIdIn(caseIds).stream()
                    .sorted(Comparator.comparing(DeadlineExtension::getId))
                    .forEach(e -> byCase.computeIfAbsent(e.getCaseId(), k -> new ArrayList<>()).add(e));
        }
        return byCase;
    }

    /** The date a clock is read on: today while open, the closing day once closed. */
    private LocalDate endOf(Case c, LocalDate today) {
        return c.getClosedAt() == null ? today : c.getClosedAt().atZone(clock.getZone()).toLocalDate();
    }

    static final Comparator<StepClock> BY_TARGET = Comparator.comparing(s -> s.deadline().targetDue() == null
            ? LocalDate.MAX : s.deadline().targetDue());
}
