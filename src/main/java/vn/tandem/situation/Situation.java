package vn.tandem.situation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.AttachmentStore;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Channel;
import vn.tandem.casefile.Detection;
import vn.tandem.common.CleanText;
import vn.tandem.common.ConflictException;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.PersonNumbers;
import vn.tandem.common.ReportScope;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.Unit;
import vn.tandem.intake.Intake;
import vn.tandem.intake.IntakeForm;

/**
 * Situation reports and their signals: a unit's officer reports; both agencies' officers and supervisors covering the
 * unit's area (and the province) see the signals and triage them; designers see none. Every action is audited and
 * kept in the signal's history.
 */
@Service
public class Situation {

    static final int PLACE_MAX = 300;
    static final int DESCRIPTION_MAX = 5000;
    static final int SOURCE_MAX = 300;
    static final int REASON_MIN = 5;
    static final int REASON_MAX = 2000;
    static final int SIGNALS_MAX = 50;
    static final int TITLE_MAX = 300;
    static final int PEOPLE_MAX = 20;
    static final int NAME_MAX = 200;

    private final SituationReports reports;
    private final Signals signals;
    private final SignalEvents events;
    private final SignalPhotos photos;
    private final SignalPeople people;
    private final AttachmentStore store;
    private final Directory directory;
    private final CaseFiles caseFiles;
    private final Intake intake;
    private final AuditLog audit;
    private final Clock clock;
    private final EntityManager entities;
    private final Rounds rounds;
    private final ApplicationEventPublisher publisher;

    Situation(
            SituationReports reports,
            Signals signals,
            SignalEvents events,
            SignalPhotos photos,
            SignalPeople people,
            AttachmentStore store,
            Directory directory,
            CaseFiles caseFiles,
            Intake intake,
            AuditLog audit,
            Clock clock,
            EntityManager entities,
            Rounds rounds,
            ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.entities = entities;
        this.rounds = rounds;
        this.reports = reports;
        this.signals = signals;
        this.events = events;
        this.photos = photos;
        this.people = people;
        this.store = store;
        this.directory = directory;
        this.caseFiles = caseFiles;
        this.intake = intake;
        this.audit = audit;
        this.clock = clock;
    }

    /** A report with its signals, as stored. */
    public record Filed(SituationReport report, List<Signal> signals) {}

    /** Whether the user takes part in the situation work at all (officers, supervisors, administrators). */
    static boolean works(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.SUPERVISOR) || user.isAdmin();
    }

    /** Whether the user sees what was reported in this area: both agencies' users covering it; designers none. */
    /**
     * The grassroots figures for a period report: situation reports submitted in the period, signals reported, those
     * of high or critical risk, and those that became or joined a case.
     */
    public record Tally(long reports, long signals, long highRiskSignals, long signalsToCases) {}

    @Transactional(readOnly = true)
    public Tally tally(ReportScope scope) {
        Instant start = scope.start(clock.getZone());
        Instant end = scope.end(clock.getZone());
        long filed = reports
                .findAll((root, query, cb) -> cb.and(
                        cb.greaterThanOrEqualTo(root.get("submittedAt"), start),
                        cb.lessThan(root.get("submittedAt"), end),
                        cb.like(root.get("areaPath"), scope.areaPattern(), '\\')))
                .stream()
                .filter(r -> scope.includes(r.getAgencyCode(), r.getAreaPath()))
                .count();
        List<Signal> reported = signals
                .findAll((root, query, cb) -> cb.and(
                        cb.greaterThanOrEqualTo(root.get("reportedAt"), start),
                        cb.lessThan(root.get("reportedAt"), end),
                        cb.like(root.get("areaPath"), scope.areaPattern(), '\\')))
                .stream()
                .filter(x -> scope.includes(x.getAgencyCode(), x.getAreaPath()))
                .toList();
        return new Tally(
                filed,
                reported.size(),
                reported.stream()
                        .filter(x -> x.getRisk() == SignalRisk.HIGH || x.getRisk() == SignalRisk.CRITICAL)
                        .count(),
                reported.stream().filter(x -> x.getCaseCode() != null).count());
    }

    static boolean sees(CurrentUser user, String areaPath) {
        return works(user) && (user.isAdmin() || user.coversArea(areaPath));
    }

    /**
     * Files a report for one of the user's agency's units in the user's area. With an idempotency key, the same
     * key from the same user answers the report already filed (a queued form sent twice files it once).
     */
    @Transactional
    public Filed submit(NewReport input, String idempotencyKey, CurrentUser user) {
        if (!user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            throw new ForbiddenException("situation.report.forbidden");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 100) {
            throw new InvalidInputException("Idempotency-Key", "validation.maxLength", 100);
        }
        if (key != null) {
            Optional<SituationReport> earlier = reports.findBySubmittedByAndIdempotencyKey(user.username(), key);
            if (earlier.isPresent()) {
                return new Filed(
                        earlier.get(),
                        signals.findByReportIdOrderByIdAsc(earlier.get().getId()));
            }
        }
        Unit unit = validate(input, user);
        Instant now = clock.instant();
        SituationReport report = reports.save(new SituationReport(
                unit.getId(),
                unit.getAgencyCode(),
                unit.getArea().getPath(),
                input.periodFrom(),
                input.periodTo(),
                input.assessment(),
                user.username(),
                now,
                key));
        List<Signal> saved = new ArrayList<>();
        for (NewReport.NewSignal s : input.signals() == null ? List.<NewReport.NewSignal>of() : input.signals()) {
            Signal signal = signals.save(new Signal(report, s, now));
            List<NewReport.NewPerson> named = s.petitioners() == null ? List.of() : s.petitioners();
            for (int i = 0; i < named.size(); i++) {
                NewReport.NewPerson person = named.get(i);
                people.save(new SignalPerson(
                        signal.getId(),
                        i,
                        person.fullName().strip(),
                        PersonNumbers.idNumber(person.idNumber()).orElse(null),
                        PersonNumbers.phone(person.phone()).orElse(null)));
            }
            events.save(new SignalEvent(
                    signal.getId(), SignalEvent.Action.REPORTED, user.username(), now, null, null, null));
            saved.add(signal);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("unit", unit.getCode());
        details.put("periodFrom", input.periodFrom().toString());
        details.put("periodTo", input.periodTo().toString());
        details.put("assessment", input.assessment().name());
        details.put("signals", saved.stream().map(Signal::getId).toList());
        audit.record(
                "SITUATION_REPORTED",
                null,
                null,
                "situationReport",
                report.getId().toString(),
                details);
        rounds.filed(report, user);
        publisher.publishEvent(new SituationReported(report.getId(), unit.getId(), saved.size()));
        return new Filed(report, saved);
    }

    private Unit validate(NewReport input, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        Unit unit =
                input.unitId() == null ? null : directory.unit(input.unitId()).orElse(null);
        if (unit == null
                || !unit.getAgencyCode().equals(user.agency())
                || !user.coversArea(unit.getArea().getPath())) {
            problems.add(
                    new FieldProblem("unitId", input.unitId() == null ? "validation.required" : "validation.unit"));
        }
        LocalDate today = LocalDate.now(clock);
        if (input.periodFrom() == null) {
            problems.add(new FieldProblem("periodFrom", "validation.required"));
        }
        if (input.periodTo() == null) {
            problems.add(new FieldProblem("periodTo", "validation.required"));
        } else if (input.periodTo().isAfter(today)) {
            problems.add(new FieldProblem("periodTo", "validation.notAfterToday"));
        }
        if (input.periodFrom() != null
                && input.periodTo() != null
                && input.periodFrom().isAfter(input.periodTo())) {
            problems.add(new FieldProblem("periodTo", "validation.periodOrder"));
        }
        if (input.assessment() == null) {
            problems.add(new FieldProblem("assessment", "validation.required"));
        }
        List<NewReport.NewSignal> list = input.signals() == null ? List.of() : input.signals();
        if (list.size() > SIGNALS_MAX) {
            problems.add(new FieldProblem("signals", "validation.max", SIGNALS_MAX));
        }
        for (int i = 0; i < list.size(); i++) {
            NewReport.NewSignal s = list.get(i);
            String at = "signals[" + i + "].";
            if (s == null) {
                problems.add(new FieldProblem("signals[" + i + "]", "validation.required"));
                continue;
            }
            if (s.category() == null) {
                problems.add(new FieldProblem(at + "category", "validation.required"));
            }
            if (s.risk() == null) {
                problems.add(new FieldProblem(at + "risk", "validation.required"));
            }
            text(problems, at + "place", s.place(), true, PLACE_MAX);
            text(problems, at + "description", s.description(), true, DESCRIPTION_MAX);
            text(problems, at + "source", s.source(), false, SOURCE_MAX);
            if (s.peopleInvolved() != null && (s.peopleInvolved() < 0 || s.peopleInvolved() > 100_000)) {
                problems.add(new FieldProblem(at + "peopleInvolved", "validation.range", 0, 100_000));
            }
            List<NewReport.NewPerson> named = s.petitioners() == null ? List.of() : s.petitioners();
            if (named.size() > PEOPLE_MAX) {
                problems.add(new FieldProblem(at + "petitioners", "validation.max", PEOPLE_MAX));
            }
            for (int j = 0; j < named.size(); j++) {
                NewReport.NewPerson person = named.get(j);
                String who = at + "petitioners[" + j + "].";
                if (person == null) {
                    problems.add(new FieldProblem(at + "petitioners[" + j + "]", "validation.required"));
                    continue;
                }
                text(problems, who + "fullName", person.fullName(), true, NAME_MAX);
                if (person.idNumber() != null
                        && !person.idNumber().isBlank()
                        && PersonNumbers.idNumber(person.idNumber()).isEmpty()) {
                    problems.add(new FieldProblem(who + "idNumber", "validation.idNumber"));
                }
                if (person.phone() != null
                        && !person.phone().isBlank()
                        && PersonNumbers.phone(person.phone()).isEmpty()) {
                    problems.add(new FieldProblem(who + "phone", "validation.phone"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return unit;
    }

    private static void text(List<FieldProblem> problems, String field, String value, boolean required, int max) {
        CleanText.check(problems, field, value, required, max);
    }

    /** The reports the user sees, newest period first, optionally of one unit and overlapping a period. */
    @Transactional(readOnly = true)
    public List<Filed> reports(Long unitId, LocalDate from, LocalDate to, CurrentUser user) {
        if (!works(user)) {
            throw new ForbiddenException("situation.forbidden");
        }
        List<SituationReport> seen = reports
                .findByPeriodToGreaterThanEqualAndPeriodFromLessThanEqualOrderByPeriodFromDescIdDesc(
                        from == null ? LocalDate.of(1900, 1, 1) : from, to == null ? LocalDate.of(9999, 12, 31) : to)
                .stream()
                .filter(r -> unitId == null || unitId.equals(r.getUnitId()))
                .filter(r -> sees(user, r.getAreaPath()))
                .toList();
        if (seen.isEmpty()) {
            return List.of();
        }
        // every report's signals in one query, not one per report
        Map<Long, List<Signal>> byReport =
                signals
                        .findByReportIdInOrderByIdAsc(
                                seen.stream().map(SituationReport::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(Signal::getReportId));
        return seen.stream()
                .map(r -> new Filed(r, byReport.getOrDefault(r.getId(), List.of())))
                .toList();
    }

    /** Filters of the signal list; any may be null ({@code from}–{@code to}: the days it was reported). */
    public record SignalFilter(
            Long unitId, SignalStatus status, SignalRisk risk, SignalCategory category, LocalDate from, LocalDate to) {

        public SignalFilter(Long unitId, SignalStatus status, SignalRisk risk, SignalCategory category) {
            this(unitId, status, risk, category, null, null);
        }
    }

    /** The signals the user sees, newest first. */
    @Transactional(readOnly = true)
    public Page<Signal> signals(SignalFilter filter, Pageable pageable, CurrentUser user) {
        if (!works(user)) {
            throw new ForbiddenException("situation.forbidden");
        }
        Pageable newestFirst = PageRequest.of(
                pageable.getPageNumber(),
                pageable.getPageSize(),
                Sort.by(Sort.Direction.DESC, "reportedAt").and(Sort.by(Sort.Direction.DESC, "id")));
        return signals.findAll(visible(filter, user), newestFirst);
    }

    private Specification<Signal> visible(SignalFilter filter, CurrentUser user) {
        return (root, query, cb) -> {
            List<Predicate> and = new ArrayList<>();
            if (!user.isAdmin()) {
                and.add(cb.like(root.get("areaPath"), user.areaPath() + "%"));
            }
            if (filter.unitId() != null) {
                and.add(cb.equal(root.get("unitId"), filter.unitId()));
            }
            if (filter.status() != null) {
                and.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.risk() != null) {
                and.add(cb.equal(root.get("risk"), filter.risk()));
            }
            if (filter.category() != null) {
                and.add(cb.equal(root.get("category"), filter.category()));
            }
            if (filter.from() != null) {
                and.add(cb.greaterThanOrEqualTo(
                        root.get("reportedAt"),
                        filter.from().atStartOfDay(clock.getZone()).toInstant()));
            }
            if (filter.to() != null) {
                and.add(cb.lessThan(
                        root.get("reportedAt"),
                        filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
            }
            return cb.and(and.toArray(Predicate[]::new));
        };
    }

    /** The longest period the situation overview shows week by week. */
    public static final int OVERVIEW_WEEKS_MAX = 106;

    /** One unit's row of the overview: signals per week of the period, in all, and how many became cases. */
    public record UnitRow(Unit unit, List<Long> perWeek, long total, long becameCases) {}

    /**
     * Signals by unit, category and week for a period (Mondays from the week of {@code from} to that of {@code to}):
     * the units' rows, each category's counts per week, and the counts by triage status.
     */
    public record Overview(
            List<LocalDate> weeks,
            List<UnitRow> rows,
            Map<SignalCategory, List<Long>> byCategory,
            Map<SignalStatus, Long> byStatus,
            long total) {}

    @Transactional(readOnly = true)
    public Overview overview(SignalFilter filter, CurrentUser user) {
        if (!works(user)) {
            throw new ForbiddenException("situation.forbidden");
        }
        LocalDate to = filter.to() == null ? LocalDate.now(clock) : filter.to();
        LocalDate from = filter.from() == null ? to.minusWeeks(11) : filter.from();
        if (from.isAfter(to)) {
            throw new InvalidInputException("to", "validation.periodOrder");
        }
        LocalDate firstMonday = from.with(DayOfWeek.MONDAY);
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate w = firstMonday; !w.isAfter(to); w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        if (weeks.size() > OVERVIEW_WEEKS_MAX) {
            throw new InvalidInputException("from", "situation.rangeTooLong", OVERVIEW_WEEKS_MAX);
        }
        // only the five columns the overview counts by, not whole signals
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Signal> root = query.from(Signal.class);
        query.multiselect(
                root.get("unitId"),
                root.get("category"),
                root.get("status"),
                root.get("reportedAt"),
                root.get("caseCode"));
        query.where(visible(
                        new SignalFilter(filter.unitId(), filter.status(), filter.risk(), filter.category(), from, to),
                        user)
                .toPredicate(root, query, cb));
        List<Tuple> found = entities.createQuery(query).getResultList();
        Map<Long, long[]> perUnit = new LinkedHashMap<>();
        Map<Long, Long> cases = new LinkedHashMap<>();
        Map<SignalCategory, long[]> perCategory = new EnumMap<>(SignalCategory.class);
        Map<SignalStatus, Long> byStatus = new EnumMap<>(SignalStatus.class);
        for (SignalStatus st : SignalStatus.values()) {
            byStatus.put(st, 0L);
        }
        for (Tuple row : found) {
            Long unitId = row.get(0, Long.class);
            LocalDate day = LocalDate.ofInstant(row.get(3, Instant.class), clock.getZone());
            int week = (int) ChronoUnit.WEEKS.between(firstMonday, day.with(DayOfWeek.MONDAY));
            perUnit.computeIfAbsent(unitId, k -> new long[weeks.size()])[week]++;
            perCategory.computeIfAbsent(row.get(1, SignalCategory.class), k -> new long[weeks.size()])[week]++;
            byStatus.merge(row.get(2, SignalStatus.class), 1L, Long::sum);
            if (row.get(4, String.class) != null) {
                cases.merge(unitId, 1L, Long::sum);
            }
        }
        List<UnitRow> rows = new ArrayList<>();
        for (Unit unit : directory.units()) {
            long[] counts = perUnit.get(unit.getId());
            if (counts != null) {
                rows.add(new UnitRow(
                        unit,
                        Arrays.stream(counts).boxed().toList(),
                        Arrays.stream(counts).sum(),
                        cases.getOrDefault(unit.getId(), 0L)));
            }
        }
        Map<SignalCategory, List<Long>> byCategory = new EnumMap<>(SignalCategory.class);
        perCategory.forEach((k, v) -> byCategory.put(k, Arrays.stream(v).boxed().toList()));
        return new Overview(weeks, rows, byCategory, byStatus, found.size());
    }

    /** The units whose signals the user sees (both agencies'), for the filters. */
    @Transactional(readOnly = true)
    public List<Unit> visibleUnits(CurrentUser user) {
        if (!works(user)) {
            throw new ForbiddenException("situation.forbidden");
        }
        return directory.units().stream()
                .filter(u -> sees(user, u.getArea().getPath()))
                .toList();
    }

    /** The units the user may report for: of the user's agency, in the user's area (officers and supervisors). */
    @Transactional(readOnly = true)
    public List<Unit> reportingUnits(CurrentUser user) {
        if (!user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            throw new ForbiddenException("situation.report.forbidden");
        }
        return directory.units().stream()
                .filter(u -> u.getAgencyCode().equals(user.agency())
                        && user.coversArea(u.getArea().getPath()))
                .toList();
    }

    /** A signal the user sees (404 otherwise, like a signal that does not exist). */
    @Transactional(readOnly = true)
    public Signal signal(long id, CurrentUser user) {
        return signals.findById(id)
                .filter(s -> sees(user, s.getAreaPath()))
                .orElseThrow(() -> new NotFoundException("signal.notFound"));
    }

    @Transactional(readOnly = true)
    public List<SignalEvent> history(long id, CurrentUser user) {
        signal(id, user);
        return events.findBySignalIdOrderByIdAsc(id);
    }

    /** Photos of a signal are pictures: what the type sniffed from the bytes says, whatever the name claims. */
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    /** The most photos one signal carries. */
    static final int PHOTOS_MAX = 10;

    /**
     * Adds a photo to a signal the user sees (officers and supervisors of both agencies covering the area, whatever
     * its triage): checked for size and for its real type, stored, audited and kept in the signal's history.
     */
    @Transactional
    public SignalPhoto addPhoto(long id, String fileName, InputStream content, CurrentUser user) throws IOException {
        if (!user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            throw new ForbiddenException("situation.report.forbidden");
        }
        Signal s = signal(id, user);
        if (photos.countBySignalId(s.getId()) >= PHOTOS_MAX) {
            throw new InvalidInputException("file", "validation.photos.tooMany", PHOTOS_MAX);
        }
        AttachmentStore.Accepted file = store.accept(fileName, content, PHOTO_TYPES);
        String name = file.name();
        SignalPhoto photo = photos.save(new SignalPhoto(
                s.getId(),
                name,
                file.type(),
                file.size(),
                file.sha256(),
                file.key(),
                user.username(),
                clock.instant()));
        events.save(new SignalEvent(
                s.getId(), SignalEvent.Action.PHOTO_ADDED, user.username(), clock.instant(), name, null, null));
        audit.record(
                "SIGNAL_PHOTO_ADDED",
                null,
                null,
                "signal",
                s.getId().toString(),
                Map.of("photo", photo.getId(), "fileName", name, "contentType", file.type(), "size", file.size()));
        return photo;
    }

    @Transactional(readOnly = true)
    public List<SignalPhoto> photos(long id, CurrentUser user) {
        return photos.findBySignalIdOrderByIdAsc(signal(id, user).getId());
    }

    /** A photo and a way to read its bytes. */
    public record PhotoContent(SignalPhoto photo, InputStream stream) {}

    @Transactional(readOnly = true)
    public PhotoContent photo(long id, long photoId, CurrentUser user) throws IOException {
        Signal s = signal(id, user);
        SignalPhoto p = photos.findByIdAndSignalId(photoId, s.getId())
                .orElseThrow(() -> new NotFoundException("signal.photoNotFound"));
        return new PhotoContent(p, store.open(p.getStorageKey()));
    }

    /** Keeps an eye on a signal until a day (again, to move the day). */
    @Transactional
    public Signal watch(long id, LocalDate followUpOn, CurrentUser user) {
        Signal s = open(id, user);
        if (followUpOn == null) {
            throw new InvalidInputException("followUpOn", "validation.required");
        }
        if (followUpOn.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("followUpOn", "validation.future");
        }
        s.watch(followUpOn, clock.instant());
        record(s, SignalEvent.Action.WATCHED, user, null, null, followUpOn);
        return s;
    }

    /** Dismisses a signal with the reason. */
    @Transactional
    public Signal dismiss(long id, String reason, CurrentUser user) {
        Signal s = open(id, user);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < REASON_MIN) {
            throw new InvalidInputException("reason", "validation.minLength", REASON_MIN);
        }
        if (why.length() > REASON_MAX) {
            throw new InvalidInputException("reason", "validation.maxLength", REASON_MAX);
        }
        s.settle(SignalStatus.DISMISSED, null, clock.instant());
        record(s, SignalEvent.Action.DISMISSED, user, why, null, null);
        return s;
    }

    /** Links a signal to a case the user sees (404 for a case the user may not see, as for a missing one). */
    @Transactional
    public Signal link(long id, String caseCode, CurrentUser user) {
        Signal s = open(id, user);
        if (caseCode == null || caseCode.isBlank()) {
            throw new InvalidInputException("caseCode", "validation.required");
        }
        Case c;
        try {
            c = caseFiles.visible(caseCode.strip(), user);
        } catch (NotFoundException e) {
            throw new InvalidInputException("caseCode", "validation.caseCode");
        }
        s.settle(SignalStatus.LINKED, c.getCode(), clock.instant());
        record(s, SignalEvent.Action.LINKED, user, null, c, null);
        return s;
    }

    /** Every signal reported since a moment, of every unit (for the outlook, which applies its own visibility). */
    @Transactional(readOnly = true)
    public List<Signal> reportedSince(Instant after) {
        return signals.findByReportedAtAfter(after);
    }

    /** The people a signal names and the earlier cases (that the user sees) of the same ID numbers or phones. */
    public record People(List<SignalPerson> people, List<Case> earlierCases) {}

    /** The people the signal names, and their earlier cases the user sees (by ID number or phone). */
    @Transactional(readOnly = true)
    public People people(long id, CurrentUser user) {
        Signal s = signal(id, user);
        List<SignalPerson> named = people.findBySignalIdOrderByPositionAsc(s.getId());
        Set<String> ids = named.stream()
                .map(SignalPerson::getIdNumber)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> phones = named.stream()
                .map(SignalPerson::getPhone)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        List<Case> earlier = caseFiles.ofPeople(ids, phones, user).stream()
                .filter(c -> !c.getCode().equals(s.getCaseCode()))
                .toList();
        return new People(named, earlier);
    }

    /** What a promotion asks besides the type: a title, and for a grievance who raised it (else the source). */
    public record Promotion(CaseType as, String title, String petitioner) {}

    /**
     * Promotes a signal to a case, pre-filled from it (an incident detected by a grassroots signal, or a grievance
     * of the person who raised it), received by the user's agency and linked to the signal.
     */
    @Transactional
    public Case promote(long id, Promotion promotion, CurrentUser user) {
        Signal s = open(id, user);
        if (!user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            throw new ForbiddenException("case.create.forbidden");
        }
        if (promotion.as() == null) {
            throw new InvalidInputException("as", "validation.required");
        }
        IntakeForm form = new IntakeForm();
        form.setType(promotion.as());
        form.setChannel(Channel.GRASSROOTS);
        String title = promotion.title() == null || promotion.title().isBlank()
                ? defaultTitle(s)
                : promotion.title().strip();
        if (title.length() > TITLE_MAX) {
            throw new InvalidInputException("title", "validation.maxLength", TITLE_MAX);
        }
        form.setTitle(title);
        form.setDescription(s.getDescription());
        form.setLocation(s.getPlace());
        form.setUnitId(receivingUnit(s, user));
        form.setCrowdSize(
                s.getCategory() == SignalCategory.CROWD && s.getPeopleInvolved() != null ? s.getPeopleInvolved() : 0);
        if (promotion.as() == CaseType.INCIDENT) {
            LocalDateTime reported = LocalDateTime.ofInstant(s.getReportedAt(), clock.getZone());
            form.setOccurredAt(reported.withNano(0));
            form.setDetectedBy(Detection.SIGNAL);
            form.setPeopleInvolved(s.getPeopleInvolved());
        } else {
            List<SignalPerson> named = people.findBySignalIdOrderByPositionAsc(s.getId());
            if (promotion.petitioner() != null && !promotion.petitioner().isBlank()) {
                form.setPetitioners(new ArrayList<>(List.of(
                        new IntakeForm.PetitionerForm(promotion.petitioner().strip(), null, null, null, false))));
            } else if (!named.isEmpty()) {
                // the people the signal names bring the grievance, with their numbers (their earlier cases show)
                form.setPetitioners(new ArrayList<>(named.stream()
                        .map(p -> new IntakeForm.PetitionerForm(
                                p.getFullName(), p.getIdNumber(), p.getPhone(), null, false))
                        .toList()));
            } else if (s.getSource() != null) {
                form.setPetitioners(new ArrayList<>(
                        List.of(new IntakeForm.PetitionerForm(s.getSource(), null, null, null, false))));
            } else {
                throw new InvalidInputException("petitioner", "validation.required");
            }
        }
        Case c = intake.receive(form, user);
        s.settle(SignalStatus.PROMOTED, c.getCode(), clock.instant());
        record(s, SignalEvent.Action.PROMOTED, user, promotion.as().name(), c, null);
        return c;
    }

    /** The first line of the description, cut at a word near 120 characters. */
    static String defaultTitle(Signal s) {
        String first = s.getDescription().lines().findFirst().orElse("").strip();
        if (first.length() <= 120) {
            return first;
        }
        int cut = first.lastIndexOf(' ', 120);
        return first.substring(0, cut > 60 ? cut : 120) + "…";
    }

    /** A unit of the user's agency for the signal's area, else the user's own unit. */
    private Long receivingUnit(Signal s, CurrentUser user) {
        return directory.units().stream()
                .filter(u -> u.getAgencyCode().equals(user.agency()))
                .filter(u -> u.getArea().getPath().equals(s.getAreaPath()))
                .filter(u -> user.coversArea(u.getArea().getPath()))
                .map(Unit::getId)
                .findFirst()
                .orElse(user.unitId());
    }

    /** A signal the user sees and may still triage, locked against a concurrent decision. */
    private Signal open(long id, CurrentUser user) {
        if (!works(user)) {
            throw new ForbiddenException("situation.forbidden");
        }
        Signal s = signals.lockById(id)
                .filter(x -> sees(user, x.getAreaPath()))
                .orElseThrow(() -> new NotFoundException("signal.notFound"));
        if (s.getStatus().isSettled()) {
            throw new ConflictException("signal.settled");
        }
        return s;
    }

    private void record(
            Signal s, SignalEvent.Action action, CurrentUser user, String note, Case c, LocalDate followUpOn) {
        Instant now = clock.instant();
        events.save(new SignalEvent(
                s.getId(), action, user.username(), now, note, c == null ? null : c.getCode(), followUpOn));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("signal", s.getId());
        details.put("status", s.getStatus().name());
        if (note != null) {
            details.put("note", note);
        }
        if (followUpOn != null) {
            details.put("followUpOn", followUpOn.toString());
        }
        audit.record(
                "SIGNAL_" + action.name(),
                c == null ? null : c.getId(),
                c == null ? null : c.getCode(),
                "signal",
                s.getId().toString(),
                details);
    }
}
