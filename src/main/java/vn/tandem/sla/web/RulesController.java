package vn.tandem.sla.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.casefile.CaseType;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.RedirectOnError;
import vn.tandem.sla.LegalRule;
import vn.tandem.sla.LegalRules;
import vn.tandem.sla.LegalStep;
import vn.tandem.sla.Variant;

/**
 * The legal deadline rules for administrators: every rule with its versions, grouped by case type; a new rule; a
 * change as a new version from an effective date (one before today asks for confirmation and lists the running cases
 * that keep their version); retiring a rule. A refused form comes back with its values and each error by its field.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RulesController {

    /** The form the page re-opens after a refusal: "new", or a rule code with "version" or "retire". */
    record OpenForm(
            String rule,
            String kind,
            Map<String, String> values,
            Map<String, String> errors,
            boolean backdated,
            List<String> unaffectedCases) {}

    private static final String NEW = "new";

    private final LegalRules rules;
    private final MessageSource messages;

    RulesController(LegalRules rules, MessageSource messages) {
        this.rules = rules;
        this.messages = messages;
    }

    @GetMapping("/admin/rules")
    String page(Model model) {
        return render(model, null);
    }

    @PostMapping("/admin/rules")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        LegalRule.Figures figures = figures(form, errors);
        LegalStep step = form.get("step") == null || form.get("step").isBlank()
                ? null
                : LegalStep.parse(form.get("step")).orElse(null);
        if (form.get("step") != null && !form.get("step").isBlank() && step == null) {
            errors.put("step", "validation.option");
        }
        Variant variant = parseEnum(Variant.class, form.get("variant"), "variant", errors);
        Integer instance = number(form, "instance", errors);
        LocalDate from = date(form, "effectiveFrom", errors);
        try {
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
            LegalRule rule = rules.create(
                    new LegalRules.NewRule(
                            form.get("rule"), form.get("caseType"), step, instance, variant, figures, from),
                    form.get("reason"));
            redirect.addFlashAttribute(
                    "success", messages.getMessage("rules.created", new Object[] {rule.getCode()}, locale));
            return "redirect:/admin/rules#" + rule.getCode();
        } catch (InvalidInputException e) {
            return render(model, new OpenForm(NEW, NEW, form, resolved(e, errors, locale), false, List.of()));
        }
    }

    @PostMapping("/admin/rules/{code}/versions")
    @RedirectOnError("/admin/rules#{code}")
    String newVersion(
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        LegalRule.Figures figures = figures(form, errors);
        LocalDate from = date(form, "effectiveFrom", errors);
        try {
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
            LegalRules.VersionResult result = rules.newVersion(
                    code, figures, from, form.get("reason"), "true".equals(form.get("confirmBackdated")));
            redirect.addFlashAttribute(
                    "success",
                    messages.getMessage(
                            result.unaffectedCases().isEmpty() ? "rules.saved" : "rules.savedBackdated",
                            new Object[] {code, result.unaffectedCases().size()},
                            locale));
            return "redirect:/admin/rules#" + code;
        } catch (LegalRules.Backdated e) {
            return render(model, new OpenForm(code, "version", form, Map.of(), true, e.cases()));
        } catch (InvalidInputException e) {
            return render(model, new OpenForm(code, "version", form, resolved(e, errors, locale), false, List.of()));
        }
    }

    @PostMapping("/admin/rules/{code}/retire")
    @RedirectOnError("/admin/rules#{code}")
    String retire(
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate to = date(form, "effectiveTo", errors);
        try {
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
            rules.retire(code, to, form.get("reason"));
            redirect.addFlashAttribute("success", messages.getMessage("rules.retiredOk", new Object[] {code}, locale));
            return "redirect:/admin/rules#" + code;
        } catch (InvalidInputException e) {
            return render(model, new OpenForm(code, "retire", form, resolved(e, errors, locale), false, List.of()));
        }
    }

    private String render(Model model, OpenForm open) {
        Map<String, List<LegalRule>> all = rules.all();
        // any-type rules first, then by case type in the order of the enum
        Map<String, Map<String, List<LegalRule>>> byType = new LinkedHashMap<>();
        byType.put("", new LinkedHashMap<>());
        for (CaseType t : CaseType.values()) {
            byType.put(t.name(), new LinkedHashMap<>());
        }
        all.forEach((code, versions) -> byType.get(
                        versions.get(0).getCaseType() == null
                                ? ""
                                : versions.get(0).getCaseType())
                .put(code, versions));
        byType.values().removeIf(Map::isEmpty);
        model.addAttribute("groups", byType);
        model.addAttribute("units", LegalRule.Unit.values());
        model.addAttribute("steps", LegalStep.values());
        model.addAttribute("variants", Variant.values());
        model.addAttribute("caseTypes", CaseType.values());
        model.addAttribute("open", open);
        return "sla/rules";
    }

    private static LegalRule.Figures figures(Map<String, String> form, Map<String, String> errors) {
        Integer duration = number(form, "duration", errors);
        LegalRule.Unit unit = parseEnum(LegalRule.Unit.class, form.get("unit"), "unit", errors);
        Integer targetDays = number(form, "targetDays", errors);
        Integer targetPercent = number(form, "targetPercent", errors);
        Integer maxExtensions = number(form, "maxExtensions", errors);
        Integer maxExtensionDays = number(form, "maxExtensionDays", errors);
        return new LegalRule.Figures(
                duration,
                unit,
                targetDays,
                targetPercent,
                maxExtensions == null ? 0 : maxExtensions,
                maxExtensionDays == null ? 0 : maxExtensionDays,
                form.get("legalBasis"));
    }

    private static Integer number(Map<String, String> form, String field, Map<String, String> errors) {
        String raw = form.get(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "validation.number");
            return null;
        }
    }

    private static LocalDate date(Map<String, String> form, String field, Map<String, String> errors) {
        String raw = form.get(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "validation.date");
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(
            Class<E> type, String raw, String field, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(raw.strip())) {
                return value;
            }
        }
        errors.put(field, "validation.option");
        return null;
    }

    private static InvalidInputException invalid(Map<String, String> errors) {
        List<FieldProblem> problems = new ArrayList<>();
        errors.forEach((field, code) -> problems.add(new FieldProblem(field, code)));
        return new InvalidInputException(problems);
    }

    /** Each field's first problem in the user's language; the form's own parse errors first. */
    private Map<String, String> resolved(InvalidInputException e, Map<String, String> parseErrors, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        parseErrors.forEach((field, code) -> byField.put(field, messages.getMessage(code, null, code, locale)));
        for (FieldProblem p : e.fieldProblems()) {
            byField.putIfAbsent(p.field(), messages.getMessage(p.code(), p.args(), p.code(), locale));
        }
        return byField;
    }
}
