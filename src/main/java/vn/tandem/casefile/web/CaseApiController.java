package vn.tandem.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tandem.casefile.Attachment;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseComment;
import vn.tandem.casefile.CaseDocuments;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseFilter;
import vn.tandem.casefile.CaseSharing;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Hotspots;
import vn.tandem.casefile.PetitionerView;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.PageResponse;
import vn.tandem.common.Reason;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.process.Workflow;

/** Cases over the API: list, detail (facts, current tasks, timeline), comments and attachments. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases")
class CaseApiController {

    private final CaseFiles caseFiles;
    private final Timeline timeline;
    private final Workflow workflow;

    private final CaseSharing sharing;
    private final Hotspots hotspots;
    private final CaseDocuments documents;

    CaseApiController(
            CaseFiles caseFiles,
            CaseSharing sharing,
            Hotspots hotspots,
            CaseDocuments documents,
            Timeline timeline,
            Workflow workflow) {
        this.sharing = sharing;
        this.hotspots = hotspots;
        this.documents = documents;
        this.caseFiles = caseFiles;
        this.timeline = timeline;
        this.workflow = workflow;
    }

    /** A comment to add. */
    record NewComment(
            @NotBlank(message = "{validation.required}")
            @Size(max = CaseDocuments.COMMENT_MAX, message = "{validation.size.max}")
            String body) {}

    record CommentView(Long id, String author, Instant at, String body) {}

    record AttachmentView(Long id, String fileName, String contentType, long size, String sha256) {}

    @GetMapping
    @Operation(summary = "Cases visible to the caller, newest first")
    PageResponse<CaseViews.CaseItem> list(
            @AuthenticationPrincipal TandemPrincipal principal,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) CaseType type,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        int pageSize = PageResponse.clampSize(size, 20);
        var result = caseFiles.search(
                new CaseFilter(status, type, q),
                PageRequest.of(
                        PageResponse.page(page, pageSize),
                        pageSize,
                        Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by("id"))),
                principal.user());
        return PageResponse.of(result, CaseViews.CaseItem::of);
    }

    @GetMapping("/{code}")
    @Operation(
            summary = "A case: facts (an incident's too), petitioners (confidential ones masked), an incident's first"
                    + " response, the latest plan, current tasks, timeline")
    CaseViews.CaseDetail get(@PathVariable String code, @AuthenticationPrincipal TandemPrincipal principal) {
        Case c = caseFiles.visible(code, principal.user());
        return CaseViews.CaseDetail.of(
                c,
                caseFiles.firstResponse(c.getId()).orElse(null),
                caseFiles.plans(c.getId()),
                workflow.openTasks(c.getId().toString()),
                timeline.rendered(c.getId(), LocaleContextHolder.getLocale()));
    }

    @PostMapping("/{code}/comments")
    @Operation(
            summary = "Comment on a case; the same Idempotency-Key from the same user adds the comment once (a comment"
                    + " queued offline and sent again)")
    ResponseEntity<CommentView> comment(
            @PathVariable String code,
            @Valid @RequestBody NewComment body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @AuthenticationPrincipal TandemPrincipal principal) {
        CaseComment c = documents.comment(code, body.body(), idempotencyKey, principal.user());
        return ResponseEntity.status(201).body(new CommentView(c.getId(), c.getAuthor(), c.getAt(), c.getBody()));
    }

    @PostMapping(value = "/{code}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file (PDF, image, text, Office; at most 10 MB; the content type is sniffed)")
    ResponseEntity<AttachmentView> attach(
            @PathVariable String code,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal TandemPrincipal principal)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "validation.file.empty");
        }
        Attachment a;
        try (InputStream in = file.getInputStream()) {
            a = documents.attach(code, file.getOriginalFilename(), in, principal.user());
        }
        return ResponseEntity.created(URI.create("/api/cases/" + code + "/attachments/" + a.getId()))
                .body(new AttachmentView(
                        a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256()));
    }

    /** A hot-spot risk to raise. */
    record RaiseHotspot(
            @NotBlank(message = "{validation.required}")
            @Size(min = Hotspots.REASON_MIN, message = "{validation.size.min}")
            @Size(max = Hotspots.REASON_MAX, message = "{validation.size.max}")
            String reason) {}

    /** The note that clears a hot-spot flag. */
    record ClearHotspot(
            @NotBlank(message = "{validation.required}")
            @Size(min = Hotspots.REASON_MIN, message = "{validation.size.min}")
            @Size(max = Hotspots.REASON_MAX, message = "{validation.size.max}")
            String note) {}

    @PostMapping("/{code}/hotspot")
    @Operation(
            summary =
                    "Raise a hot-spot risk: flags the case; the supervisors of every agency taking part get an urgent task")
    ResponseEntity<Void> hotspot(
            @PathVariable String code,
            @Valid @RequestBody RaiseHotspot body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        hotspots.raise(code, body.reason(), principal.user());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{code}/hotspot/clear")
    @Operation(summary = "Clear the hot-spot flag with a note (supervisors of an agency taking part)")
    ResponseEntity<Void> clearHotspot(
            @PathVariable String code,
            @Valid @RequestBody ClearHotspot body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        hotspots.clear(code, body.note(), principal.user());
        return ResponseEntity.noContent().build();
    }

    /** A share to create. */
    record NewShare(
            @NotBlank(message = "{validation.toAgency}") String agency,

            @NotBlank(message = "{validation.required}")
            @Size(min = CaseSharing.REASON_MIN, message = "{validation.size.min}")
            @Size(max = CaseSharing.REASON_MAX, message = "{validation.size.max}")
            String reason) {}

    record ShareView(String agency, String mode, String reason, String sharedBy, Instant sharedAt) {}

    /** Why a confidential identity is revealed. */
    record RevealRequest(@Reason String reason) {}

    @PostMapping("/{code}/shares")
    @Operation(summary = "Share the case with another agency (lead agency; reason required)")
    ResponseEntity<ShareView> share(
            @PathVariable String code,
            @Valid @RequestBody NewShare body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        var share = sharing.share(code, body.agency(), body.reason(), principal.user());
        return ResponseEntity.created(URI.create("/api/cases/" + code + "/shares/" + share.getAgencyCode()))
                .body(new ShareView(
                        share.getAgencyCode(),
                        share.getMode().name(),
                        share.getReason(),
                        share.getSharedBy(),
                        share.getSharedAt()));
    }

    @DeleteMapping("/{code}/shares/{agency}")
    @Operation(summary = "End a share (lead agency's supervisors; not while that agency has open tasks)")
    ResponseEntity<Void> unshare(
            @PathVariable String code,
            @PathVariable String agency,
            @AuthenticationPrincipal TandemPrincipal principal) {
        sharing.unshare(code, agency, principal.user());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{code}/petitioners/{id}/reveal")
    @Operation(summary = "Reveal a confidential petitioner (assigned officer, lead supervisors; audited)")
    PetitionerView reveal(
            @PathVariable String code,
            @PathVariable long id,
            @Valid @RequestBody RevealRequest body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        return caseFiles.reveal(code, id, body.reason(), principal.user());
    }

    @GetMapping("/{code}/attachments/{id}")
    ResponseEntity<InputStreamResource> download(
            @PathVariable String code, @PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal)
            throws IOException {
        return CaseController.attachmentResponse(documents.download(code, id, principal.user()));
    }
}
