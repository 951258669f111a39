package vn.tandem.exchange.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.InvalidInputException;
import vn.tandem.exchange.Exchange;
import vn.tandem.identity.TandemPrincipal;

/** The "request information" form on the case page. */
@Controller
class ExchangeController {

    private final Exchange exchange;
    private final MessageSource messages;

    ExchangeController(Exchange exchange, MessageSource messages) {
        this.exchange = exchange;
        this.messages = messages;
    }

    @PostMapping("/cases/{code}/information-requests")
    String ask(
            @PathVariable String code,
            @RequestParam(required = false) String toAgency,
            @RequestParam(required = false) String question,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
            @RequestParam(required = false) String urgency,
            @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        try {
            var request = exchange.ask(code, toAgency, question, dueDate, urgency, principal.user());
            if (file != null && !file.isEmpty()) {
                try (var in = file.getInputStream()) {
                    exchange.attach(request, file.getOriginalFilename(), in, principal.user());
                }
            }
            redirect.addFlashAttribute("success", messages.getMessage("exchange.sent", null, locale));
        } catch (InvalidInputException e) {
            var p = e.fieldProblems().get(0);
            redirect.addFlashAttribute("error", messages.getMessage(p.code(), p.args(), locale));
            redirect.addFlashAttribute("question", question);
        }
        return "redirect:/cases/" + code + "#exchange";
    }
}
