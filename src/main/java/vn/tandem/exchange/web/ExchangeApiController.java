package vn.tandem.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.exchange.Exchange;
import vn.tandem.exchange.InformationRequest;
import vn.tandem.exchange.InformationRequestForm;
import vn.tandem.exchange.UnitRequestForm;
import vn.tandem.identity.TandemPrincipal;

/** Information requests over the API. */
@RestController
@Tag(name = "Information requests")
class ExchangeApiController {

    private final Exchange exchange;
    private final CaseFiles caseFiles;

    ExchangeApiController(Exchange exchange, CaseFiles caseFiles) {
        this.exchange = exchange;
        this.caseFiles = caseFiles;
    }

    record RequestView(
            long id,
            String caseCode,
            String fromAgency,
            String toAgency,
            String question,
            String urgency,
            Instant due,
            String status,
            String requestedBy,
            Instant requestedAt,
            String answer,
            String answeredBy,
            Instant answeredAt,
            String acknowledgedBy,
            Instant acknowledgedAt,
            String reference,
            Long unitId,
            String topic,
            String documentName) {}

    @PostMapping("/api/cases/{code}/information-requests")
    @Operation(
            summary = "Ask the other agency for information on a case; dueDate defaults to the information-request"
                    + " rule (5 working days), urgency to NORMAL (or URGENT)")
    ResponseEntity<RequestView> ask(
            @PathVariable String code,
            @Valid @RequestBody InformationRequestForm body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        InformationRequest r = exchange.ask(code, body, principal.user());
        return ResponseEntity.created(URI.create("/api/information-requests/" + r.getId()))
                .body(view(r, code));
    }

    @PostMapping("/api/information-requests")
    @Operation(
            summary = "Ask the other agency for information about a unit's area and a topic, without a case; answered"
                    + " by its officers covering that area; dueDate defaults to the information-request rule")
    ResponseEntity<RequestView> askAboutUnit(
            @RequestBody UnitRequestForm body, @AuthenticationPrincipal TandemPrincipal principal) {
        InformationRequest r = exchange.askAboutUnit(body, principal.user());
        return ResponseEntity.created(URI.create("/api/information-requests/" + r.getId()))
                .body(view(r, null));
    }

    @GetMapping("/api/information-requests")
    @Operation(summary = "The requests without a case the caller sees (to or from their agency, in their area)")
    List<RequestView> withoutCase(@AuthenticationPrincipal TandemPrincipal principal) {
        return exchange.withoutCase(principal.user()).stream()
                .map(r -> view(r, null))
                .toList();
    }

    @GetMapping("/api/information-requests/{id}")
    RequestView get(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        InformationRequest r = exchange.get(id, principal.user());
        return view(
                r,
                r.isWithoutCase()
                        ? null
                        : caseFiles.byId(r.getCaseId()).orElseThrow().getCode());
    }

    @GetMapping("/api/information-requests/{id}/document")
    @Operation(summary = "The document answered with a request without a case")
    ResponseEntity<InputStreamResource> document(
            @PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) throws IOException {
        return ExchangeController.documentResponse(exchange.document(id, principal.user()));
    }

    private static RequestView view(InformationRequest r, String caseCode) {
        return new RequestView(
                r.getId(),
                caseCode,
                r.getFromAgency(),
                r.getToAgency(),
                r.getQuestion(),
                r.getUrgency(),
                r.getDueAt(),
                r.getStatus().name(),
                r.getRequestedBy(),
                r.getRequestedAt(),
                r.getAnswer(),
                r.getAnsweredBy(),
                r.getAnsweredAt(),
                r.getAcknowledgedBy(),
                r.getAcknowledgedAt(),
                r.isWithoutCase() ? r.reference() : caseCode,
                r.getUnitId(),
                r.getTopic(),
                r.getDocumentName());
    }
}
