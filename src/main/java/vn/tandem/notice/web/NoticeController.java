package vn.tandem.notice.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.RedirectOnError;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.notice.Notices;
import vn.tandem.notice.Transfer;
import vn.tandem.notice.Transfers;

/**
 * The case page's notice and transfer forms, the notices' files for the browser, and the transfer register: every
 * transfer of the cases the user sees, those awaiting an answer and those overdue first.
 */
@Controller
class NoticeController {

    private final Notices notices;
    private final Transfers transfers;
    private final MessageSource messages;

    NoticeController(Notices notices, Transfers transfers, MessageSource messages) {
        this.notices = notices;
        this.transfers = transfers;
        this.messages = messages;
    }

    @PostMapping("/cases/{code}/notices")
    @RedirectOnError(value = "/cases/{code}#notices", form = "notice-form")
    String issue(
            @PathVariable String code,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String legalGround,
            @RequestParam(required = false) String recipient,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        Notices.Issued issued =
                notices.issue(code, NoticeApiController.parse(type), legalGround, recipient, principal.user());
        redirect.addFlashAttribute(
                "success", messages.getMessage("notice.issued", new Object[] {issued.number()}, locale));
        return "redirect:/cases/" + code + "#notices";
    }

    @GetMapping("/cases/{code}/notices/{id}.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable String code, @PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        return NoticeApiController.file(
                notices.file(code, id, "pdf", principal.user()), code + "-" + id + ".pdf", "application/pdf");
    }

    @GetMapping("/cases/{code}/notices/{id}.docx")
    ResponseEntity<byte[]> docx(
            @PathVariable String code, @PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        return NoticeApiController.file(
                notices.file(code, id, "docx", principal.user()), code + "-" + id + ".docx", NoticeApiController.DOCX);
    }

    @PostMapping("/cases/{code}/transfer/answer")
    @RedirectOnError(value = "/cases/{code}#transfer", form = "transfer-answer-form")
    String answer(
            @PathVariable String code,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String answeredOn,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        transfers.answer(code, new Transfers.AnswerInput(kind, reference, note, answeredOn), principal.user());
        redirect.addFlashAttribute("success", messages.getMessage("transfer.answered", null, locale));
        return "redirect:/cases/" + code + "#transfer";
    }

    @GetMapping("/transfers")
    String register(
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") String page,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model) {
        Transfer.State chosen = TransferApiController.state(state);
        model.addAttribute("state", chosen);
        model.addAttribute("states", Transfer.State.values());
        model.addAttribute("listing", transfers.list(chosen, TransferApiController.page(page), principal.user()));
        return "notice/transfers";
    }
}
