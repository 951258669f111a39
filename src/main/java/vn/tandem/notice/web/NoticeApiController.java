package vn.tandem.notice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.casefile.CaseType;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.notice.NoticeType;
import vn.tandem.notice.Notices;

/** Statutory notices of a case over the API, and the templates admins replace. */
@RestController
@Tag(name = "Notices")
class NoticeApiController {

    private final Notices notices;

    NoticeApiController(Notices notices) {
        this.notices = notices;
    }

    /** What issuing a notice asks for; {@code recipient} is the competent body of a transfer. */
    record Request(String type, String legalGround, String recipient) {}

    @Operation(
            summary = "Issue a statutory notice of the case (ACCEPTANCE, REFUSAL, TRANSFER, DECISION, TRANSFER_SLIP)",
            description = "Numbered per issuing unit, year and type without gaps; stored as Word and PDF. The notices"
                    + " the law requires are also issued on their own when the change requiring them commits; this"
                    + " issues one by hand (a correction, or one that could not be issued).")
    @PostMapping("/api/cases/{code}/notices")
    ResponseEntity<Notices.Issued> issue(
            @PathVariable String code, @RequestBody Request body, @AuthenticationPrincipal TandemPrincipal principal) {
        NoticeType type = parse(body == null ? null : body.type());
        Notices.Issued issued = notices.issue(code, type, body.legalGround(), body.recipient(), principal.user());
        return ResponseEntity.created(URI.create("/api/cases/" + code + "/notices/" + issued.id() + ".pdf"))
                .body(issued);
    }

    @Operation(summary = "The notices issued on a case")
    @GetMapping("/api/cases/{code}/notices")
    List<Notices.Issued> list(@PathVariable String code, @AuthenticationPrincipal TandemPrincipal principal) {
        return notices.of(code, principal.user());
    }

    @Operation(summary = "A notice as Word")
    @GetMapping("/api/cases/{code}/notices/{id}.docx")
    ResponseEntity<byte[]> docx(
            @PathVariable String code, @PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        return file(notices.file(code, id, "docx", principal.user()), code + "-" + id + ".docx", DOCX);
    }

    @Operation(summary = "A notice as PDF")
    @GetMapping("/api/cases/{code}/notices/{id}.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable String code, @PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        return file(notices.file(code, id, "pdf", principal.user()), code + "-" + id + ".pdf", "application/pdf");
    }

    @Operation(
            summary = "Replace a notice template (administrators): the body is a DOCX with {{placeholders}}",
            description = "caseType narrows it to one case type; without it, the default for every case type.")
    @PutMapping(
            value = "/api/admin/notice-templates/{type}",
            consumes = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    ResponseEntity<Void> template(
            @PathVariable String type,
            @RequestParam(required = false) CaseType caseType,
            @RequestBody byte[] docx,
            @AuthenticationPrincipal TandemPrincipal principal) {
        notices.replaceTemplate(parse(type), caseType, docx, principal.user());
        return ResponseEntity.noContent().build();
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static NoticeType parse(String type) {
        for (NoticeType t : NoticeType.values()) {
            if (t.name().equalsIgnoreCase(type == null ? "" : type.strip())) {
                return t;
            }
        }
        throw new InvalidInputException("type", "notice.type");
    }

    static ResponseEntity<byte[]> file(byte[] content, String name, String mediaType) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}
