package vn.tandem.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;

/**
 * The legal deadline rules: finding the version in force for a case's type, step, instance and variant on a date,
 * computing statutory and target due dates over the working calendar, and versioning edits (audited).
 */
@Service
@Transactional(readOnly = true)
public class LegalRules {

    /** A computed deadline: the rule it follows, the statutory due date (null if none) and the target date. */
    public record Deadline(LegalRule rule, LocalDate start, LocalDate statutoryDue, LocalDate targetDue) {
    }

    /** Where a clock stands on a day (DESIGN §4 ladder: at risk from 75% of the target, breached after it). */
    public enum State { ON_TRACK, AT_RISK, BREACHED }

    /** A deadline's standing: days used and left of the target (in the rule's unit), its state. */
    public record Standing(State state, boolean statutoryBreached, int used, int total, int left) {
    }

    public Standing standing(Deadline deadline, LocalDate today) {
        LocalDate target = deadline.targetDue() != null ? deadline.targetDue() : deadline.statutoryDue();
        boolean statutoryBreached = deadline.statutoryDue() != null && today.isAfter(deadline.statutoryDue());
        if (target == null) {
            return new Standing(State.ON_TRACK, false, 0, 0, 0);
        }
        boolean working = deadline.rule().getUnit() == LegalRule.Unit.WORKING_DAYS;
        int total = working ? calendar.workingDaysBetween(deadline.start(), target)
                : (int) java.time.temporal.ChronoUnit.DAYS.between(deadline.start(), target);
        int used = today.isBefore(deadline.start()) ? 0 : working ? calendar.workingDaysBetween(deadline.start(), today)
                : (int) java.time.temporal.ChronoUnit.DAYS.between(deadline.start(), today);
        State state = today.isAfter(target) ? State.BREACHED
                : used * 4 >= total * 3 ? State.AT_RISK : State.ON_TRACK;
        return new Standing(state, statutoryBreached, used, total, total - used);
    }

    /** The first day a deadline counts as at risk (75% of its target used), or null without a limit. */
    public LocalDate warningDay(Deadline deadline) {
        LocalDate target = deadline.targetDue() != null ? deadline.targetDue() : deadline.statutoryDue();
        if (target == null) {
            return null;
        }
        boolean working = deadline.rule().getUnit() == LegalRule.Unit.WORKING_DAYS;
        int total = working ? calendar.workingDaysBetween(deadline.start(), target)
                : (int) java.time.temporal.ChronoUnit.DAYS.between(deadline.start(), target);
        int atRisk = (total * 3 + 3) / 4; // the first day with used * 4 >= total * 3, as in standing()
        LocalDate day = working ? calendar.addWorkingDays(deadline.start(), atRisk) : deadline.start().plusDays(atRisk);
        return day.isAfter(target) ? target : day;
    }

    private final LegalRuleVersions rules;
    private volatile List<LegalRule> cache;
    private final LegalCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    LegalRules(LegalRuleVersions rules, LegalCalendar calendar, AuditLog audit, Clock clock) {
        this.rules = rules;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The rule version in force on {@code asOf} (the case's acceptance date) for this case type, step, instance
     * and variant; a rule for any case type applies when there is none for the type, and the STANDARD variant
     * when the variant has no rule of its own.
     */
    public Optional<LegalRule> ruleFor(String caseType, String step, Integer instance, String variant,
            LocalDate asOf) {
        List<LegalRule> candidates = cached().stream().filter(r -> r.getStep().equals(step))
                .filter(r -> r.inForceOn(asOf))
                .filter(r -> r.getCaseType() == null || r.getCaseType().equals(caseType))
                .filter(r -> r.getInstance() == null || Objects.equals(r.getInstance(), instance == null ? 1 : instance))
                .toList();
        for (String v : fallbacks(variant)) {
            Optional<LegalRule> match = candidates.stream().filter(r -> r.getVariant().equals(v))
                    .min(Comparator.comparing((LegalRule r) -> r.getCaseType() == null ? 1 : 0));
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /**
     * The variants to try, most specific first: REMOTE_COMPLEX falls back to COMPLEX (which may carry extension
     * caps), then REMOTE, then STANDARD.
     */
    static List<String> fallbacks(String variant) {
        if (variant == null || variant.equals("STANDARD")) {
            return List.of("STANDARD");
        }
        if (variant.startsWith("REMOTE_")) {
            return List.of(variant, variant.substring("REMOTE_".length()), "REMOTE", "STANDARD");
        }
        return List.of(variant, "STANDARD");
    }

    /** The rules table is small and changes rarely: read once, re-read after every new version. */
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
        return new Deadline(rule, start, due(rule.getUnit(), start, rule.getDurationDays()),
                due(rule.getUnit(), start, rule.targetDuration()));
    }

    private LocalDate due(LegalRule.Unit unit, LocalDate start, Integer days) {
        if (days == null) {
            return null;
        }
        return unit == LegalRule.Unit.WORKING_DAYS ? calendar.addWorkingDays(start, days)
                : calendar.addCalendarDays(start, days);
    }

    /** Every rule with all its versions, current first within each code. */
    public Map<String, List<LegalRule>> all() {
        Map<String, List<LegalRule>> byCode = new LinkedHashMap<>();
        rules.findAll().stream().sorted(Comparator.comparing(LegalRule::getCode)
                .thenComparing(LegalRule::getVersion, Comparator.reverseOrder()))
                .forEach(r -> byCode.computeIfAbsent(r.getCode(), c -> new java.util.ArrayList<>()).add(r));
        return byCode;
    }

    /**
     * Adds a version of a rule effective from {@code from}: the current version ends that day. The new version
     * must start after the current one started; cases accepted earlier keep the version they were accepted under.
     */
    @Transactional
    public LegalRule newVersion(String code, Integer durationDays, LegalRule.Unit unit, String legalBasis,
            Integer targetDays, Integer targetPercent, int maxExtensions, int maxExtensionDays, LocalDate from) {
        List<LegalRule> versions = rules.findByCodeOrderByVersionAsc(code);
        if (versions.isEmpty()) {
            throw new NotFoundException("rule.notFound", code);
        }
        LegalRule current = versions.get(versions.size() - 1);
        if (from == null || !from.isAfter(current.getEffectiveFrom())) {
            throw new InvalidInputException("effectiveFrom", "validation.ruleEffective", current.getEffectiveFrom());
        }
        if (durationDays != null && (durationDays < 1 || durationDays > 365)) {
            throw new InvalidInputException("durationDays", "validation.range", 1, 365);
        }
        if (targetPercent != null && (targetPercent < 0 || targetPercent > 90)) {
            throw new InvalidInputException("targetPercent", "validation.range", 0, 90);
        }
        if (targetDays != null && (targetDays < 1 || (durationDays != null && targetDays > durationDays))) {
            throw new InvalidInputException("targetDays", "validation.range", 1, durationDays == null ? 365
                    : durationDays);
        }
        if (legalBasis == null || legalBasis.isBlank()) {
            throw new InvalidInputException("legalBasis", "validation.required");
        }
        if (unit == null) {
            throw new InvalidInputException("unit", "validation.required");
        }
        cache = null;
        current.endOn(from);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        LegalRule next = rules.save(current.nextVersion(durationDays, unit, legalBasis.strip(), targetDays,
                targetPercent, Math.max(0, maxExtensions), Math.max(0, maxExtensionDays), from,
                auth == null ? AuditLog.SYSTEM : auth.getName(), clock.instant()));
        audit.recordChange("RULE_CHANGED", null, null, "legalRule", code + "#" + next.getVersion(),
                describe(current), describe(next));
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        cache = null;
                    }
                });
        return next;
    }

    private static Map<String, Object> describe(LegalRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", r.getVersion());
        m.put("durationDays", r.getDurationDays());
        m.put("unit", r.getUnit());
        m.put("legalBasis", r.getLegalBasis());
        m.put("targetDays", r.getTargetDays());
        m.put("targetPercent", r.getTargetPercent());
        m.put("maxExtensions", r.getMaxExtensions());
        m.put("maxExtensionDays", r.getMaxExtensionDays());
        m.put("effectiveFrom", String.valueOf(r.getEffectiveFrom()));
        return m;
    }
}
