package vn.tandem.sla;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.Case;
import vn.tandem.common.FieldProblem;
import vn.tandem.process.SlaEscalation;
import vn.tandem.process.TaskSnapshot;

/**
 * How far an overdue step's deadline may be extended by written decision. Up to the statutory limit an extension
 * only moves the province's target. Beyond it, it is a legal extension: allowed only as often as the rule permits
 * ({@code maxExtensions}) and each by at most {@code maxExtensionDays} (in the rule's unit) — e.g. a very complex
 * denunciation twice by 30 days (Law on Denunciations art. 30). Steps with no statutory limit (petitions;
 * information requests between agencies) have no legal cap.
 */
@Component
class ExtensionPolicy {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * The current deadlines of the step and how far they may go. {@code latestAllowed} null: no legal cap.
     *
     * @param legalUsed legal extensions already made for the step
     */
    record Limits(
            LegalStep legalStep,
            LocalDate currentDue,
            LocalDate statutory,
            LocalDate latestAllowed,
            int legalUsed,
            int legalMax,
            int maxDays,
            String legalBasis) {

        boolean wouldBeLegal(LocalDate newDue) {
            return statutory != null && newDue.isAfter(statutory);
        }

        /**
         * Why no extension is possible any more on {@code today} (a message code and its arguments), or empty: the
         * latest allowed day is not after both the current due day and today.
         */
        Optional<FieldProblem> whyNot(LocalDate today) {
            if (latestAllowed == null) {
                return Optional.empty();
            }
            LocalDate floor = currentDue.isBefore(today) ? today : currentDue;
            if (latestAllowed.isAfter(floor)) {
                return Optional.empty();
            }
            if (legalMax == 0 || maxDays == 0) {
                return Optional.of(new FieldProblem(
                        SlaEscalation.FIELD_NEW_DEADLINE,
                        "escalation.extendNotAllowed",
                        legalBasis,
                        statutory.format(DAY)));
            }
            if (legalUsed >= legalMax) {
                return Optional.of(new FieldProblem(
                        SlaEscalation.FIELD_NEW_DEADLINE,
                        "escalation.extendUsedUp",
                        legalBasis,
                        legalMax,
                        statutory.format(DAY)));
            }
            return Optional.of(new FieldProblem(
                    SlaEscalation.FIELD_NEW_DEADLINE,
                    "escalation.extendPassed",
                    legalBasis,
                    latestAllowed.format(DAY)));
        }
    }

    /** The latest day a step may be extended to: its statutory limit, plus one more legal extension if any is left. */
    static LocalDate latestAllowed(LegalRule rule, LocalDate statutory, int legalUsed, LegalRules rules) {
        if (statutory == null) {
            return null;
        }
        return legalUsed < rule.getMaxExtensions() && rule.getMaxExtensionDays() > 0
                ? rules.add(rule.getUnit(), statutory, rule.getMaxExtensionDays())
                : statutory;
    }

    private final CaseClocks clocks;
    private final DeadlineExtensions extensions;
    private final LegalRules rules;

    ExtensionPolicy(CaseClocks clocks, DeadlineExtensions extensions, LegalRules rules) {
        this.clocks = clocks;
        this.extensions = extensions;
        this.rules = rules;
    }

    /** The limits of a step of the case (none without a case: a task without one has no legal cap). */
    Limits limits(Case c, LegalStep legalStep, TaskSnapshot watched) {
        return limits(
                legalStep,
                watched == null ? null : watched.due(),
                legalStep == null || c == null ? List.of() : clocks.of(c),
                () -> extensions.findByCaseIdOrderById(c.getId()));
    }

    /**
     * The limits of an escalated step from its case's clocks and extensions read beforehand (a list of escalations
     * reads them for all its cases at once); {@code watchedDue}: the watched task's due instant, for a step without
     * a legal clock.
     */
    Limits limits(
            LegalStep legalStep,
            java.time.Instant watchedDue,
            List<CaseClocks.StepClock> caseClocks,
            java.util.function.Supplier<List<DeadlineExtension>> caseExtensions) {
        Optional<CaseClocks.StepClock> step =
                legalStep == null ? Optional.empty() : CaseClocks.step(caseClocks, legalStep);
        if (step.isEmpty()) {
            LocalDate due = watchedDue == null
                    ? clocks.today()
                    : watchedDue.atZone(clocks.zone()).toLocalDate();
            return new Limits(null, due, null, null, 0, 0, 0, null);
        }
        var deadline = step.get().deadline();
        LegalRule rule = deadline.rule();
        LocalDate statutory = deadline.statutoryDue();
        int used = (int) caseExtensions.get().stream()
                .filter(e -> e.getLegalStep() == step.get().step() && e.isLegal())
                .count();
        return new Limits(
                step.get().step(),
                deadline.due(),
                statutory,
                latestAllowed(rule, statutory, used, rules),
                used,
                rule.getMaxExtensions(),
                rule.getMaxExtensionDays(),
                rule.getLegalBasis());
    }

    /** Adds the problems of an extension request to {@code problems}. */
    static void check(
            Limits limits, LocalDate newDue, LocalDate decisionDate, LocalDate today, List<FieldProblem> problems) {
        if (decisionDate != null && decisionDate.isAfter(today)) {
            problems.add(new FieldProblem(SlaEscalation.FIELD_DECISION_DATE, "validation.notAfterToday"));
        }
        if (newDue == null) {
            return;
        }
        if (!newDue.isAfter(limits.currentDue()) || newDue.isBefore(today)) {
            problems.add(new FieldProblem(
                    SlaEscalation.FIELD_NEW_DEADLINE,
                    "escalation.extendNotLater",
                    limits.currentDue().isBefore(today)
                            ? today.format(DAY)
                            : limits.currentDue().format(DAY)));
        } else if (limits.latestAllowed() != null && newDue.isAfter(limits.latestAllowed())) {
            if (limits.legalMax() == 0 || limits.maxDays() == 0) {
                problems.add(new FieldProblem(
                        SlaEscalation.FIELD_NEW_DEADLINE,
                        "escalation.extendNotAllowed",
                        limits.legalBasis(),
                        limits.statutory().format(DAY)));
            } else if (limits.legalUsed() >= limits.legalMax()) {
                problems.add(new FieldProblem(
                        SlaEscalation.FIELD_NEW_DEADLINE,
                        "escalation.extendUsedUp",
                        limits.legalBasis(),
                        limits.legalMax(),
                        limits.statutory().format(DAY)));
            } else {
                problems.add(new FieldProblem(
                        SlaEscalation.FIELD_NEW_DEADLINE,
                        "escalation.extendBeyondCap",
                        limits.legalBasis(),
                        limits.maxDays(),
                        limits.latestAllowed().format(DAY)));
            }
        }
    }
}
