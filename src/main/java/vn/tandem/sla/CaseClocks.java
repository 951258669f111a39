package vn.tandem.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Channel;
import vn.tandem.casefile.Outcome;
import vn.tandem.process.Threshold;

/**
 * Every legal deadline of a case, each under the rule version in force when its clock started:
 * <ul>
 * <li>the steps the offices work — acceptance (from receipt), forwarding a matter they are not competent for and
 * telling a citizen received at reception how it is handled (while the case awaits acceptance), verification (where
 * a rule sets it) and resolution (from acceptance, or afresh from the reopening after a flare-up);
 * <li>the citizen's windows — filing a complaint (from the day the contested decision became known), taking it to
 * the second instance (from the first-instance decision);
 * <li>the notices the offices owe — of a denunciation's acceptance, of the decision, of a transfer — done on the
 * day the first notice of its kind was issued after the clock started.
 * </ul>
 * Paused time does not count and extensions by written decision move the dates. The current clock is the step the
 * case is in; it drives the dashboard and the escalation ladder. A clock's rule version is pinned when it starts, so
 * a version entered later — even one effective from an earlier date — leaves it alone.
 */
@Service
@Transactional(readOnly = true)
public class CaseClocks {

    /** Where a clock stands in the case's life. */
    public enum Phase {
        /** The step the case is in: dashboard and escalation ladder. */
        CURRENT,
        /** Another step's clock running now (forwarding, informing the citizen, verification). */
        RUNNING,
        /** A step that has ended: measured on the day it ended. */
        DONE,
        /** A citizen's window or a notice still owed: shown with its date and basis, never escalated. */
        INFO
    }

    /**
     * One clock of a case on a day; {@code end} is the day it is measured to (the day a finished step ended, today
     * for a running one).
     */
    public record StepClock(
            LegalStep step, LegalRules.Deadline deadline, LegalRules.Standing standing, Phase phase, LocalDate end) {

        public boolean current() {
            return phase == Phase.CURRENT;
        }

        public boolean running() {
            return phase == Phase.CURRENT || phase == Phase.RUNNING;
        }
    }

    private final LegalRules rules;
    private final Clock clock;
    private final ClockPauses pauses;
    private final LegalCalendar calendar;
    private final DeadlineExtensions extensions;
    private final CaseClockRules pins;
    private final SlaAlerts alerts;
    private final ObjectProvider<IssuedNotices> issuedNotices;

    CaseClocks(
            LegalRules rules,
            Clock clock,
            ClockPauses pauses,
            LegalCalendar calendar,
            DeadlineExtensions extensions,
            CaseClockRules pins,
            SlaAlerts alerts,
            ObjectProvider<IssuedNotices> issuedNotices) {
        this.alerts = alerts;
        this.issuedNotices = issuedNotices;
        this.rules = rules;
        this.clock = clock;
        this.pauses = pauses;
        this.calendar = calendar;
        this.extensions = extensions;
        this.pins = pins;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Everything a case's clocks are computed from, loaded once. */
    record Inputs(
            List<ClockPause> pauses,
            List<DeadlineExtension> extensions,
            Map<LegalStep, CaseClockRule> pins,
            Map<LegalStep, List<LocalDate>> notices) {

        static final Inputs NONE = new Inputs(List.of(), List.of(), Map.of(), Map.of());
    }

    private Map<Long, Map<LegalStep, List<LocalDate>>> notices(Collection<Long> caseIds) {
        IssuedNotices issued = issuedNotices.getIfAvailable();
        return issued == null || caseIds.isEmpty() ? Map.of() : issued.issuedOn(caseIds);
    }

    public List<StepClock> of(Case c) {
        return of(c, inputs(c.getId()));
    }

    private Inputs inputs(long caseId) {
        return new Inputs(
                pauses.findByCaseIdOrderByPausedAt(caseId),
                extensions.findByCaseIdOrderById(caseId),
                pins.findByCaseId(caseId).stream()
                        .collect(Collectors.toMap(CaseClockRule::getLegalStep, Function.identity(), (a, b) -> a)),
                notices(List.of(caseId)).getOrDefault(caseId, Map.of()));
    }

    /**
     * The most case ids one query names: PostgreSQL's driver takes at most 32,767 parameters per statement, and H2
     * checks each row it finds against the whole list again, so the work grows with rows × list (2,000 open cases
     * in one list took 41% of the dashboard's time; docs/benchmarks.md).
     */
    static final int CHUNK = 200;

    /**
     * The clocks of many cases, their pauses, extensions, pinned rules and notices loaded in four queries per
     * {@value #CHUNK} cases.
     */
    public Map<Long, List<StepClock>> ofAll(Collection<Case> cases) {
        List<Case> all = List.copyOf(cases);
        Map<Long, List<StepClock>> result = new HashMap<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            result.putAll(ofChunk(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        return result;
    }

    private Map<Long, List<StepClock>> ofChunk(Collection<Case> cases) {
        List<Long> ids = cases.stream().map(Case::getId).toList();
        Map<Long, List<ClockPause>> byCasePauses = new HashMap<>();
        Map<Long, List<DeadlineExtension>> byCaseExtensions = new HashMap<>();
        Map<Long, Map<LegalStep, CaseClockRule>> byCasePins = new HashMap<>();
        if (!ids.isEmpty()) {
            pauses.findByCaseIdIn(ids)
                    .forEach(p -> byCasePauses
                            .computeIfAbsent(p.getCaseId(), k -> new ArrayList<>())
                            .add(p));
            extensions.findByCaseIdIn(ids).stream()
                    .sorted(Comparator.comparing(DeadlineExtension::getId))
                    .forEach(e -> byCaseExtensions
                            .computeIfAbsent(e.getCaseId(), k -> new ArrayList<>())
                            .add(e));
            pins.findByCaseIdIn(ids)
                    .forEach(p -> byCasePins
                            .computeIfAbsent(p.getCaseId(), k -> new HashMap<>())
                            .putIfAbsent(p.getLegalStep(), p));
        }
        Map<Long, Map<LegalStep, List<LocalDate>>> byCaseNotices = notices(ids);
        Map<Long, List<StepClock>> result = new HashMap<>();
        for (Case c : cases) {
            result.put(
                    c.getId(),
                    of(
                            c,
                            new Inputs(
                                    byCasePauses.getOrDefault(c.getId(), List.of()),
                                    byCaseExtensions.getOrDefault(c.getId(), List.of()),
                                    byCasePins.getOrDefault(c.getId(), Map.of()),
                                    byCaseNotices.getOrDefault(c.getId(), Map.of()))));
        }
        return result;
    }

    List<StepClock> of(Case c, Inputs in) {
        LocalDate today = today();
        LocalDate received = day(c.getReceivedAt());
        LocalDate accepted = day(c.getAcceptedAt());
        LocalDate decided = day(c.getDecidedAt());
        LocalDate closed = day(c.getClosedAt());
        LocalDate reopened = day(c.getReopenedAt());
        LocalDate verified = day(c.getVerifiedAt());
        CaseStatus status = c.getStatus();
        boolean receiving = status == CaseStatus.RECEIVED;
        LocalDate acceptanceEnd = accepted != null ? accepted : closed != null ? closed : today;
        List<StepClock> clocks = new ArrayList<>();

        StepClock acceptance =
                step(c, in, LegalStep.ACCEPT, received, acceptanceEnd, receiving ? Phase.CURRENT : Phase.DONE);
        add(clocks, acceptance);
        boolean transferred = c.getOutcome() == Outcome.TRANSFERRED;
        if (receiving || transferred) {
            add(
                    clocks,
                    exactStep(
                            c, in, LegalStep.FORWARD, received, acceptanceEnd, receiving ? Phase.RUNNING : Phase.DONE));
        }
        boolean acceptanceIsInform =
                acceptance != null && acceptance.deadline().rule().getStep() == LegalStep.INFORM;
        if (c.getChannel() == Channel.RECEPTION && !acceptanceIsInform) {
            add(
                    clocks,
                    exactStep(
                            c, in, LegalStep.INFORM, received, acceptanceEnd, receiving ? Phase.RUNNING : Phase.DONE));
        }
        if (c.getType() == CaseType.COMPLAINT && c.getDecisionKnownOn() != null) {
            add(clocks, info(c, in, LegalStep.FILING_WINDOW, c.getDecisionKnownOn(), received));
        }
        if (accepted != null) {
            LocalDate start = reopened != null && reopened.isAfter(accepted) ? reopened : accepted;
            LocalDate resolutionEnd = decided != null ? decided : closed != null ? closed : today;
            boolean resolving = status == CaseStatus.IN_PROGRESS;
            LocalDate verificationEnd = verified != null ? verified : resolutionEnd;
            add(
                    clocks,
                    exactStep(
                            c,
                            in,
                            LegalStep.VERIFY,
                            start,
                            verificationEnd,
                            resolving && verified == null ? Phase.RUNNING : Phase.DONE));
            add(clocks, step(c, in, LegalStep.RESOLVE, start, resolutionEnd, resolving ? Phase.CURRENT : Phase.DONE));
            if (c.getType() == CaseType.DENUNCIATION) {
                add(clocks, info(c, in, LegalStep.ACCEPTANCE_NOTICE, accepted, today));
            }
        }
        if (decided != null) {
            add(clocks, info(c, in, LegalStep.DECISION_NOTICE, decided, today));
            if (c.getType() == CaseType.COMPLAINT && c.getInstance() == 1) {
                add(clocks, info(c, in, LegalStep.SECOND_INSTANCE_WINDOW, decided, today));
            }
        }
        if (transferred && closed != null) {
            add(clocks, info(c, in, LegalStep.TRANSFER_NOTICE, closed, today));
        }
        return clocks;
    }

    private static void add(List<StepClock> clocks, StepClock clock) {
        if (clock != null) {
            clocks.add(clock);
        }
    }

    /** A step's clock, its rule found with the step's fallback (a petition's acceptance: the reception rule). */
    private StepClock step(Case c, Inputs in, LegalStep step, LocalDate start, LocalDate end, Phase phase) {
        return rule(c, in, step, start, true)
                .map(rule -> clock(step, rule, start, end, phase, in))
                .orElse(null);
    }

    /** A clock only where a rule of exactly this step applies to the case. */
    private StepClock exactStep(Case c, Inputs in, LegalStep step, LocalDate start, LocalDate end, Phase phase) {
        return rule(c, in, step, start, false)
                .map(rule -> clock(step, rule, start, end, phase, in))
                .orElse(null);
    }

    /**
     * A citizen's window, or a notice owed: done on the day the first notice of its kind was issued on or after the
     * clock's start (a notice of an earlier decision does not answer a later one).
     */
    private StepClock info(Case c, Inputs in, LegalStep step, LocalDate start, LocalDate end) {
        if (step.kind() == LegalStep.Kind.NOTICE) {
            Optional<LocalDate> sent = in.notices().getOrDefault(step, List.of()).stream()
                    .filter(day -> !day.isBefore(start))
                    .findFirst();
            if (sent.isPresent()) {
                return exactStep(c, in, step, start, sent.get(), Phase.DONE);
            }
        }
        return exactStep(c, in, step, start, end, Phase.INFO);
    }

    /**
     * The rule of a step for this case: the pinned version when the facts still select that rule (the version the
     * clock started under), else the version in force when the clock started.
     */
    private Optional<LegalRule> rule(Case c, Inputs in, LegalStep step, LocalDate start, boolean withFallback) {
        CaseClockRule pin = in.pins().get(step);
        Optional<LegalRule> selected = rules.ruleFor(
                        c.getType().name(), step, c.getInstance(), Variant.of(c, step), start)
                .filter(r -> withFallback || r.getStep() == step);
        if (pin != null && pin.getStartedOn().equals(start) && selected.isPresent()) {
            Optional<LegalRule> pinned = rules.version(pin.getRuleId());
            if (pinned.isPresent()
                    && pinned.get().getCode().equals(selected.get().getCode())) {
                return pinned;
            }
        }
        return selected;
    }

    private StepClock clock(LegalStep step, LegalRule rule, LocalDate start, LocalDate end, Phase phase, Inputs in) {
        LocalDate from = phase == Phase.INFO ? start : effectiveStart(in.pauses(), rule, start, end);
        LegalRules.Deadline deadline = extended(rules.deadline(rule, from), step, start, in.extensions());
        return new StepClock(step, deadline, rules.standing(deadline, end), phase, end);
    }

    /**
     * How a finished step went against the law: the days used and the days the statutory limit allowed, both in
     * calendar days from the clock's start (paused time counts in neither: the start moves forward by it; an
     * extension by decision lengthens the limit), and whether it ended by the province's target and by the statutory
     * limit.
     */
    public record Measure(
            LegalStep step, LocalDate end, long daysUsed, long daysAllowed, boolean onTarget, boolean onStatutory) {

        /** The share of the statutory limit left unused, in percent (negative when late). */
        public double savedPercent() {
            return daysAllowed <= 0 ? 0 : 100.0 * (daysAllowed - daysUsed) / daysAllowed;
        }
    }

    /**
     * The measure of a finished step clock (a step the office works, with a statutory limit), empty for a running
     * clock, a citizen's window, a notice, or a step without a statutory limit.
     */
    public Optional<Measure> measure(StepClock s) {
        LegalRules.Deadline d = s.deadline();
        if (s.phase() != Phase.DONE || s.step().kind() != LegalStep.Kind.STEP || d.statutoryDue() == null) {
            return Optional.empty();
        }
        return Optional.of(new Measure(
                s.step(),
                s.end(),
                Math.max(0, ChronoUnit.DAYS.between(d.start(), s.end())),
                ChronoUnit.DAYS.between(d.start(), d.statutoryDue()),
                !s.end().isAfter(d.due()),
                !s.end().isAfter(d.statutoryDue())));
    }

    /**
     * Pins the rule version of every clock of the case that has started and is not pinned to its start yet (a
     * reopened case's resolution is pinned afresh). Called in the transaction of what started the clock.
     */
    @Transactional
    public void pin(Case c) {
        Map<LegalStep, CaseClockRule> existing = pins.findByCaseId(c.getId()).stream()
                .collect(Collectors.toMap(CaseClockRule::getLegalStep, Function.identity(), (a, b) -> a));
        Instant now = clock.instant();
        for (StepClock s : of(c, new Inputs(List.of(), List.of(), existing, Map.of()))) {
            CaseClockRule pin = existing.get(s.step());
            LegalRule rule = s.deadline().rule();
            LocalDate start = startOf(c, s.step());
            if (start == null) {
                continue;
            }
            if (pin == null) {
                pins.save(new CaseClockRule(c.getId(), s.step(), rule.getId(), start, now));
            } else if (!pin.getStartedOn().equals(start) || !pin.getRuleId().equals(rule.getId())) {
                pin.repin(rule.getId(), start, now);
            }
        }
    }

    /** The day a step's clock started (the rule version in force that day applies). */
    private LocalDate startOf(Case c, LegalStep step) {
        LocalDate accepted = day(c.getAcceptedAt());
        LocalDate reopened = day(c.getReopenedAt());
        return switch (step) {
            case ACCEPT, FORWARD, INFORM -> day(c.getReceivedAt());
            case VERIFY, RESOLVE ->
                accepted == null ? null : reopened != null && reopened.isAfter(accepted) ? reopened : accepted;
            case ACCEPTANCE_NOTICE -> accepted;
            case DECISION_NOTICE, SECOND_INSTANCE_WINDOW -> day(c.getDecidedAt());
            case TRANSFER_NOTICE -> day(c.getClosedAt());
            case FILING_WINDOW -> c.getDecisionKnownOn();
            case INFORMATION_REQUEST, SITUATION_REPORT -> null;
        };
    }

    /**
     * The step's start moved forward by the time the clock was paused after it (in the rule's unit), so paused
     * time counts neither towards the deadline nor as time used.
     */
    private LocalDate effectiveStart(List<ClockPause> casePauses, LegalRule rule, LocalDate start, LocalDate end) {
        int paused = 0;
        for (ClockPause p : casePauses) {
            LocalDate from = day(p.getPausedAt());
            LocalDate to = p.getResumedAt() == null ? end : day(p.getResumedAt());
            if (from.isBefore(start)) {
                from = start;
            }
            if (to.isAfter(end)) {
                to = end;
            }
            if (to.isAfter(from)) {
                paused += rules.between(rule.getUnit(), from, to);
            }
        }
        if (paused == 0) {
            return start;
        }
        return rules.plus(rule.getUnit(), start, paused); // a start is not moved off a day off; a due date is
    }

    /**
     * The deadline moved by the step's extensions made since its clock started: each adds the time between the due
     * date it replaced and its new one (in the rule's unit), so extensions compose with pauses before and after.
     */
    private LegalRules.Deadline extended(
            LegalRules.Deadline deadline, LegalStep step, LocalDate started, List<DeadlineExtension> all) {
        LocalDate target = deadline.targetDue();
        LocalDate statutory = deadline.statutoryDue();
        LegalRule.Unit unit = deadline.rule().getUnit();
        for (DeadlineExtension e : all) {
            if (e.getLegalStep() != step || day(e.getCreatedAt()).isBefore(started)) {
                continue;
            }
            if (target != null) {
                target = shift(target, e.getPreviousDue(), e.getNewDue(), unit);
            } else if (statutory != null && !e.isLegal()) {
                target = e.getNewDue();
            }
            if (e.isLegal() && statutory != null && e.getPreviousStatutory() != null && e.getNewStatutory() != null) {
                statutory = shift(statutory, e.getPreviousStatutory(), e.getNewStatutory(), unit);
            }
        }
        return new LegalRules.Deadline(deadline.rule(), deadline.start(), statutory, target);
    }

    private LocalDate shift(LocalDate day, LocalDate from, LocalDate to, LegalRule.Unit unit) {
        return to.isAfter(from) ? rules.add(unit, day, rules.between(unit, from, to)) : day;
    }

    /** One clock of a case; a step without a rule of its own answers with the clock it falls back to. */
    public Optional<StepClock> step(Case c, LegalStep step) {
        return step(of(c), step);
    }

    /** {@link #step(Case, LegalStep)} among a case's clocks already computed ({@link #ofAll}). */
    public static Optional<StepClock> step(List<StepClock> all, LegalStep step) {
        Optional<StepClock> own = all.stream().filter(s -> s.step() == step).findFirst();
        if (own.isEmpty() && step.fallback() != null) {
            return all.stream().filter(s -> s.step() == step.fallback()).findFirst();
        }
        return own;
    }

    /** The clock of the step an open case is in (none for cases under monitoring or closed, or without a rule). */
    public Optional<StepClock> current(Case c) {
        return current(of(c));
    }

    public static Optional<StepClock> current(List<StepClock> clocks) {
        return clocks.stream().filter(StepClock::current).findFirst();
    }

    private LocalDate day(Instant instant) {
        return instant == null ? null : instant.atZone(clock.getZone()).toLocalDate();
    }

    /** Working-day arithmetic of the calendar the clocks use. */
    public LegalCalendar calendar() {
        return calendar;
    }

    static final Comparator<StepClock> BY_DUE = Comparator.comparing(
            s -> s.deadline().due() == null ? LocalDate.MAX : s.deadline().due());

    /** The SLA breaches of cases' steps since a moment (case id and the day each breached), for the outlook. */
    @Transactional(readOnly = true)
    public Map<Long, List<LocalDate>> breachesSince(Instant after) {
        Map<Long, List<LocalDate>> result = new HashMap<>();
        for (SlaAlert alert : alerts.findByThresholdAndFiredAtAfterAndCaseIdIsNotNull(Threshold.BREACH, after)) {
            result.computeIfAbsent(alert.getCaseId(), k -> new ArrayList<>())
                    .add(alert.getFiredAt().atZone(zone()).toLocalDate());
        }
        return result;
    }
}
