package vn.tandem.exchange.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.RedirectOnError;
import vn.tandem.exchange.Exchange;
import vn.tandem.exchange.InformationRequestForm;
import vn.tandem.identity.TandemPrincipal;

/** The "request information" form on the case page: an invalid request goes back with the question kept. */
@Controller
class ExchangeController {

    private final Exchange exchange;
    private final MessageSource messages;

    ExchangeController(Exchange exchange, MessageSource messages) {
        this.exchange = exchange;
        this.messages = messages;
    }

    @PostMapping("/cases/{code}/information-requests")
    @RedirectOnError(value = "/cases/{code}", form = "exchange-form")
    String ask(
            @PathVariable String code,
            @Valid @ModelAttribute InformationRequestForm form,
            @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        var request = exchange.ask(code, form, principal.user());
        if (file != null && !file.isEmpty()) {
            try (var in = file.getInputStream()) {
                exchange.attach(request, file.getOriginalFilename(), in, principal.user());
            }
        }
        redirect.addFlashAttribute("success", messages.getMessage("exchange.sent", null, locale));
        return "redirect:/cases/" + code + "#exchange";
    }
}
