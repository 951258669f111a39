package vn.tandem.notice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.notice.Transfer;
import vn.tandem.notice.Transfers;

/** Transfers over the API: a case's transfer, the receiving body's answer, the register. */
@RestController
@Tag(name = "Transfers")
class TransferApiController {

    private final Transfers transfers;

    TransferApiController(Transfers transfers) {
        this.transfers = transfers;
    }

    @Operation(
            summary = "The transfer of a case",
            description = "The competent body, the forwarding limit and whether it was met, the day the answer is"
                    + " awaited by, the answer, and the slip and notice issued. 404 when the case was not transferred.")
    @GetMapping("/api/cases/{code}/transfer")
    Transfers.TransferView transfer(@PathVariable String code, @AuthenticationPrincipal TandemPrincipal principal) {
        return transfers.ofCase(code, principal.user()).orElseThrow(() -> new NotFoundException("transfer.notFound"));
    }

    @Operation(
            summary = "Record the receiving body's answer (ACCEPTED, RESOLVED or RETURNED)",
            description = "answeredOn is an ISO date between the transfer and today; a note is required when the body"
                    + " sent the matter back (the lead agency's supervisors are told). A later answer replaces an"
                    + " earlier one; each is kept on the timeline.")
    @PostMapping("/api/cases/{code}/transfer/answer")
    Transfers.TransferView answer(
            @PathVariable String code,
            @RequestBody(required = false) Transfers.AnswerInput body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        return transfers.answer(code, body, principal.user());
    }

    @Operation(
            summary = "The transfer register",
            description = "Transfers of the cases the user sees; state AWAITING, OVERDUE or ANSWERED; 50 a page.")
    @GetMapping("/api/transfers")
    Transfers.Listing list(
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") String page,
            @AuthenticationPrincipal TandemPrincipal principal) {
        return transfers.list(state(state), page(page), principal.user());
    }

    static Transfer.State state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        for (Transfer.State s : Transfer.State.values()) {
            if (s.name().equalsIgnoreCase(state.strip())) {
                return s;
            }
        }
        throw new InvalidInputException("state", "transfer.state");
    }

    static int page(String page) {
        try {
            int p = Integer.parseInt(page.strip());
            if (p >= 0 && p <= 100_000) {
                return p;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new InvalidInputException("page", "validation.page");
    }
}
