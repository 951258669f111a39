package vn.tandem.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.CaseType;
import vn.tandem.common.ConflictException;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Reasons;

/**
 * The legal deadline rules: finding the version in force for a case's type, step, instance and variant on a date,
 * computing statutory and target due dates over the working calendar, and administrators' changes — new rules, new
 * versions from an effective date (a date before today needs an explicit confirmation, and the answer names the
 * running cases that keep their version), retiring a rule. Every change is audited and says why.
 */
@Service
@Transactional(readOnly = true)
public class LegalRules {

    /** A computed deadline: the rule it follows, the statutory due date (null if none) and the target date. */
    public record Deadline(LegalRule rule, LocalDate start, LocalDate statutoryDue, LocalDate targetDue) {

        /** The date that drives the ladder: the province's target, else the statutory limit. */
        public LocalDate due() {
            return targetDue != null ? targetDue : statutoryDue;
        }
    }

    /** Where a clock stands on a day (DESIGN §4 ladder: at risk from 75% of the target, breached after it). */
    public enum State {
        ON_TRACK,
        AT_RISK,
        BREACHED
    }

    /** A deadline's standing: days used and left of the target (in the rule's unit), its state. */
    public record Standing(State state, boolean statutoryBreached, int used, int total, int left) {}

    /** A rule's figures plus its identity, as an administrator enters a new rule. */
    public record NewRule(
            String code,
            String caseType,
            LegalStep step,
            Integer instance,
            Variant variant,
            LegalRule.Figures figures,
            LocalDate effectiveFrom) {}

    /** The outcome of a new version: the version, and the running cases that keep their earlier version. */
    public record VersionResult(LegalRule version, List<String> unaffectedCases) {}

    /** A version effective before today, not confirmed: 409 with the running cases that keep their version. */
    public static final class Backdated extends ConflictException {

        private final transient List<String> cases;

        Backdated(LocalDate from, List<String> cases) {
            super("rule.backdated", from, cases.size());
            this.cases = List.copyOf(cases);
        }

        public List<String> cases() {
            return cases;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("needsConfirmation", true, "unaffectedCases", cases);
        }
    }

    private final LegalRuleVersions rules;
    private final CaseClockRules pins;
    private volatile List<LegalRule> cache;
    private final LegalCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    LegalRules(
            LegalRuleVersions rules,
            CaseClockRules pins,
            LegalCalendar calendar,
            AuditLog audit,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.rules = rules;
        this.pins = pins;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    public Standing standing(Deadline deadline, LocalDate today) {
        LocalDate target = deadline.due();
        boolean statutoryBreached = deadline.statutoryDue() != null && today.isAfter(deadline.statutoryDue());
        if (target == null) {
            return new Standing(State.ON_TRACK, false, 0, 0, 0);
        }
        int total = between(deadline.rule().getUnit(), deadline.start(), target);
        int used =
                today.isBefore(deadline.start()) ? 0 : between(deadline.rule().getUnit(), deadline.start(), today);
        State state = today.isAfter(target) ? State.BREACHED : used * 4 >= total * 3 ? State.AT_RISK : State.ON_TRACK;
        return new Standing(state, statutoryBreached, used, total, total - used);
    }

    /** The first day a deadline counts as at risk (75% of its target used), or null without a limit. */
    public LocalDate warningDay(Deadline deadline) {
        LocalDate target = deadline.due();
        if (target == null) {
            return null;
        }
        int total = between(deadline.rule().getUnit(), deadline.start(), target);
        int atRisk = (total * 3 + 3) / 4; // the first day with used * 4 >= total * 3, as in standing()
        LocalDate day = plus(deadline.rule().getUnit(), deadline.start(), atRisk);
        return day.isAfter(target) ? target : day;
    }

    /** Days (in the unit) after {@code from} up to and including {@code to}. */
    int between(LegalRule.Unit unit, LocalDate from, LocalDate to) {
        return unit == LegalRule.Unit.WORKING_DAYS
                ? calendar.workingDaysBetween(from, to)
                : (int) ChronoUnit.DAYS.between(from, to);
    }

    /** The day {@code days} (in the unit) after {@code start}, as counted: not moved off a day off (not a due date). */
    LocalDate plus(LegalRule.Unit unit, LocalDate start, int days) {
        return unit == LegalRule.Unit.WORKING_DAYS ? calendar.addWorkingDays(start, days) : start.plusDays(days);
    }

    /** The day {@code days} (in the unit) after {@code start}; a last day off moves to the next working day. */
    LocalDate add(LegalRule.Unit unit, LocalDate start, int days) {
        return unit == LegalRule.Unit.WORKING_DAYS
                ? calendar.addWorkingDays(start, days)
                : calendar.addCalendarDays(start, days);
    }

    /**
     * The rule version in force on {@code asOf} for this case type, step, instance and variant: a rule for the type
     * before one for any type, one for the instance before one for any instance, the variant's fallbacks in order, and the step's fallback when the step has no rule
     * for the type (a petition's acceptance is timed by the reception rule; verification without a rule of its own
     * by the resolution's).
     */
    public Optional<LegalRule> ruleFor(
            String caseType, LegalStep step, Integer instance, Variant variant, LocalDate asOf) {
        Optional<LegalRule> rule = exactRule(caseType, step, instance, variant, asOf);
        if (rule.isEmpty() && step.fallback() != null) {
            return exactRule(caseType, step.fallback(), instance, variant, asOf);
        }
        return rule;
    }

    private Optional<LegalRule> exactRule(
            String caseType, LegalStep step, Integer instance, Variant variant, LocalDate asOf) {
        List<LegalRule> candidates = cached().stream()
                .filter(r -> r.getStep() == step)
                .filter(r -> r.inForceOn(asOf))
                .filter(r -> r.getCaseType() == null || r.getCaseType().equals(caseType))
                .filter(r ->
                        r.getInstance() == null || Objects.equals(r.getInstance(), instance == null ? 1 : instance))
                .toList();
        for (Variant v : (variant == null ? Variant.STANDARD : variant).fallbacks()) {
            Optional<LegalRule> match = candidates.stream()
                    .filter(r -> r.getVariant() == v)
                    .min(Comparator.comparing((LegalRule r) -> r.getCaseType() == null ? 1 : 0)
                            .thenComparing(r -> r.getInstance() == null ? 1 : 0));
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /**
     * The deadline of a step that no case clock tracks (an information request between agencies) starting on
     * {@code start}, under the standard rule in force that day for the case type; empty when no rule is in force.
     */
    public Optional<Deadline> standardDeadline(String caseType, LegalStep step, LocalDate start) {
        return ruleFor(caseType, step, null, Variant.STANDARD, start).map(rule -> deadline(rule, start));
    }

    /** A rule version by its id (pinned clocks keep it even after it was superseded). */
    public Optional<LegalRule> version(Long id) {
        return cached().stream().filter(r -> r.getId().equals(id)).findFirst();
    }

    /** The rules table is small and changes rarely: read once, re-read after every change. */
    private List<LegalRule> cached() {
        List<LegalRule> all = cache;
        if (all == null) {
            all = List.copyOf(rules.findAll());
            cache = all;
        }
        return all;
    }

    /** Statutory and target due dates of a step that starts on {@code start} (counting from the next day). */
    public Deadline deadline(LegalRule rule, LocalDate start) {
        return new Deadline(
                rule,
                start,
                due(rule.getUnit(), start, rule.getDurationDays()),
                due(rule.getUnit(), start, rule.targetDuration()));
    }

    private LocalDate due(LegalRule.Unit unit, LocalDate start, Integer days) {
        return days == null ? null : add(unit, start, days);
    }

    /** Every rule with all its versions, current first within each code. */
    public Map<String, List<LegalRule>> all() {
        Map<String, List<LegalRule>> byCode = new LinkedHashMap<>();
        rules.findAll().stream()
                .sorted(Comparator.comparing(LegalRule::getCode)
                        .thenComparing(LegalRule::getVersion, Comparator.reverseOrder()))
                .forEach(r -> byCode.computeIfAbsent(r.getCode(), c -> new ArrayList<>())
                        .add(r));
        return byCode;
    }

    /** The latest version of every rule (retired ones included: their effectiveTo says so). */
    public List<LegalRule> current() {
        return all().values().stream().map(v -> v.get(0)).toList();
    }

    /** A new rule. Its step must be one of the legal steps; its code is new. */
    @Transactional
    public LegalRule create(NewRule input, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = input.code() == null ? "" : input.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z][A-Z0-9_]{2,59}")) {
            problems.add(new FieldProblem("rule", "rule.code"));
        } else if (!rules.findByCodeOrderByVersionAsc(code).isEmpty()) {
            problems.add(new FieldProblem("rule", "rule.codeTaken", code));
        }
        if (input.caseType() != null
                && !input.caseType().isBlank()
                && Arrays.stream(CaseType.values()).noneMatch(t -> t.name().equals(input.caseType()))) {
            problems.add(new FieldProblem("caseType", "validation.option"));
        }
        if (input.step() == null) {
            problems.add(new FieldProblem("step", "rule.step"));
        }
        if (input.instance() != null && (input.instance() < 1 || input.instance() > 2)) {
            problems.add(new FieldProblem("instance", "validation.range", 1, 2));
        }
        problems.addAll(checkFigures(input.figures()));
        if (input.effectiveFrom() == null) {
            problems.add(new FieldProblem("effectiveFrom", "validation.required"));
        }
        problems.addAll(checkReason(reason));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LegalRule rule = rules.save(LegalRule.first(
                code,
                blankToNull(input.caseType()),
                input.step(),
                input.instance(),
                input.variant() == null ? Variant.STANDARD : input.variant(),
                input.figures(),
                input.effectiveFrom(),
                reason.strip(),
                actor(),
                clock.instant()));
        audit.recordChange("RULE_CREATED", null, null, "legalRule", code + "#1", Map.of(), describe(rule));
        invalidate();
        return rule;
    }

    /**
     * Adds a version of a rule effective from {@code from}: the current version ends that day. A version effective
     * before today needs {@code confirmBackdated}: without it the answer is 409 naming the running cases that keep
     * their version (their clocks started under it); cases accepted earlier are never changed.
     */
    @Transactional
    public VersionResult newVersion(
            String code, LegalRule.Figures figures, LocalDate from, String reason, boolean confirmBackdated) {
        List<LegalRule> versions = rules.findByCodeOrderByVersionAsc(code);
        if (versions.isEmpty()) {
            throw new NotFoundException("rule.notFound", code);
        }
        LegalRule current = versions.get(versions.size() - 1);
        List<FieldProblem> problems = new ArrayList<>(checkFigures(figures));
        if (from == null || !from.isAfter(current.getEffectiveFrom())) {
            problems.add(new FieldProblem("effectiveFrom", "validation.ruleEffective", current.getEffectiveFrom()));
        }
        problems.addAll(checkReason(reason));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> unaffected = from.isBefore(LocalDate.now(clock))
                ? pins.openCasesStartedUnder(
                        versions.stream().map(LegalRule::getId).toList(), from)
                : List.of();
        if (from.isBefore(LocalDate.now(clock)) && !confirmBackdated) {
            throw new Backdated(from, unaffected);
        }
        current.endOn(from);
        LegalRule next = rules.save(current.nextVersion(figures, from, reason.strip(), actor(), clock.instant()));
        Map<String, Object> after = describe(next);
        if (!unaffected.isEmpty()) {
            after.put("casesKeepingTheirVersion", unaffected.size());
        }
        audit.recordChange(
                "RULE_CHANGED", null, null, "legalRule", code + "#" + next.getVersion(), describe(current), after);
        invalidate();
        return new VersionResult(next, unaffected);
    }

    /** Ends a rule on a day: no clock starting from then follows it. Running clocks keep it. */
    @Transactional
    public LegalRule retire(String code, LocalDate effectiveTo, String reason) {
        List<LegalRule> versions = rules.findByCodeOrderByVersionAsc(code);
        if (versions.isEmpty()) {
            throw new NotFoundException("rule.notFound", code);
        }
        LegalRule current = versions.get(versions.size() - 1);
        List<FieldProblem> problems = new ArrayList<>(checkReason(reason));
        if (effectiveTo == null || !effectiveTo.isAfter(current.getEffectiveFrom())) {
            problems.add(new FieldProblem("effectiveTo", "validation.ruleEffective", current.getEffectiveFrom()));
        }
        if (current.getEffectiveTo() != null) {
            throw new ConflictException("rule.retired", code, current.getEffectiveTo());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> before = describe(current);
        current.endOn(effectiveTo);
        current.retired(reason.strip());
        Map<String, Object> after = describe(current);
        after.put("effectiveTo", effectiveTo.toString());
        after.put("retiredReason", current.getRetiredReason());
        audit.recordChange("RULE_RETIRED", null, null, "legalRule", code + "#" + current.getVersion(), before, after);
        invalidate();
        return current;
    }

    private void invalidate() {
        cache = null;
        events.publishEvent(new KeptClocks.BasisChanged("rules"));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache = null;
                }
            });
        }
    }

    static List<FieldProblem> checkFigures(LegalRule.Figures f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f == null) {
            return List.of(new FieldProblem("duration", "validation.required"));
        }
        if (f.durationDays() != null && (f.durationDays() < 1 || f.durationDays() > 365)) {
            problems.add(new FieldProblem("duration", "validation.range", 1, 365));
        }
        if (f.durationDays() == null && f.targetDays() == null) {
            problems.add(new FieldProblem("targetDays", "rule.noLimit"));
        }
        if (f.targetPercent() != null && (f.targetPercent() < 0 || f.targetPercent() > 90)) {
            problems.add(new FieldProblem("targetPercent", "validation.range", 0, 90));
        }
        if (f.targetDays() != null
                && (f.targetDays() < 1 || f.targetDays() > (f.durationDays() == null ? 365 : f.durationDays()))) {
            problems.add(new FieldProblem(
                    "targetDays", "validation.range", 1, f.durationDays() == null ? 365 : f.durationDays()));
        }
        if (f.maxExtensions() < 0 || f.maxExtensions() > 5) {
            problems.add(new FieldProblem("maxExtensions", "validation.range", 0, 5));
        }
        if (f.maxExtensionDays() < 0 || f.maxExtensionDays() > 365) {
            problems.add(new FieldProblem("maxExtensionDays", "validation.range", 0, 365));
        }
        if (f.legalBasis() == null || f.legalBasis().isBlank()) {
            problems.add(new FieldProblem("legalBasis", "validation.required"));
        } else if (f.legalBasis().length() > 300) {
            problems.add(new FieldProblem("legalBasis", "validation.maxLength", 300));
        }
        if (f.unit() == null) {
            problems.add(new FieldProblem("unit", "validation.required"));
        }
        return problems;
    }

    private static List<FieldProblem> checkReason(String reason) {
        return Reasons.problem("reason", reason).stream().toList();
    }

    private static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? AuditLog.SYSTEM : auth.getName();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Map<String, Object> describe(LegalRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", r.getVersion());
        m.put("caseType", r.getCaseType());
        m.put("step", r.getStep());
        m.put("variant", r.getVariant());
        m.put("instance", r.getInstance());
        m.put("durationDays", r.getDurationDays());
        m.put("unit", r.getUnit());
        m.put("legalBasis", r.getLegalBasis());
        m.put("targetDays", r.getTargetDays());
        m.put("targetPercent", r.getTargetPercent());
        m.put("maxExtensions", r.getMaxExtensions());
        m.put("maxExtensionDays", r.getMaxExtensionDays());
        m.put("effectiveFrom", String.valueOf(r.getEffectiveFrom()));
        m.put("reason", r.getReason());
        return m;
    }
}
