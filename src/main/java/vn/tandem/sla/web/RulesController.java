package vn.tandem.sla.web;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.TandemException;
import vn.tandem.sla.LegalRule;
import vn.tandem.sla.LegalRules;

/** The legal deadline rules for administrators: every rule with its versions; a change is a new version. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RulesController {

    private final LegalRules rules;
    private final MessageSource messages;

    RulesController(LegalRules rules, MessageSource messages) {
        this.rules = rules;
        this.messages = messages;
    }

    @GetMapping("/admin/rules")
    String page(Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("units", LegalRule.Unit.values());
        return "sla/rules";
    }

    @PostMapping("/admin/rules/{code}")
    String newVersion(@PathVariable String code, @RequestParam(required = false) Integer durationDays,
            @RequestParam(required = false) LegalRule.Unit unit, @RequestParam(required = false) String legalBasis,
            @RequestParam(required = false) Integer targetDays, @RequestParam(required = false) Integer targetPercent,
            @RequestParam(defaultValue = "0") int maxExtensions, @RequestParam(defaultValue = "0") int maxExtensionDays,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            RedirectAttributes redirect, Locale locale) {
        try {
            rules.newVersion(code, durationDays, unit, legalBasis, targetDays, targetPercent, maxExtensions,
                    maxExtensionDays, effectiveFrom);
            redirect.addFlashAttribute("success", messages.getMessage("rules.saved", new Object[] {code}, locale));
        } catch (TandemException e) {
            var code1 = e.fieldProblems().isEmpty() ? e.messageCode() : e.fieldProblems().get(0).code();
            var args = e.fieldProblems().isEmpty() ? e.args() : e.fieldProblems().get(0).args();
            redirect.addFlashAttribute("error", messages.getMessage(code1, args, code1, locale));
        }
        return "redirect:/admin/rules#" + code;
    }
}
