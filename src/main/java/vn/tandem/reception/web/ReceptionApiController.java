package vn.tandem.reception.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.reception.Dialogue;
import vn.tandem.reception.DialogueInput;
import vn.tandem.reception.Reception;
import vn.tandem.reception.ReceptionInput;
import vn.tandem.reception.ReceptionLog;

/** The reception log and dialogue meetings over the API. */
@RestController
@Tag(name = "Citizen reception and dialogue")
class ReceptionApiController {

    private final ReceptionLog log;

    ReceptionApiController(ReceptionLog log) {
        this.log = log;
    }

    record MatterView(String summary, String caseCode) {}

    record ReceptionView(
            long id,
            LocalDate heldOn,
            boolean regular,
            String place,
            String agency,
            long unitId,
            String receivedBy,
            int citizens,
            String notes,
            List<MatterView> matters,
            long version,
            String updatedBy,
            Instant updatedAt) {}

    ReceptionView view(Reception r, Map<Long, String> codes) {
        return new ReceptionView(
                r.getId(),
                r.getHeldOn(),
                r.isRegular(),
                r.getPlace(),
                r.getAgencyCode(),
                r.getUnitId(),
                r.getReceivedBy(),
                r.getCitizens(),
                r.getNotes(),
                r.getMatters().stream()
                        .map(m ->
                                new MatterView(m.getSummary(), m.getCaseId() == null ? null : codes.get(m.getCaseId())))
                        .toList(),
                r.getVersion(),
                r.getUpdatedBy(),
                r.getUpdatedAt());
    }

    record DialogueView(
            long id,
            LocalDate heldOn,
            String place,
            String agency,
            long unitId,
            List<String> agencies,
            String participants,
            int citizens,
            String conclusions,
            List<String> caseCodes,
            long version,
            String updatedBy,
            Instant updatedAt) {}

    DialogueView view(Dialogue d, Map<Long, String> codes) {
        return new DialogueView(
                d.getId(),
                d.getHeldOn(),
                d.getPlace(),
                d.getAgencyCode(),
                d.getUnitId(),
                d.getAgencies().stream().sorted().toList(),
                d.getParticipants(),
                d.getCitizens(),
                d.getConclusions(),
                d.getCaseIds().stream()
                        .map(codes::get)
                        .filter(java.util.Objects::nonNull)
                        .sorted()
                        .toList(),
                d.getVersion(),
                d.getUpdatedBy(),
                d.getUpdatedAt());
    }

    @GetMapping("/api/receptions")
    @Operation(summary = "Reception sessions the caller sees (areas covered), newest first; from/to/unitId/q filter")
    List<ReceptionView> receptions(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String q,
            @AuthenticationPrincipal TandemPrincipal principal) {
        List<Reception> found = log.receptions(from, to, unitId, q, principal.user());
        Map<Long, String> codes = log.linkedCodes(found, List.of(), principal.user());
        return found.stream().map(r -> view(r, codes)).toList();
    }

    @GetMapping("/api/receptions/{id}")
    ReceptionView reception(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        return one(log.reception(id, principal.user()), principal.user());
    }

    record ReceptionBody(
            LocalDate heldOn,
            Boolean regular,
            String place,
            Long unitId,
            String receivedBy,
            Integer citizens,
            String notes,
            List<ReceptionInput.Matter> matters,
            Long version) {

        ReceptionInput input() {
            return new ReceptionInput(heldOn, regular, place, unitId, receivedBy, citizens, notes, matters);
        }
    }

    @PostMapping("/api/receptions")
    @Operation(summary = "Record a reception session with the matters raised (each with the case it opened or joined)")
    ResponseEntity<ReceptionView> record(
            @RequestBody ReceptionBody body, @AuthenticationPrincipal TandemPrincipal principal) {
        Reception r = log.record(body.input(), principal.user());
        return ResponseEntity.created(URI.create("/api/receptions/" + r.getId()))
                .body(one(r, principal.user()));
    }

    @PutMapping("/api/receptions/{id}")
    @Operation(summary = "Change a reception session; with version, a change made meanwhile answers 409")
    ReceptionView update(
            @PathVariable long id,
            @RequestBody ReceptionBody body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        return one(log.update(id, body.input(), body.version(), principal.user()), principal.user());
    }

    @GetMapping("/api/dialogues")
    @Operation(summary = "Dialogue meetings the caller sees (areas covered), newest first; from/to/unitId/q filter")
    List<DialogueView> dialogues(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String q,
            @AuthenticationPrincipal TandemPrincipal principal) {
        List<Dialogue> found = log.dialogues(from, to, unitId, q, principal.user());
        Map<Long, String> codes = log.linkedCodes(List.of(), found, principal.user());
        return found.stream().map(d -> view(d, codes)).toList();
    }

    @GetMapping("/api/dialogues/{id}")
    DialogueView dialogue(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        return one(log.dialogue(id, principal.user()), principal.user());
    }

    record DialogueBody(
            LocalDate heldOn,
            String place,
            Long unitId,
            List<String> agencies,
            String participants,
            Integer citizens,
            String conclusions,
            List<String> caseCodes,
            Long version) {

        DialogueInput input() {
            return new DialogueInput(heldOn, place, unitId, agencies, participants, citizens, conclusions, caseCodes);
        }
    }

    @PostMapping("/api/dialogues")
    @Operation(summary = "Record a dialogue meeting (agencies taking part, participants, citizens, conclusions, cases)")
    ResponseEntity<DialogueView> record(
            @RequestBody DialogueBody body, @AuthenticationPrincipal TandemPrincipal principal) {
        Dialogue d = log.record(body.input(), principal.user());
        return ResponseEntity.created(URI.create("/api/dialogues/" + d.getId())).body(one(d, principal.user()));
    }

    @PutMapping("/api/dialogues/{id}")
    @Operation(summary = "Change a dialogue meeting; with version, a change made meanwhile answers 409")
    DialogueView update(
            @PathVariable long id, @RequestBody DialogueBody body, @AuthenticationPrincipal TandemPrincipal principal) {
        return one(log.update(id, body.input(), body.version(), principal.user()), principal.user());
    }

    private ReceptionView one(Reception r, CurrentUser user) {
        return view(r, log.linkedCodes(List.of(r), List.of(), user));
    }

    private DialogueView one(Dialogue d, CurrentUser user) {
        return view(d, log.linkedCodes(List.of(), List.of(d), user));
    }
}
