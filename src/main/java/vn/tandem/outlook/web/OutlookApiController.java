package vn.tandem.outlook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.outlook.Outlook;
import vn.tandem.outlook.OutlookWeight;

/** The outlook over the API, and its weights (administrators). */
@RestController
@Tag(name = "Risk outlook")
class OutlookApiController {

    private final Outlook outlook;
    private final MessageSource messages;

    OutlookApiController(Outlook outlook, MessageSource messages) {
        this.outlook = outlook;
        this.messages = messages;
    }

    record UnitScore(
            long unitId, String unitName, double score, String level, List<String> reasons, List<Double> trend) {}

    @GetMapping("/api/outlook")
    @Operation(
            summary = "Every commune unit the caller sees, highest score first: score, level (LOW, ELEVATED, HIGH,"
                    + " CRITICAL), top reasons in the caller's language and the scores of the last 12 weeks (oldest"
                    + " first) on asOf (default today; not in the future)")
    List<UnitScore> outlook(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @AuthenticationPrincipal TandemPrincipal principal,
            Locale locale) {
        return outlook.rank(asOf, principal.user()).stream()
                .map(o -> OutlookView.of(o, messages, locale))
                .map(v -> new UnitScore(
                        v.unitId(), v.unitName(), v.score(), v.level().name(), v.reasons(), v.trend()))
                .toList();
    }

    record WeightView(String code, double weight, String changedBy, Instant changedAt) {

        static WeightView of(OutlookWeight w) {
            return new WeightView(w.getCode(), w.getWeight(), w.getChangedBy(), w.getChangedAt());
        }
    }

    @GetMapping("/api/outlook/weights")
    @Operation(summary = "The outlook's weights and level thresholds (administrators)")
    List<WeightView> weights(@AuthenticationPrincipal TandemPrincipal principal) {
        return outlook.weightRows(principal.user()).stream().map(WeightView::of).toList();
    }

    record WeightBody(Double weight) {}

    @PutMapping("/api/outlook/weights/{code}")
    @Operation(summary = "Set one weight (0 to 1000; half-life at least 1 day; thresholds in order); audited")
    WeightView change(
            @PathVariable String code,
            @RequestBody WeightBody body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        return WeightView.of(outlook.change(code, body.weight(), principal.user()));
    }
}
