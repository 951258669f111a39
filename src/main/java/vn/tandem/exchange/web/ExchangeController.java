package vn.tandem.exchange.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.RedirectOnError;
import vn.tandem.common.web.StoredFile;
import vn.tandem.exchange.Exchange;
import vn.tandem.exchange.InformationRequestForm;
import vn.tandem.exchange.UnitRequestForm;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.TandemPrincipal;

/**
 * The "request information" form on the case page (an invalid request goes back with the question kept), and the
 * exchange page: requests between the agencies about a unit's area and a topic, without a case.
 */
@Controller
class ExchangeController {

    private final Exchange exchange;
    private final MessageSource messages;
    private final Directory directory;

    ExchangeController(Exchange exchange, MessageSource messages, Directory directory) {
        this.exchange = exchange;
        this.messages = messages;
        this.directory = directory;
    }

    @GetMapping("/exchanges")
    String exchanges(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        CurrentUser user = principal.user();
        model.addAttribute("requests", exchange.withoutCase(user));
        model.addAttribute(
                "agencies",
                directory.agencies().stream()
                        .filter(a -> !a.getCode().equals(user.agency()))
                        .toList());
        model.addAttribute(
                "units",
                directory.units().stream()
                        .filter(u -> user.coversArea(u.getArea().getPath()))
                        .toList());
        model.addAttribute("mayAsk", user.has(Role.OFFICER) || user.has(Role.SUPERVISOR));
        return "exchange/list";
    }

    @PostMapping("/exchanges")
    @RedirectOnError(value = "/exchanges", form = "unit-request-form")
    String askAboutUnit(
            @RequestParam(required = false) String toAgency,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String question,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
            @RequestParam(required = false) String urgency,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        var request = exchange.askAboutUnit(
                new UnitRequestForm(toAgency, unitId, topic, question, dueDate, urgency), principal.user());
        redirect.addFlashAttribute(
                "success", messages.getMessage("exchange.sentAboutUnit", new Object[] {request.reference()}, locale));
        return "redirect:/exchanges#request-" + request.getId();
    }

    @GetMapping("/exchanges/{id}/document")
    ResponseEntity<InputStreamResource> document(
            @PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) throws IOException {
        return documentResponse(exchange.document(id, principal.user()));
    }

    /** The document of a request without a case, downloaded under its own name with its sniffed type. */
    static ResponseEntity<InputStreamResource> documentResponse(Exchange.Document document) {
        var r = document.request();
        return StoredFile.response(
                r.getDocumentName(), r.getDocumentType(), r.getDocumentSize(), document.stream(), false);
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
