package vn.tandem.open311.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.open311.Open311Keys;

/** Administrators issue and revoke the Open311 API keys: a page at {@code /admin/open311} and the same over the API. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class Open311KeysController {

    private final Open311Keys keys;
    private final MessageSource messages;

    Open311KeysController(Open311Keys keys, MessageSource messages) {
        this.keys = keys;
        this.messages = messages;
    }

    @GetMapping("/admin/open311")
    String page(Model model) {
        model.addAttribute("keys", keys.all());
        return "open311/keys";
    }

    @PostMapping("/admin/open311")
    String issue(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String perMinute,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer limit = null;
        if (perMinute != null && !perMinute.isBlank()) {
            try {
                limit = Integer.valueOf(perMinute.strip());
            } catch (NumberFormatException e) {
                errors.put("perMinute", messages.getMessage("validation.number", null, locale));
            }
        }
        if (errors.isEmpty()) {
            try {
                redirect.addFlashAttribute(
                        "issued", keys.issue(name, limit, principal.user().username()));
                return "redirect:/admin/open311";
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.fieldProblems()) {
                    errors.putIfAbsent(p.field(), messages.getMessage(p.code(), p.args(), locale));
                }
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        model.addAttribute("perMinute", perMinute);
        return page(model);
    }

    @PostMapping("/admin/open311/{id}/revoke")
    String revoke(
            @PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal, RedirectAttributes redirect) {
        keys.revoke(id, principal.user().username());
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/admin/open311";
    }
}
