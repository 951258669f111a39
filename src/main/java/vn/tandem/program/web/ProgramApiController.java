package vn.tandem.program.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.PageResponse;
import vn.tandem.identity.Directory;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.identity.Unit;
import vn.tandem.program.ModelField;
import vn.tandem.program.ProgramInput;
import vn.tandem.program.ProgramItem;
import vn.tandem.program.ProgramKind;
import vn.tandem.program.ProgramStatus;
import vn.tandem.program.Programs;

/** Campaigns, emulation drives and Dân vận khéo models over the API: {@code /api/campaigns|drives|models}. */
@RestController
@Tag(name = "Coordination program")
class ProgramApiController {

    private final Programs programs;
    private final Directory directory;

    ProgramApiController(Programs programs, Directory directory) {
        this.programs = programs;
        this.directory = directory;
    }

    static ProgramKind kind(String collection) {
        return switch (collection) {
            case "campaigns" -> ProgramKind.CAMPAIGN;
            case "drives" -> ProgramKind.DRIVE;
            case "models" -> ProgramKind.MODEL;
            default -> throw new NotFoundException("program.notFound");
        };
    }

    record ItemView(
            long id,
            String kind,
            String title,
            String agency,
            long unitId,
            String unitName,
            String field,
            String occasion,
            LocalDate startDate,
            LocalDate endDate,
            String status,
            String description,
            String results,
            String commendations,
            List<Long> unitIds,
            List<String> caseCodes,
            long version,
            String updatedBy,
            Instant updatedAt) {}

    ItemView view(ProgramItem i) {
        return view(i, programs.caseCodes(List.of(i)));
    }

    /** An item with the codes of its linked cases taken from {@code codes} (one query for a whole page). */
    ItemView view(ProgramItem i, java.util.Map<Long, String> codes) {
        return new ItemView(
                i.getId(),
                i.getKind().name(),
                i.getTitle(),
                i.getAgencyCode(),
                i.getUnitId(),
                directory.unit(i.getUnitId()).map(Unit::getName).orElse(""),
                i.getField() == null ? null : i.getField().name(),
                i.getOccasion(),
                i.getStartDate(),
                i.getEndDate(),
                i.getStatus().name(),
                i.getDescription(),
                i.getResults(),
                i.getCommendations(),
                i.getUnitIds().stream().sorted().toList(),
                i.getCaseIds().stream()
                        .map(codes::get)
                        .filter(java.util.Objects::nonNull)
                        .sorted()
                        .toList(),
                i.getVersion(),
                i.getUpdatedBy(),
                i.getUpdatedAt());
    }

    /** The body of a create or change; {@code version} (optional on a change) guards against overwriting. */
    record ItemBody(
            String title,
            Long unitId,
            ModelField field,
            String occasion,
            LocalDate startDate,
            LocalDate endDate,
            ProgramStatus status,
            String description,
            String results,
            String commendations,
            List<Long> unitIds,
            List<String> caseCodes,
            Long version) {

        ProgramInput input() {
            return new ProgramInput(
                    title,
                    unitId,
                    field,
                    occasion,
                    startDate,
                    endDate,
                    status,
                    description,
                    results,
                    commendations,
                    unitIds,
                    caseCodes);
        }
    }

    @GetMapping("/api/{collection:campaigns|drives|models}")
    @Operation(
            summary = "Campaigns, drives or models: words (without diacritics too), status, agency, lead unit,"
                    + " field (models), a year they were active in; newest first")
    PageResponse<ItemView> list(
            @PathVariable String collection,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) ProgramStatus status,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) ModelField field,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal TandemPrincipal principal) {
        int pageSize = PageResponse.clampSize(size, 50);
        var found = programs.list(
                new Programs.Filter(kind(collection), q, status, agency, unitId, field, year),
                PageRequest.of(PageResponse.page(page, pageSize), pageSize),
                principal.user());
        var codes = programs.caseCodes(found.getContent());
        return PageResponse.of(found, i -> view(i, codes));
    }

    @GetMapping("/api/{collection:campaigns|drives|models}/{id}")
    @Operation(summary = "One campaign, drive or model")
    ItemView one(
            @PathVariable String collection,
            @PathVariable long id,
            @AuthenticationPrincipal TandemPrincipal principal) {
        return view(programs.get(id, kind(collection), principal.user()));
    }

    @PostMapping("/api/{collection:campaigns|drives|models}")
    @Operation(summary = "Record a campaign, drive or model (supervisors for their agency's units, administrators)")
    ResponseEntity<ItemView> create(
            @PathVariable String collection,
            @RequestBody ItemBody body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        ProgramItem item = programs.create(kind(collection), body.input(), principal.user());
        return ResponseEntity.created(URI.create("/api/" + collection.toLowerCase(Locale.ROOT) + "/" + item.getId()))
                .body(view(item));
    }

    @PutMapping("/api/{collection:campaigns|drives|models}/{id}")
    @Operation(summary = "Change a campaign, drive or model; with version, a change made meanwhile answers 409")
    ItemView update(
            @PathVariable String collection,
            @PathVariable long id,
            @RequestBody ItemBody body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        return view(programs.update(id, kind(collection), body.input(), body.version(), principal.user()));
    }
}
