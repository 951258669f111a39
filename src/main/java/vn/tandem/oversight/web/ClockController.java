package vn.tandem.oversight.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.TandemException;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.oversight.ClockControl;

/** Pausing and resuming a case's clock from the case page. */
@Controller
class ClockController {

    private final ClockControl control;
    private final MessageSource messages;

    ClockController(ClockControl control, MessageSource messages) {
        this.control = control;
        this.messages = messages;
    }

    @PostMapping("/cases/{code}/clock")
    String change(@PathVariable String code, @RequestParam(defaultValue = "pause") String action,
            @RequestParam(required = false) String reason, @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect, Locale locale) {
        try {
            if ("resume".equals(action)) {
                control.resume(code, principal.user());
            } else {
                control.pause(code, reason, principal.user());
            }
            redirect.addFlashAttribute("success", messages.getMessage("clock." + ("resume".equals(action)
                    ? "resumed" : "paused"), null, locale));
        } catch (TandemException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            var code1 = e.fieldProblems().isEmpty() ? e.messageCode() : e.fieldProblems().get(0).code();
            var args = e.fieldProblems().isEmpty() ? e.args() : e.fieldProblems().get(0).args();
            redirect.addFlashAttribute("error", messages.getMessage(code1, args, code1, locale));
        }
        return "redirect:/cases/" + code;
    }
}
