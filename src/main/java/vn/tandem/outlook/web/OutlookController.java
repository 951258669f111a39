package vn.tandem.outlook.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.outlook.Outlook;

/** The outlook page (units ranked, reasons, trends, unit × week heat table) and the administrators' weights page. */
@Controller
class OutlookController {

    private final Outlook outlook;
    private final MessageSource messages;
    private final Clock clock;

    OutlookController(Outlook outlook, MessageSource messages, Clock clock) {
        this.outlook = outlook;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/outlook")
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            Locale locale) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf == null || asOf.isAfter(today) ? today : asOf;
        List<OutlookView> units = outlook.rank(day, principal.user()).stream()
                .map(o -> OutlookView.of(o, messages, locale))
                .toList();
        List<LocalDate> weeks = new ArrayList<>();
        for (int k = Outlook.TREND_WEEKS - 1; k >= 0; k--) {
            weeks.add(day.minusWeeks(k));
        }
        model.addAttribute("units", units);
        model.addAttribute("weeks", weeks);
        model.addAttribute("asOf", day);
        model.addAttribute("today", today);
        return "outlook/outlook";
    }

    @GetMapping("/admin/outlook")
    String weights(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        model.addAttribute("rows", outlook.weightRows(principal.user()));
        return "outlook/weights";
    }

    @PostMapping("/admin/outlook/{code}")
    String change(
            @PathVariable String code,
            @RequestParam(name = "weight", required = false) String weight,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            Double value = weight == null || weight.isBlank()
                    ? null
                    : Double.valueOf(weight.strip().replace(',', '.'));
            outlook.change(code, value, principal.user());
            redirect.addFlashAttribute("success", messages.getMessage("outlook.weights.saved", null, locale));
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", messages.getMessage("outlook.weights.number", null, locale));
            redirect.addFlashAttribute("errorCode", code);
        } catch (InvalidInputException e) {
            var p = e.fieldProblems().get(0);
            redirect.addFlashAttribute("error", messages.getMessage(p.code(), p.args(), p.code(), locale));
            redirect.addFlashAttribute("errorCode", code);
        }
        return "redirect:/admin/outlook#weight-" + code;
    }
}
