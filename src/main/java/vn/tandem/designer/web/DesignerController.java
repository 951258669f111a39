package vn.tandem.designer.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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

    DesignerController(ProcessDesign design, Designer designer) {
        this.design = design;
        this.designer = designer;
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
        ProcessDesign.Definition definition = design.definition(key);
        model.addAttribute("definition", definition);
        model.addAttribute("version", design.version(key, version));
        model.addAttribute("draft", designer.latestDraft(key).orElse(null));
        model.addAttribute("useDraft", draft && designer.latestDraft(key).isPresent());
        model.addAttribute("delegates", design.allowedDelegates());
        return "designer/modeler";
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

    /** Deploys the modeler's XML (form field {@code xml}) or an uploaded file (part {@code file}). */
    @PostMapping("/designer/deploy")
    String deploy(
            @RequestParam(required = false) String xml,
            @RequestParam(required = false) MultipartFile file,
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

    @PostMapping("/designer/{key}/migrate")
    String migrate(
            @PathVariable String key,
            @RequestParam int from,
            @RequestParam int to,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            Locale locale) {
        model.addAttribute("key", key);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("report", designer.migrate(key, from, to, principal.user()));
        return "designer/migrated";
    }
}
