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
