package vn.tandem.casefile.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.audit.AuditEntries;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseDocuments;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseFilter;
import vn.tandem.casefile.CaseSharing;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.CaseVisibility;
import vn.tandem.casefile.Duplicates;
import vn.tandem.casefile.Hotspots;
import vn.tandem.casefile.PersonRegistry;
import vn.tandem.casefile.PetitionerView;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.PageResponse;
import vn.tandem.common.RedirectOnError;
import vn.tandem.common.web.StoredFile;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.process.Workflow;

/** The case list and the case page: facts, petitioners, current tasks, timeline, diagram, comments, files. */
@Controller
class CaseController {

    private final CaseFiles caseFiles;
    private final CaseSharing sharing;
    private final Hotspots hotspots;
    private final CaseDocuments documents;
    private final Timeline timeline;
    private final Workflow workflow;
    private final Directory directory;
    private final MessageSource messages;
    private final AuditEntries audit;
    private final Duplicates duplicates;
    private final PersonRegistry registry;

    CaseController(
            CaseFiles caseFiles,
            CaseSharing sharing,
            Hotspots hotspots,
            CaseDocuments documents,
            Timeline timeline,
            Workflow workflow,
            Directory directory,
            MessageSource messages,
            AuditEntries audit,
            Duplicates duplicates,
            PersonRegistry registry) {
        this.duplicates = duplicates;
        this.registry = registry;
        this.audit = audit;
        this.caseFiles = caseFiles;
        this.sharing = sharing;
        this.hotspots = hotspots;
        this.documents = documents;
        this.timeline = timeline;
        this.workflow = workflow;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/cases")
    String list(
            @AuthenticationPrincipal TandemPrincipal principal,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) CaseType type,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CaseFilter filter = new CaseFilter(status, type, q);
        model.addAttribute(
                "cases",
                caseFiles.search(
                        filter,
                        PageRequest.of(
                                PageResponse.page(page, 20),
                                20,
                                Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by("id"))),
                        principal.user()));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("caseTypes", CaseType.values());
        return "casefile/list";
    }

    @GetMapping("/cases/{code}")
    String show(@PathVariable String code, @AuthenticationPrincipal TandemPrincipal principal, Model model) {
        return render(caseFiles.visible(code, principal.user()), principal.user(), model, null);
    }

    /** Shows the case with one confidential petitioner revealed, for this view only (audited). */
    @PostMapping("/cases/{code}/petitioners/{id}/reveal")
    @RedirectOnError(value = "/cases/{code}", form = "reveal-form-{id}")
    String reveal(
            @PathVariable String code,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            Locale locale) {
        PetitionerView revealed = caseFiles.reveal(code, id, reason, principal.user());
        model.addAttribute("success", messages.getMessage("case.revealed", null, locale));
        return render(caseFiles.visible(code, principal.user()), principal.user(), model, revealed);
    }

    @PostMapping("/cases/{code}/hotspot")
    @RedirectOnError(value = "/cases/{code}", form = "hotspot-form")
    String hotspot(
            @PathVariable String code,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "raise") String action,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        if ("clear".equals(action)) {
            hotspots.clear(code, note, principal.user());
        } else {
            hotspots.raise(code, reason, principal.user());
        }
        redirect.addFlashAttribute(
                "success",
                messages.getMessage("hotspot." + ("clear".equals(action) ? "cleared" : "raised"), null, locale));
        return "redirect:/cases/" + code;
    }

    @PostMapping("/cases/{code}/shares")
    @RedirectOnError(value = "/cases/{code}", form = "share-form")
    String share(
            @PathVariable String code,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal TandemPrincipal principal) {
        sharing.share(code, agency, reason, principal.user());
        return "redirect:/cases/" + code + "#shares";
    }

    @PostMapping("/cases/{code}/shares/{agency}/delete")
    @RedirectOnError(value = "/cases/{code}#shares", form = "share-form")
    String unshare(
            @PathVariable String code,
            @PathVariable String agency,
            @AuthenticationPrincipal TandemPrincipal principal) {
        sharing.unshare(code, agency, principal.user());
        return "redirect:/cases/" + code + "#shares";
    }

    private String render(Case c, CurrentUser user, Model model, PetitionerView revealed) {
        model.addAttribute("caseFile", c);
        model.addAttribute(
                "petitioners",
                c.getPetitioners().stream()
                        .map(p -> revealed != null && revealed.id().equals(p.getId()) ? revealed : PetitionerView.of(p))
                        .toList());
        model.addAttribute("mayReveal", CaseVisibility.leads(user, c));
        model.addAttribute("mayContribute", CaseVisibility.mayContribute(user, c));
        model.addAttribute("mayClearHotspot", CaseVisibility.mayClearHotspot(user, c));
        model.addAttribute("mayShare", CaseVisibility.mayShare(user, c));
        model.addAttribute("mayUnshare", CaseVisibility.mayUnshare(user, c));
        model.addAttribute(
                "auditEntries",
                CaseVisibility.seesAudit(user, c) ? audit.findByCaseIdOrderByAtDescIdDesc(c.getId()) : null);
        model.addAttribute("tasks", workflow.openTasks(c.getId().toString()));
        model.addAttribute("timeline", timeline.rendered(c.getId(), LocaleContextHolder.getLocale()));
        model.addAttribute("comments", documents.comments(c.getId()));
        model.addAttribute("attachments", documents.attachments(c.getId()));
        model.addAttribute("plans", caseFiles.plans(c.getId()));
        model.addAttribute("verifications", caseFiles.verifications(c.getId()));
        model.addAttribute("firstResponse", caseFiles.firstResponse(c.getId()).orElse(null));
        model.addAttribute("related", caseFiles.relatedCodes(c.getId(), user));
        List<Duplicates.Candidate> candidates = duplicates.of(c);
        model.addAttribute(
                "duplicates",
                candidates.stream()
                        .filter(k -> CaseVisibility.canSee(user, k.caseFile()))
                        .toList());
        model.addAttribute(
                "hiddenDuplicates",
                candidates.stream()
                        .filter(k -> !CaseVisibility.canSee(user, k.caseFile()))
                        .count());
        model.addAttribute("persons", registry.personsOf(c));
        model.addAttribute("unit", directory.unit(c.getUnitId()).orElse(null));
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("assignedName", directory.displayName(c.getAssignedOfficer()));
        return "casefile/case";
    }

    /** An officer links the case to another about the same matter (both must be theirs to work on). */
    @PostMapping("/cases/{code}/links")
    @RedirectOnError(value = "/cases/{code}", form = "duplicates")
    String link(
            @PathVariable String code,
            @RequestParam(required = false) String related,
            @AuthenticationPrincipal TandemPrincipal principal) {
        caseFiles.linkSameMatter(code, related == null ? "" : related.strip(), principal.user());
        return "redirect:/cases/" + code + "#duplicates";
    }

    /** The diagram of the case's process with its active and passed elements, for the bpmn-js viewer. */
    @GetMapping(value = "/cases/{code}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> diagram(
            @PathVariable String code, @AuthenticationPrincipal TandemPrincipal principal, Locale locale) {
        Case c = caseFiles.visible(code, principal.user());
        boolean english = "en".equals(locale.getLanguage());
        return workflow.caseProcess(c.getId())
                .<Map<String, Object>>map(p -> {
                    Workflow.DiagramState state = workflow.diagramState(p.id());
                    return Map.of(
                            "xml",
                            workflow.diagramXml(p.definitionId(), english),
                            "version",
                            p.version(),
                            "caption",
                            messages.getMessage(
                                    "case.diagram.caption",
                                    new Object[] {
                                        p.version(),
                                        String.join(
                                                ", ",
                                                workflow.elementNames(p.definitionId(), state.active(), english)
                                                        .values())
                                    },
                                    locale),
                            "active",
                            state.active(),
                            "completed",
                            state.completed());
                })
                .orElse(Map.of());
    }

    @PostMapping("/cases/{code}/comments")
    @RedirectOnError(value = "/cases/{code}", form = "comment-form")
    String comment(
            @PathVariable String code,
            @RequestParam(required = false) String body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        documents.comment(code, body, principal.user());
        return "redirect:/cases/" + code + "#comments";
    }

    @PostMapping("/cases/{code}/attachments")
    @RedirectOnError(value = "/cases/{code}", form = "attachment-form")
    String attach(
            @PathVariable String code,
            @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "validation.file.empty");
        }
        try (InputStream in = file.getInputStream()) {
            documents.attach(code, file.getOriginalFilename(), in, principal.user());
        }
        redirect.addFlashAttribute("success", messages.getMessage("attachment.added", null, locale));
        return "redirect:/cases/" + code + "#attachments";
    }

    @GetMapping("/cases/{code}/attachments/{id}")
    ResponseEntity<InputStreamResource> download(
            @PathVariable String code, @PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal)
            throws IOException {
        CaseDocuments.AttachmentContent content = documents.download(code, id, principal.user());
        return attachmentResponse(content);
    }

    static ResponseEntity<InputStreamResource> attachmentResponse(CaseDocuments.AttachmentContent content) {
        var a = content.attachment();
        return StoredFile.response(a.getFileName(), a.getContentType(), a.getSizeBytes(), content.stream(), false);
    }
}
