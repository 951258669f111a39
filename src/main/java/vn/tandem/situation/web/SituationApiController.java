package vn.tandem.situation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseType;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.PageResponse;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.situation.Assessment;
import vn.tandem.situation.NewReport;
import vn.tandem.situation.ReportPeriod;
import vn.tandem.situation.Rounds;
import vn.tandem.situation.Signal;
import vn.tandem.situation.SignalCategory;
import vn.tandem.situation.SignalEvent;
import vn.tandem.situation.SignalPhoto;
import vn.tandem.situation.SignalRisk;
import vn.tandem.situation.SignalStatus;
import vn.tandem.situation.Situation;

/** Situation reports and the triage of their signals over the API. */
@RestController
@Tag(name = "Situation reports and signals")
class SituationApiController {

    private final Situation situation;
    private final Rounds rounds;
    private final Clock clock;

    SituationApiController(Situation situation, Rounds rounds, Clock clock) {
        this.situation = situation;
        this.rounds = rounds;
        this.clock = clock;
    }

    record Created(long id, List<Long> signalIds) {}

    record SignalView(
            long id,
            long reportId,
            long unitId,
            String agency,
            String category,
            String place,
            Integer peopleInvolved,
            String risk,
            String description,
            String source,
            String status,
            LocalDate followUpOn,
            String caseCode,
            Instant reportedAt) {

        static SignalView of(Signal s) {
            return new SignalView(
                    s.getId(),
                    s.getReportId(),
                    s.getUnitId(),
                    s.getAgencyCode(),
                    s.getCategory().name(),
                    s.getPlace(),
                    s.getPeopleInvolved(),
                    s.getRisk().name(),
                    s.getDescription(),
                    s.getSource(),
                    s.getStatus().name(),
                    s.getFollowUpOn(),
                    s.getCaseCode(),
                    s.getReportedAt());
        }
    }

    record ReportView(
            long id,
            long unitId,
            String agency,
            LocalDate periodFrom,
            LocalDate periodTo,
            Assessment assessment,
            String submittedBy,
            Instant submittedAt,
            List<SignalView> signals) {

        static ReportView of(Situation.Filed f) {
            var r = f.report();
            return new ReportView(
                    r.getId(),
                    r.getUnitId(),
                    r.getAgencyCode(),
                    r.getPeriodFrom(),
                    r.getPeriodTo(),
                    r.getAssessment(),
                    r.getSubmittedBy(),
                    r.getSubmittedAt(),
                    f.signals().stream().map(SignalView::of).toList());
        }
    }

    record EventView(String action, String actor, Instant at, String note, String caseCode, LocalDate followUpOn) {

        static EventView of(SignalEvent e) {
            return new EventView(
                    e.getAction().name(), e.getActor(), e.getAt(), e.getNote(), e.getCaseCode(), e.getFollowUpOn());
        }
    }

    @PostMapping("/api/situation-reports")
    @Operation(
            summary = "File a unit's situation report with its signals (the unit must be of the caller's agency and"
                    + " area); the same Idempotency-Key from the same user files it once and answers the same ids")
    ResponseEntity<Created> file(
            @RequestBody NewReport body,
            @Parameter(description = "A key the client generates once per report (e.g. a UUID), at most 100 characters")
                    @RequestHeader(value = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @AuthenticationPrincipal TandemPrincipal principal) {
        Situation.Filed filed;
        try {
            filed = situation.submit(body, idempotencyKey, principal.user());
        } catch (DataIntegrityViolationException race) {
            // the same key arrived twice at once: the other request filed it
            filed = situation.submit(body, idempotencyKey, principal.user());
        }
        return ResponseEntity.created(URI.create(
                        "/api/situation-reports?unitId=" + filed.report().getUnitId()))
                .body(new Created(
                        filed.report().getId(),
                        filed.signals().stream().map(Signal::getId).toList()));
    }

    @GetMapping("/api/situation-reports")
    @Operation(summary = "The reports the caller sees (areas covered), newest period first, with their signals")
    List<ReportView> reports(
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal TandemPrincipal principal) {
        return situation.reports(unitId, from, to, principal.user()).stream()
                .map(ReportView::of)
                .toList();
    }

    @GetMapping("/api/signals")
    @Operation(summary = "The signals the caller sees (both agencies' users covering the area), newest first")
    PageResponse<SignalView> signals(
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) SignalStatus status,
            @RequestParam(required = false) SignalRisk risk,
            @RequestParam(required = false) SignalCategory category,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal TandemPrincipal principal) {
        int pageSize = PageResponse.clampSize(size, 20);
        return PageResponse.of(
                situation.signals(
                        new Situation.SignalFilter(unitId, status, risk, category),
                        PageRequest.of(PageResponse.page(page, pageSize), pageSize),
                        principal.user()),
                SignalView::of);
    }

    @GetMapping("/api/signals/{id}")
    SignalView signal(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        return SignalView.of(situation.signal(id, principal.user()));
    }

    @GetMapping("/api/signals/{id}/history")
    @Operation(summary = "A signal's triage history: reported, watched, promoted, linked, dismissed")
    List<EventView> history(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        return situation.history(id, principal.user()).stream()
                .map(EventView::of)
                .toList();
    }

    record PhotoView(
            long id,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {

        static PhotoView of(SignalPhoto p) {
            return new PhotoView(
                    p.getId(),
                    p.getFileName(),
                    p.getContentType(),
                    p.getSize(),
                    p.getSha256(),
                    p.getUploadedBy(),
                    p.getUploadedAt());
        }
    }

    @PostMapping(value = "/api/signals/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a photo to a signal (JPEG, PNG or WebP by its content; at most 10 MB and 10 photos)")
    ResponseEntity<PhotoView> addPhoto(
            @PathVariable long id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal TandemPrincipal principal)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "validation.file.empty");
        }
        SignalPhoto photo;
        try (InputStream in = file.getInputStream()) {
            photo = situation.addPhoto(id, file.getOriginalFilename(), in, principal.user());
        }
        return ResponseEntity.created(URI.create("/api/signals/" + id + "/photos/" + photo.getId()))
                .body(PhotoView.of(photo));
    }

    @GetMapping("/api/signals/{id}/photos")
    List<PhotoView> photos(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        return situation.photos(id, principal.user()).stream()
                .map(PhotoView::of)
                .toList();
    }

    @GetMapping("/api/signals/{id}/photos/{photoId}")
    ResponseEntity<InputStreamResource> photo(
            @PathVariable long id, @PathVariable long photoId, @AuthenticationPrincipal TandemPrincipal principal)
            throws IOException {
        return SituationController.photoResponse(situation.photo(id, photoId, principal.user()));
    }

    record PromoteBody(CaseType as, String title, String petitioner) {}

    record Promoted(String code) {}

    @PostMapping("/api/signals/{id}/promote")
    @Operation(
            summary = "Promote a signal to an INCIDENT or a grievance (COMPLAINT, DENUNCIATION, PETITION), pre-filled"
                    + " from it and linked; a grievance names its petitioner (default: the signal's source)")
    ResponseEntity<Promoted> promote(
            @PathVariable long id, @RequestBody PromoteBody body, @AuthenticationPrincipal TandemPrincipal principal) {
        Case c = situation.promote(
                id, new Situation.Promotion(body.as(), body.title(), body.petitioner()), principal.user());
        return ResponseEntity.created(URI.create("/api/cases/" + c.getCode())).body(new Promoted(c.getCode()));
    }

    record DismissBody(String reason) {}

    @PostMapping("/api/signals/{id}/dismiss")
    @Operation(summary = "Dismiss a signal with the reason")
    SignalView dismiss(
            @PathVariable long id, @RequestBody DismissBody body, @AuthenticationPrincipal TandemPrincipal principal) {
        return SignalView.of(situation.dismiss(id, body.reason(), principal.user()));
    }

    record WatchBody(LocalDate followUpOn) {}

    @PostMapping("/api/signals/{id}/watch")
    @Operation(summary = "Watch a signal until a follow-up day (today or later)")
    SignalView watch(
            @PathVariable long id, @RequestBody WatchBody body, @AuthenticationPrincipal TandemPrincipal principal) {
        return SignalView.of(situation.watch(id, body.followUpOn(), principal.user()));
    }

    record LinkBody(String caseCode) {}

    @PostMapping("/api/signals/{id}/link")
    @Operation(summary = "Link a signal to an existing case the caller sees")
    SignalView link(
            @PathVariable long id, @RequestBody LinkBody body, @AuthenticationPrincipal TandemPrincipal principal) {
        return SignalView.of(situation.link(id, body.caseCode(), principal.user()));
    }

    record PersonView(String fullName, String idNumber, String phone) {}

    record EarlierCase(String code, String title, String type, String status) {}

    record PeopleView(List<PersonView> petitioners, List<EarlierCase> earlierCases) {}

    @GetMapping("/api/signals/{id}/petitioners")
    @Operation(summary = "The people a signal names and their earlier cases the caller sees (same ID number or phone)")
    PeopleView petitioners(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        Situation.People people = situation.people(id, principal.user());
        return new PeopleView(
                people.people().stream()
                        .map(p -> new PersonView(p.getFullName(), p.getIdNumber(), p.getPhone()))
                        .toList(),
                people.earlierCases().stream()
                        .map(c -> new EarlierCase(
                                c.getCode(),
                                c.getTitle(),
                                c.getType().name(),
                                c.getStatus().name()))
                        .toList());
    }

    record RoundView(
            long id,
            String reference,
            LocalDate periodFrom,
            LocalDate periodTo,
            LocalDate openedOn,
            LocalDate dueOn,
            Long reportId,
            Instant filedAt,
            boolean late) {}

    record ScheduleView(
            long unitId, String unitName, String agency, String period, boolean active, List<RoundView> rounds) {}

    @GetMapping("/api/situation-schedules")
    @Operation(summary = "The reporting units the caller sees: each one's period, whether it reports, latest rounds")
    List<ScheduleView> schedules(@AuthenticationPrincipal TandemPrincipal principal) {
        LocalDate today = LocalDate.now(clock);
        return rounds.schedules(principal.user()).stream()
                .map(u -> view(u.unit().getId(), u.unit().getName(), u.unit().getAgencyCode(), u, today))
                .toList();
    }

    private ScheduleView view(long id, String name, String agency, Rounds.UnitSchedule u, LocalDate today) {
        return new ScheduleView(
                id,
                name,
                agency,
                u.schedule().getPeriod().name(),
                u.schedule().isActive(),
                u.rounds().stream()
                        .map(l -> new RoundView(
                                l.round().getId(),
                                l.round().reference(),
                                l.round().getPeriodFrom(),
                                l.round().getPeriodTo(),
                                l.round().getOpenedOn(),
                                l.round().getDueOn(),
                                l.round().getReportId(),
                                l.round().getFiledAt(),
                                l.late()))
                        .toList());
    }

    record ScheduleBody(ReportPeriod period, Boolean active) {}

    @PutMapping("/api/situation-schedules/{unitId}")
    @Operation(summary = "Change a unit's reporting period or stop its schedule (administrators; audited)")
    ScheduleView changeSchedule(
            @PathVariable long unitId,
            @RequestBody ScheduleBody body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        rounds.change(unitId, body.period(), body.active(), principal.user());
        LocalDate today = LocalDate.now(clock);
        return rounds.schedules(principal.user()).stream()
                .filter(u -> u.unit().getId() == unitId)
                .map(u -> view(u.unit().getId(), u.unit().getName(), u.unit().getAgencyCode(), u, today))
                .findFirst()
                .orElseThrow();
    }
}
