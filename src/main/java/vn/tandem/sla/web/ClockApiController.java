package vn.tandem.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.common.Reason;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.sla.CaseClocks;
import vn.tandem.sla.CaseComplexity;
import vn.tandem.sla.ClockControl;

/**
 * A case's legal clock over the API: every deadline (steps, the citizen's windows, the notices owed) with its rule,
 * basis and state; pausing and resuming; the complexity decided after acceptance.
 */
@RestController
@Tag(name = "SLA")
class ClockApiController {

    private final CaseClocks clocks;
    private final CaseFiles caseFiles;
    private final ClockControl control;
    private final CaseComplexity complexity;

    ClockApiController(CaseClocks clocks, CaseFiles caseFiles, ClockControl control, CaseComplexity complexity) {
        this.clocks = clocks;
        this.caseFiles = caseFiles;
        this.control = control;
        this.complexity = complexity;
    }

    /**
     * One deadline of a case. {@code kind}: STEP (the offices work it; escalates), WINDOW (the citizen's time),
     * NOTICE (a notice the office owes). {@code phase}: CURRENT (the step the case is in), RUNNING, DONE, INFO.
     * {@code due}: the province's target, else the statutory limit.
     */
    record DeadlineView(
            String step,
            String kind,
            String phase,
            String rule,
            int version,
            String legalBasis,
            String unit,
            Integer duration,
            Integer target,
            LocalDate start,
            LocalDate statutoryDue,
            LocalDate targetDue,
            LocalDate due,
            String state,
            boolean statutoryBreached,
            int daysUsed,
            int daysLeft,
            boolean current) {

        static DeadlineView of(CaseClocks.StepClock s) {
            var rule = s.deadline().rule();
            return new DeadlineView(
                    s.step().name(),
                    s.step().kind().name(),
                    s.phase().name(),
                    rule.getCode(),
                    rule.getVersion(),
                    rule.getLegalBasis(),
                    rule.getUnit().name(),
                    rule.getDurationDays(),
                    rule.targetDuration(),
                    s.deadline().start(),
                    s.deadline().statutoryDue(),
                    s.deadline().targetDue(),
                    s.deadline().due(),
                    s.standing().state().name(),
                    s.standing().statutoryBreached(),
                    s.standing().used(),
                    s.standing().left(),
                    s.current());
        }
    }

    /** Why the clock is paused. */
    record PauseRequest(@Reason String reason) {}

    /** The complexity decided, with the written decision it rests on. */
    record ComplexityRequest(
            @NotBlank(message = "{validation.required}")
            @Pattern(regexp = "STANDARD|COMPLEX|VERY_COMPLEX", message = "{validation.option}")
            String level,

            @NotBlank(message = "{validation.required}")
            @Size(max = CaseComplexity.DECISION_NUMBER_MAX, message = "{validation.size.max}")
            String decisionNumber,

            @NotNull(message = "{validation.required}") @PastOrPresent(message = "{validation.notAfterToday}")
            LocalDate decisionDate,

            @Reason String reason) {}

    record ComplexityView(String previous, String level, boolean legalExtension, List<DeadlineView> deadlines) {}

    @GetMapping("/api/cases/{code}/deadlines")
    @Operation(summary = "Every deadline of the case: rule, legal basis, unit, statutory and target dates, state")
    List<DeadlineView> deadlines(@PathVariable String code, @AuthenticationPrincipal TandemPrincipal principal) {
        return clocks.of(caseFiles.visible(code, principal.user())).stream()
                .map(DeadlineView::of)
                .toList();
    }

    @PostMapping("/api/cases/{code}/clock/pause")
    @Operation(summary = "Pause the case's legal clock with a reason (assigned officer, lead supervisors)")
    ResponseEntity<Void> pause(
            @PathVariable String code,
            @Valid @RequestBody(required = false) PauseRequest body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        control.pause(code, body == null ? null : body.reason(), principal.user());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{code}/clock/resume")
    @Operation(summary = "Resume the case's legal clock; open tasks' due dates move by the paused time")
    ResponseEntity<Void> resume(@PathVariable String code, @AuthenticationPrincipal TandemPrincipal principal) {
        control.resume(code, principal.user());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cases/{code}/complexity")
    @Operation(
            summary = "Set the complexity of a case being resolved with the written decision (lead supervisors, "
                    + "admins; audited); due dates move; for a denunciation the decision extends the resolution once")
    ComplexityView complexity(
            @PathVariable String code,
            @Valid @RequestBody(required = false) ComplexityRequest body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        ComplexityRequest b = body == null ? new ComplexityRequest(null, null, null, null) : body;
        CaseComplexity.Result result = complexity.change(
                code,
                new CaseComplexity.Request(b.level(), b.decisionNumber(), b.decisionDate(), b.reason()),
                principal.user());
        return new ComplexityView(
                result.previous().name(),
                result.level().name(),
                result.extension() != null,
                result.clocks().stream().map(DeadlineView::of).toList());
    }
}
