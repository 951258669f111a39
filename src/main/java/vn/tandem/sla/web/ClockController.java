package vn.tandem.sla.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.RedirectOnError;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.sla.CaseComplexity;
import vn.tandem.sla.ClockControl;

/** Pausing and resuming a case's clock, and deciding its complexity, from the case page. */
@Controller
class ClockController {

    private final ClockControl control;
    private final CaseComplexity complexity;
    private final MessageSource messages;

    ClockController(ClockControl control, CaseComplexity complexity, MessageSource messages) {
        this.control = control;
        this.complexity = complexity;
        this.messages = messages;
    }

    /** The complexity decided with its written decision; a refusal re-opens the form with each error by its field. */
    @PostMapping("/cases/{code}/complexity")
    @RedirectOnError("/cases/{code}#deadlines")
    String complexity(
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove("_csrf");
        LocalDate decisionDate = null;
        Map<String, String> errors = new LinkedHashMap<>();
        String rawDate = form.get("decisionDate");
        if (rawDate != null && !rawDate.isBlank()) {
            try {
                decisionDate = LocalDate.parse(rawDate.strip());
            } catch (DateTimeParseException e) {
                errors.put("decisionDate", messages.getMessage("validation.date", null, locale));
            }
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException("decisionDate", "validation.date");
            }
            CaseComplexity.Result result = complexity.change(
                    code,
                    new CaseComplexity.Request(
                            form.get("level"), form.get("decisionNumber"), decisionDate, form.get("reason")),
                    principal.user());
            redirect.addFlashAttribute(
                    "success",
                    messages.getMessage(
                            result.extension() != null ? "complexity.changedExtended" : "complexity.changed",
                            new Object[] {messages.getMessage("complexity." + result.level(), null, locale)},
                            locale));
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.fieldProblems()) {
                errors.putIfAbsent(p.field(), messages.getMessage(p.code(), p.args(), p.code(), locale));
            }
            redirect.addFlashAttribute("complexityErrors", errors);
            redirect.addFlashAttribute("complexityValues", values);
            redirect.addFlashAttribute("error", messages.getMessage("error.validation", null, locale));
        }
        return "redirect:/cases/" + code + "#deadlines";
    }

    @PostMapping("/cases/{code}/clock")
    @RedirectOnError(value = "/cases/{code}", form = "clock-pause-form")
    String change(
            @PathVariable String code,
            @RequestParam(defaultValue = "pause") String action,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        if ("resume".equals(action)) {
            control.resume(code, principal.user());
        } else {
            control.pause(code, reason, principal.user());
        }
        redirect.addFlashAttribute(
                "success",
                messages.getMessage("clock." + ("resume".equals(action) ? "resumed" : "paused"), null, locale));
        return "redirect:/cases/" + code;
    }
}
