package vn.tandem.designer.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import vn.tandem.designer.Designer;
import vn.tandem.identity.Agency;
import vn.tandem.identity.CandidateGroup;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.process.ProcessDesign;

/**
 * The designers' pages: definitions and versions, the modeler (bpmn-js with the Camunda properties panel), drafts,
 * download and upload, validated deployment with its report, version comparison and migration.
 */
@Controller
@PreAuthorize("hasAnyRole('DESIGNER','ADMIN')")
class DesignerController {

    private final ProcessDesign design;
    private final Designer designer;
    private final Directory directory;

    DesignerController(ProcessDesign design, Designer designer, Directory directory) {
        this.design = design;
        this.designer = designer;
        this.directory = directory;
    }

    @GetMapping("/designer")
    String list(Model model) {
        model.addAttribute("definitions", design.definitions());
        return "designer/list";
    }

    @GetMapping("/designer/{key}")
    String latest(@PathVariable String key) {
        return "redirect:/designer/" + key + "/v/"
                + design.definition(key).latest().version();
    }

    @GetMapping("/designer/{key}/v/{version}")
    String modeler(
            @PathVariable String key,
            @PathVariable int version,
            @RequestParam(defaultValue = "false") boolean draft,
            Model model) {
        modelerPage(key, version, model);
        model.addAttribute("useDraft", draft && designer.latestDraft(key).isPresent());
        return "designer/modeler";
    }

    private void modelerPage(String key, int version, Model model) {
        model.addAttribute("definition", design.definition(key));
        model.addAttribute("version", design.version(key, version));
        model.addAttribute("draft", designer.latestDraft(key).orElse(null));
        model.addAttribute("useDraft", false);
        model.addAttribute("delegates", design.allowedDelegates());
        model.addAttribute("groups", candidateGroups());
    }

    /** Every candidate group the deployment accepts (each agency's roles and its provincial supervisors). */
    private List<String> candidateGroups() {
        List<String> groups = new ArrayList<>();
        for (Agency agency : directory.agencies()) {
            for (Role role : Role.values()) {
                groups.add(CandidateGroup.of(agency.getCode(), role).toString());
            }
            groups.add(CandidateGroup.provincialSupervisors(agency.getCode()).toString());
        }
        return groups;
    }

    @GetMapping(value = "/designer/{key}/v/{version}/xml")
    ResponseEntity<byte[]> xml(@PathVariable String key, @PathVariable int version) {
        ProcessDesign.Version v = design.version(key, version);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(key + ".bpmn")
                                .build()
                                .toString())
                .body(design.xml(v.definitionId()));
    }

    @GetMapping("/designer/{key}/draft.xml")
    ResponseEntity<byte[]> draftXml(@PathVariable String key) {
        return designer.latestDraft(key)
                .map(d -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_XML)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(key + "-draft.bpmn")
                                        .build()
                                        .toString())
                        .body(d.getXml().getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping(
            value = "/designer/{key}/draft",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @ResponseBody
    ResponseEntity<Void> saveDraft(
            @PathVariable String key, @RequestBody String xml, @AuthenticationPrincipal TandemPrincipal principal) {
        designer.saveDraft(key, xml, principal.user());
        return ResponseEntity.noContent().build();
    }

    /**
     * Deploys the modeler's XML (form field {@code xml}, with the {@code key} and {@code version} the modeler was
     * opened on) or an uploaded file (part {@code file}). A refusal from the modeler answers the modeler again with
     * the designer's edits in it (also saved as a draft) and the report beside it.
     */
    @PostMapping("/designer/deploy")
    String deploy(
            @RequestParam(required = false) String xml,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            HttpServletResponse response)
            throws IOException {
        byte[] bytes = file != null && !file.isEmpty()
                ? file.getBytes()
                : xml == null ? new byte[0] : xml.getBytes(StandardCharsets.UTF_8);
        try {
            ProcessDesign.DeployResult result = designer.deploy(bytes, principal.user());
            model.addAttribute("result", result);
            return "designer/result";
        } catch (ProcessDesign.Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("check", e.check());
            if (xml != null && key != null && version != null && (file == null || file.isEmpty())) {
                modelerPage(key, version, model);
                model.addAttribute("keptXml", xml);
                model.addAttribute("keptAsDraft", designer.keepRefused(key, xml, principal.user()));
                return "designer/modeler";
            }
            return "designer/refused";
        }
    }

    @GetMapping("/designer/{key}/compare")
    String compare(@PathVariable String key, @RequestParam int from, @RequestParam int to, Model model) {
        ProcessDesign.Version left = design.version(key, from);
        ProcessDesign.Version right = design.version(key, to);
        model.addAttribute("definition", design.definition(key));
        model.addAttribute("left", left);
        model.addAttribute("right", right);
        model.addAttribute("diff", design.diff(left.definitionId(), right.definitionId()));
        return "designer/compare";
    }

    /** The migration preview: which cases move, which cannot and why, and the confirmation that applies it. */
    @GetMapping("/designer/{key}/migrate")
    String migration(
            @PathVariable String key,
            @RequestParam int from,
            @RequestParam int to,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model) {
        preview(key, from, to, principal, model);
        return "designer/migrate";
    }

    @PostMapping("/designer/{key}/migrate")
    String migrate(
            @PathVariable String key,
            @RequestParam int from,
            @RequestParam int to,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            HttpServletResponse response) {
        if (!confirm) {
            // nothing moves without the confirmation: the preview again, with the reason beside the checkbox
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            preview(key, from, to, principal, model);
            model.addAttribute("confirmMissing", true);
            return "designer/migrate";
        }
        model.addAttribute("key", key);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        ProcessDesign.MigrationReport report = designer.migrate(key, from, to, true, principal.user());
        model.addAttribute("report", report);
        model.addAttribute("caseCodes", designer.caseCodes(report));
        return "designer/migrated";
    }

    private void preview(String key, int from, int to, TandemPrincipal principal, Model model) {
        ProcessDesign.MigrationPreview preview = designer.previewMigration(key, from, to);
        model.addAttribute("definition", design.definition(key));
        model.addAttribute("preview", preview);
        model.addAttribute("caseCodes", designer.caseCodes(preview));
        model.addAttribute("mayApply", Designer.mayApply(preview, principal.user()));
    }
}
