package vn.tandem.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseVisibility;
import vn.tandem.casefile.Duplicates;
import vn.tandem.casefile.PersonRegistry;
import vn.tandem.identity.TandemPrincipal;

/** Petitioners as people and duplicate cases over the API. */
@RestController
@Tag(name = "Cases")
class PersonApiController {

    private final PersonRegistry registry;
    private final Duplicates duplicates;
    private final CaseFiles caseFiles;

    PersonApiController(PersonRegistry registry, Duplicates duplicates, CaseFiles caseFiles) {
        this.registry = registry;
        this.duplicates = duplicates;
        this.caseFiles = caseFiles;
    }

    record PersonCase(
            String code,
            String type,
            String channel,
            Instant receivedAt,
            String status,
            String outcome,
            boolean confidential) {}

    record PersonView(long id, String fullName, String idNumberEnd, String phoneEnd, List<PersonCase> cases) {}

    @Operation(
            summary = "A petitioner as a person, with the cases the caller may see",
            description = "ID and phone are shown by their last three digits only; where the person is a confidential"
                    + " denouncer, only the agency leading that case sees it; 404 when nothing remains.")
    @GetMapping("/api/people/{id}")
    PersonView person(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        PersonRegistry.PersonView v = registry.view(id, principal.user());
        return new PersonView(
                v.person().getId(),
                v.person().getFullName(),
                end(v.person().getIdNumber()),
                end(v.person().getPhone()),
                v.cases().stream()
                        .map(a -> new PersonCase(
                                a.caseFile().getCode(),
                                a.caseFile().getType().name(),
                                a.caseFile().getChannel().name(),
                                a.caseFile().getReceivedAt(),
                                a.caseFile().getStatus().name(),
                                a.caseFile().getOutcome() == null
                                        ? null
                                        : a.caseFile().getOutcome().name(),
                                a.confidential()))
                        .toList());
    }

    static String end(String number) {
        return number == null || number.length() < 3 ? null : "…" + number.substring(number.length() - 3);
    }

    record DuplicateView(
            String code,
            String title,
            long unitId,
            Instant receivedAt,
            String status,
            List<String> reasons,
            String level) {}

    record DuplicateList(List<DuplicateView> candidates, long elsewhere) {}

    @Operation(
            summary = "Cases that may be the same matter, with the reason",
            description = "Same ID number, same phone, similar subject in the same area branch, within the configured"
                    + " window; `elsewhere` counts candidates the caller may not see.")
    @GetMapping("/api/cases/{code}/duplicates")
    DuplicateList duplicates(@PathVariable String code, @AuthenticationPrincipal TandemPrincipal principal) {
        var c = caseFiles.visible(code, principal.user());
        var all = duplicates.of(c);
        return new DuplicateList(
                all.stream()
                        .filter(k -> CaseVisibility.canSee(principal.user(), k.caseFile()))
                        .map(k -> new DuplicateView(
                                k.caseFile().getCode(),
                                k.caseFile().getTitle(),
                                k.caseFile().getUnitId(),
                                k.caseFile().getReceivedAt(),
                                k.caseFile().getStatus().name(),
                                k.reasons().stream().map(Enum::name).sorted().toList(),
                                k.level().name()))
                        .toList(),
                all.stream()
                        .filter(k -> !CaseVisibility.canSee(principal.user(), k.caseFile()))
                        .count());
    }

    record LinkRequest(String related) {}

    @Operation(summary = "Link the case to another about the same matter (both must be the caller's to work on)")
    @PostMapping("/api/cases/{code}/links")
    ResponseEntity<Map<String, Object>> link(
            @PathVariable String code,
            @RequestBody LinkRequest body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        caseFiles.linkSameMatter(
                code,
                body == null || body.related() == null ? "" : body.related().strip(),
                principal.user());
        return ResponseEntity.ok(Map.of(
                "code",
                code,
                "related",
                caseFiles.relatedCodes(caseFiles.visible(code, principal.user()).getId(), principal.user())));
    }
}
