package vn.tandem.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.common.Reason;
import vn.tandem.sla.LegalRule;
import vn.tandem.sla.LegalRules;
import vn.tandem.sla.LegalStep;
import vn.tandem.sla.Variant;

/**
 * The legal deadline rules over the API: every rule's current version; a new rule; a new version from an
 * effective date (one before today needs {@code confirmBackdated}, else 409 naming the running cases that keep their
 * version); retiring a rule. Writes are for administrators, and each says why.
 */
@RestController
@RequestMapping("/api/rules")
@Tag(name = "Rules")
class RulesApiController {

    private final LegalRules rules;

    RulesApiController(LegalRules rules) {
        this.rules = rules;
    }

    record RuleView(
            String rule,
            int version,
            String caseType,
            String step,
            String variant,
            Integer instance,
            Integer duration,
            String unit,
            Integer targetDays,
            Integer targetPercent,
            int maxExtensions,
            int maxExtensionDays,
            String legalBasis,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            String reason,
            String retiredReason) {

        static RuleView of(LegalRule r) {
            return new RuleView(
                    r.getCode(),
                    r.getVersion(),
                    r.getCaseType(),
                    r.getStep().name(),
                    r.getVariant().name(),
                    r.getInstance(),
                    r.getDurationDays(),
                    r.getUnit().name(),
                    r.getTargetDays(),
                    r.getTargetPercent(),
                    r.getMaxExtensions(),
                    r.getMaxExtensionDays(),
                    r.getLegalBasis(),
                    r.getEffectiveFrom(),
                    r.getEffectiveTo(),
                    r.getReason(),
                    r.getRetiredReason());
        }
    }

    /** A new rule. {@code step}: one of the legal steps; {@code duration}: statutory days (empty: no statute). */
    record NewRule(
            @NotNull(message = "{rule.code}")
            @Pattern(regexp = "\\s*[A-Za-z][A-Za-z0-9_]{2,59}\\s*", message = "{rule.code}")
            String rule,

            String caseType,
            @NotNull(message = "{rule.step}") LegalStep step,
            Variant variant,

            @Min(value = 1, message = "{validation.value.min}") @Max(value = 2, message = "{validation.value.max}")
            Integer instance,

            @Min(value = 1, message = "{validation.value.min}") @Max(value = 365, message = "{validation.value.max}")
            Integer duration,

            LegalRule.Unit unit,

            @Min(value = 1, message = "{validation.value.min}") @Max(value = 365, message = "{validation.value.max}")
            Integer targetDays,

            @Min(value = 0, message = "{validation.value.min}") @Max(value = 90, message = "{validation.value.max}")
            Integer targetPercent,

            @Min(value = 0, message = "{validation.value.min}") @Max(value = 5, message = "{validation.value.max}")
            Integer maxExtensions,

            @Min(value = 0, message = "{validation.value.min}") @Max(value = 365, message = "{validation.value.max}")
            Integer maxExtensionDays,

            @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.size.max}")
            String legalBasis,

            @NotNull(message = "{validation.required}") LocalDate effectiveFrom,
            @Reason String reason) {}

    /** A new version of a rule's figures. */
    record NewVersion(
            @Min(value = 1, message = "{validation.value.min}") @Max(value = 365, message = "{validation.value.max}")
            Integer duration,

            LegalRule.Unit unit,

            @Min(value = 1, message = "{validation.value.min}") @Max(value = 365, message = "{validation.value.max}")
            Integer targetDays,

            @Min(value = 0, message = "{validation.value.min}") @Max(value = 90, message = "{validation.value.max}")
            Integer targetPercent,

            @Min(value = 0, message = "{validation.value.min}") @Max(value = 5, message = "{validation.value.max}")
            Integer maxExtensions,

            @Min(value = 0, message = "{validation.value.min}") @Max(value = 365, message = "{validation.value.max}")
            Integer maxExtensionDays,

            @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.size.max}")
            String legalBasis,

            @NotNull(message = "{validation.required}") LocalDate effectiveFrom,
            @Reason String reason,
            Boolean confirmBackdated) {}

    record VersionView(RuleView version, List<String> unaffectedCases) {}

    /** Retiring a rule from a day. */
    record Retirement(
            @NotNull(message = "{validation.required}") LocalDate effectiveTo,
            @Reason String reason) {}

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Operation(summary = "Every rule's current version (retired rules show their effectiveTo)")
    List<RuleView> list() {
        return rules.current().stream().map(RuleView::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a rule (administrators; audited)")
    ResponseEntity<RuleView> create(@Valid @RequestBody(required = false) NewRule body) {
        NewRule b = body == null
                ? new NewRule(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : body;
        LegalRule rule = rules.create(
                new LegalRules.NewRule(
                        b.rule(),
                        b.caseType(),
                        b.step(),
                        b.instance(),
                        b.variant(),
                        figures(
                                b.duration(),
                                b.unit(),
                                b.targetDays(),
                                b.targetPercent(),
                                b.maxExtensions(),
                                b.maxExtensionDays(),
                                b.legalBasis()),
                        b.effectiveFrom()),
                b.reason());
        return ResponseEntity.created(URI.create("/api/rules/" + rule.getCode()))
                .body(RuleView.of(rule));
    }

    @PostMapping("/{rule}/versions")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a version effective from a day; before today needs confirmBackdated (administrators)")
    ResponseEntity<VersionView> version(
            @PathVariable("rule") String code, @Valid @RequestBody(required = false) NewVersion body) {
        NewVersion b = body == null ? new NewVersion(null, null, null, null, null, null, null, null, null, null) : body;
        LegalRules.VersionResult result = rules.newVersion(
                code,
                figures(
                        b.duration(),
                        b.unit(),
                        b.targetDays(),
                        b.targetPercent(),
                        b.maxExtensions(),
                        b.maxExtensionDays(),
                        b.legalBasis()),
                b.effectiveFrom(),
                b.reason(),
                Boolean.TRUE.equals(b.confirmBackdated()));
        return ResponseEntity.created(URI.create("/api/rules/" + code))
                .body(new VersionView(RuleView.of(result.version()), result.unaffectedCases()));
    }

    @PostMapping("/{rule}/retire")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Retire a rule from a day: clocks starting then no longer follow it (administrators)")
    RuleView retire(@PathVariable("rule") String code, @Valid @RequestBody(required = false) Retirement body) {
        return RuleView.of(
                rules.retire(code, body == null ? null : body.effectiveTo(), body == null ? null : body.reason()));
    }

    static LegalRule.Figures figures(
            Integer duration,
            LegalRule.Unit unit,
            Integer targetDays,
            Integer targetPercent,
            Integer maxExtensions,
            Integer maxExtensionDays,
            String legalBasis) {
        return new LegalRule.Figures(
                duration,
                unit,
                targetDays,
                targetPercent,
                maxExtensions == null ? 0 : maxExtensions,
                maxExtensionDays == null ? 0 : maxExtensionDays,
                legalBasis);
    }
}
