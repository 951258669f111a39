package vn.tandem.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.casefile.Case;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.intake.Intake;
import vn.tandem.intake.IntakeForm;

/** {@code POST /api/cases}: receive a case over the API. */
@RestController
@Tag(name = "Cases")
class IntakeApiController {

    private final Intake intake;

    IntakeApiController(Intake intake) {
        this.intake = intake;
    }

    /** The created case. */
    record Created(long id, String code, String status) {}

    /** The matters a letter is split into, by title. */
    record Split(java.util.List<String> titles) {}

    /** The cases made from a letter. */
    record SplitCases(java.util.List<String> codes) {}

    @PostMapping("/api/cases/{code}/split")
    @Operation(
            summary = "Split a letter raising several matters: one new linked case per further matter (by title)",
            description = "Only while the letter's case awaits acceptance (409 after); each new case is received as any"
                    + " case and linked SPLIT_FROM the letter's case.")
    ResponseEntity<SplitCases> split(
            @org.springframework.web.bind.annotation.PathVariable String code,
            @RequestBody Split body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        var cases = intake.split(code, body == null ? null : body.titles(), principal.user());
        return ResponseEntity.status(201)
                .body(new SplitCases(cases.stream().map(Case::getCode).toList()));
    }

    @PostMapping("/api/cases")
    @Operation(
            summary = "Receive a case; starts its process (case-handling, or incident-handling for an INCIDENT), led"
                    + " by the caller's agency (an incident by the agency that responds first to incidents)")
    ResponseEntity<Created> create(
            @Valid @RequestBody IntakeForm form, @AuthenticationPrincipal TandemPrincipal principal) {
        Case c = intake.receive(form, principal.user());
        return ResponseEntity.created(URI.create("/api/cases/" + c.getCode()))
                .body(new Created(c.getId(), c.getCode(), c.getStatus().name()));
    }
}
