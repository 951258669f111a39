package vn.tandem.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.casefile.Complexity;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.CleanText;
import vn.tandem.common.ConflictException;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.Reasons;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.process.SlaLadder;

/**
 * Deciding a case's complexity while it is being resolved (at acceptance the accepting officer sets it): the lead
 * agency's supervisors (or an administrator) set
 * {@code STANDARD / COMPLEX / VERY_COMPLEX} with the written decision it rests on. The verification and resolution
 * clocks follow the rule of the new variant from their start (a complex complaint: 45 days instead of 30); where
 * that rule allows legal extensions (a denunciation, Luật Tố cáo 2018 Art. 30) and none was made yet, the decision
 * is the extension decision and extends the resolution by the rule's days. Due dates and SLA timers move; the change
 * is audited and on the timeline.
 */
@Service
@Transactional
public class CaseComplexity {

    /** Longest number of a written decision (number/sign, e.g. 125/QD-CA). */
    public static final int DECISION_NUMBER_MAX = 60;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** What the supervisor enters; {@code level} as text so that a wrong value is a field error. */
    public record Request(String level, String decisionNumber, LocalDate decisionDate, String reason) {}

    /** The outcome: the level before and after, the extension the decision made (or null), the clocks now. */
    public record Result(
            Complexity previous, Complexity level, DeadlineExtension extension, List<CaseClocks.StepClock> clocks) {}

    private final CaseFiles caseFiles;
    private final CaseClocks clocks;
    private final LegalRules rules;
    private final ComplexityDecisions decisions;
    private final DeadlineExtensions extensions;
    private final SlaLadder ladder;
    private final Timeline timeline;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    CaseComplexity(
            CaseFiles caseFiles,
            CaseClocks clocks,
            LegalRules rules,
            ComplexityDecisions decisions,
            DeadlineExtensions extensions,
            SlaLadder ladder,
            Timeline timeline,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.rules = rules;
        this.decisions = decisions;
        this.extensions = extensions;
        this.ladder = ladder;
        this.timeline = timeline;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Whether the user may decide the complexity of this (visible) case. */
    public static boolean mayDecide(CurrentUser user, Case c) {
        return user.isAdmin() || (user.isSupervisor() && user.agency().equals(c.getLeadAgency()));
    }

    @Transactional(readOnly = true)
    public List<ComplexityDecision> decisionsOf(long caseId) {
        return decisions.findByCaseIdOrderById(caseId);
    }

    public Result change(String code, Request request, CurrentUser user) {
        Case c = caseFiles.visible(code, user);
        if (!mayDecide(user, c)) {
            throw new ForbiddenException("complexity.forbidden");
        }
        Request r = request == null ? new Request(null, null, null, null) : request;
        Complexity level = check(r, c);
        if (c.getStatus() != CaseStatus.IN_PROGRESS) {
            throw new ConflictException("complexity.notOpen"); // before acceptance the accepting officer sets it
        }
        Complexity previous = c.getComplexity();
        if (level == previous) {
            throw new ConflictException("complexity.same", label(level, VIETNAMESE), label(level, Locale.ENGLISH));
        }
        Optional<CaseClocks.StepClock> before = resolution(c);
        String decisionNumber = r.decisionNumber().strip();
        String reason = r.reason().strip();

        caseFiles.changeComplexity(c, level);
        clocks.pin(c);
        DeadlineExtension extension =
                extendIfTheRuleAllows(c, previous, level, decisionNumber, r.decisionDate(), reason, user.username());
        decisions.save(new ComplexityDecision(
                c.getId(),
                previous,
                level,
                decisionNumber,
                r.decisionDate(),
                reason,
                extension == null ? null : extension.getId(),
                user.username(),
                clock.instant()));
        ladder.reschedule(c.getId());

        Optional<CaseClocks.StepClock> after = resolution(c);
        audit.recordChange(
                "COMPLEXITY_CHANGED",
                c.getId(),
                c.getCode(),
                "case",
                c.getCode(),
                describe(previous, before, null),
                describe(
                        level,
                        after,
                        Map.of(
                                "decisionNumber",
                                decisionNumber,
                                "decisionDate",
                                r.decisionDate().toString(),
                                "reason",
                                reason,
                                "legalExtension",
                                extension != null)));
        List<Timeline.Detail> details = new ArrayList<>();
        details.add(Timeline.Detail.of("timeline.label.level", Text.of("complexity." + level)));
        details.add(Timeline.Detail.of("timeline.label.decisionNumber", decisionNumber));
        details.add(Timeline.Detail.of(
                "timeline.label.decisionDate", r.decisionDate().format(DAY)));
        details.add(Timeline.Detail.of("timeline.label.reason", reason));
        after.map(s -> s.deadline().due())
                .ifPresent(due -> details.add(Timeline.Detail.of("timeline.label.resolutionDue", due.format(DAY))));
        after.map(s -> s.deadline().statutoryDue())
                .ifPresent(due -> details.add(Timeline.Detail.of("timeline.label.statutoryLimit", due.format(DAY))));
        timeline.add(
                c.getId(),
                user.username(),
                "COMPLEXITY_CHANGED",
                Text.of("timeline.complexityChanged", Text.of("complexity." + level)),
                details,
                "case",
                c.getCode());
        return new Result(previous, level, extension, clocks.of(c));
    }

    /** Validates the request; returns the level. */
    private Complexity check(Request r, Case c) {
        List<FieldProblem> problems = new ArrayList<>();
        Complexity level = null;
        if (r.level() == null || r.level().isBlank()) {
            problems.add(new FieldProblem("level", "validation.required"));
        } else {
            for (Complexity x : Complexity.values()) {
                if (x.name().equals(r.level().strip())) {
                    level = x;
                }
            }
            if (level == null) {
                problems.add(new FieldProblem("level", "validation.option"));
            }
        }
        if (r.decisionNumber() == null || r.decisionNumber().isBlank()) {
            problems.add(new FieldProblem("decisionNumber", "validation.required"));
        } else if (r.decisionNumber().strip().length() > DECISION_NUMBER_MAX) {
            problems.add(new FieldProblem("decisionNumber", "validation.maxLength", DECISION_NUMBER_MAX));
        } else if (!CleanText.isClean(r.decisionNumber())) {
            problems.add(new FieldProblem("decisionNumber", "validation.characters"));
        }
        LocalDate today = clocks.today();
        LocalDate received = c.getReceivedAt().atZone(clocks.zone()).toLocalDate();
        if (r.decisionDate() == null) {
            problems.add(new FieldProblem("decisionDate", "validation.required"));
        } else if (r.decisionDate().isAfter(today)) {
            problems.add(new FieldProblem("decisionDate", "validation.notAfterToday"));
        } else if (r.decisionDate().isBefore(received)) {
            problems.add(new FieldProblem("decisionDate", "complexity.beforeReceipt", received.format(DAY)));
        }
        Optional<FieldProblem> reasonProblem = Reasons.problem("reason", r.reason());
        if (reasonProblem.isPresent()) {
            problems.add(reasonProblem.get());
        } else if (!CleanText.isClean(r.reason())) {
            problems.add(new FieldProblem("reason", "validation.characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return level;
    }

    /**
     * For a case being resolved whose complexity went up under a rule allowing legal extensions, with none made yet
     * for the resolution: the decision extends the statutory limit (and the province's target) by the rule's days.
     */
    private DeadlineExtension extendIfTheRuleAllows(
            Case c,
            Complexity previous,
            Complexity level,
            String decisionNumber,
            LocalDate decisionDate,
            String reason,
            String by) {
        if (level.ordinal() <= previous.ordinal()) {
            return null;
        }
        Optional<CaseClocks.StepClock> resolution = resolution(c);
        if (resolution.isEmpty() || resolution.get().deadline().statutoryDue() == null) {
            return null;
        }
        LegalRules.Deadline deadline = resolution.get().deadline();
        LegalRule rule = deadline.rule();
        boolean extendedAlready = extensions.findByCaseIdOrderById(c.getId()).stream()
                .anyMatch(e -> e.getLegalStep() == LegalStep.RESOLVE
                        && e.isLegal()
                        && !e.getCreatedAt().atZone(clocks.zone()).toLocalDate().isBefore(deadline.start()));
        if (rule.getMaxExtensions() == 0 || rule.getMaxExtensionDays() == 0 || extendedAlready) {
            return null;
        }
        LocalDate statutory = deadline.statutoryDue();
        LocalDate target = deadline.due();
        LocalDate newStatutory = rules.add(rule.getUnit(), statutory, rule.getMaxExtensionDays());
        LocalDate newTarget = rules.add(rule.getUnit(), target, rule.getMaxExtensionDays());
        DeadlineExtension extension = extensions.save(new DeadlineExtension(
                c.getId(),
                LegalStep.RESOLVE,
                null,
                null,
                decisionNumber,
                decisionDate,
                reason,
                target,
                newTarget,
                statutory,
                newStatutory,
                true,
                by,
                clock.instant()));
        extensions.flush();
        return extension;
    }

    private Optional<CaseClocks.StepClock> resolution(Case c) {
        return clocks.of(c).stream().filter(s -> s.step() == LegalStep.RESOLVE).findFirst();
    }

    private static Map<String, Object> describe(
            Complexity level, Optional<CaseClocks.StepClock> resolution, Map<String, Object> more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("complexity", level.name());
        resolution.ifPresent(s -> {
            m.put(
                    "rule",
                    s.deadline().rule().getCode() + "#" + s.deadline().rule().getVersion());
            m.put("statutoryDue", String.valueOf(s.deadline().statutoryDue()));
            m.put("targetDue", String.valueOf(s.deadline().targetDue()));
        });
        if (more != null) {
            m.putAll(more);
        }
        return m;
    }

    private String label(Complexity level, Locale locale) {
        return messages.getMessage("complexity." + level.name(), null, level.name(), locale);
    }
}
