package vn.tandem.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseVisibility;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.CleanText;
import vn.tandem.common.ConflictException;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.Folding;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.ReportScope;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.Unit;

/**
 * The reception log and dialogue meetings. Officers and supervisors of a unit's agency within its area record them
 * (administrators any); both agencies' users covering the area read them; designers none. A case linked for the
 * first time gets a timeline entry; every recording and change is audited.
 */
@Service
public class ReceptionLog {

    static final int PLACE_MAX = 300;
    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 5000;
    static final int SUMMARY_MAX = 1000;
    static final int PARTICIPANTS_MAX = 2000;
    static final int MATTERS_MAX = 100;
    static final int CITIZENS_MAX = 10_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Receptions receptions;
    private final Dialogues dialogues;
    private final Directory directory;
    private final CaseFiles caseFiles;
    private final Timeline timeline;
    private final AuditLog audit;
    private final Clock clock;

    ReceptionLog(
            Receptions receptions,
            Dialogues dialogues,
            Directory directory,
            CaseFiles caseFiles,
            Timeline timeline,
            AuditLog audit,
            Clock clock) {
        this.receptions = receptions;
        this.dialogues = dialogues;
        this.directory = directory;
        this.caseFiles = caseFiles;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    static boolean reads(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.SUPERVISOR) || user.isAdmin();
    }

    /**
     * Reception and dialogue figures for a period report: sessions held in the period (regular and ad hoc), citizens
     * received, matters raised and how many were linked to a case, dialogue meetings and the citizens who took part.
     */
    public record Tally(
            long receptions,
            long regularReceptions,
            long citizensReceived,
            long matters,
            long mattersLinked,
            long dialogues,
            long dialogueCitizens) {}

    @Transactional(readOnly = true)
    public Tally tally(ReportScope scope) {
        List<Reception> held = receptions.findByHeldOnBetweenOrderByHeldOnDescIdDesc(scope.from(), scope.to()).stream()
                .filter(r -> scope.includes(r.getAgencyCode(), r.getAreaPath()))
                .toList();
        List<Dialogue> met = dialogues.findByHeldOnBetweenOrderByHeldOnDescIdDesc(scope.from(), scope.to()).stream()
                .filter(d -> scope.includes(d.getAgencyCode(), d.getAreaPath()))
                .toList();
        return new Tally(
                held.size(),
                held.stream().filter(Reception::isRegular).count(),
                held.stream().mapToLong(Reception::getCitizens).sum(),
                held.stream().mapToLong(r -> r.getMatters().size()).sum(),
                held.stream()
                        .flatMap(r -> r.getMatters().stream())
                        .filter(m -> m.getCaseId() != null)
                        .count(),
                met.size(),
                met.stream().mapToLong(Dialogue::getCitizens).sum());
    }

    static boolean sees(CurrentUser user, String areaPath) {
        return reads(user) && (user.isAdmin() || user.coversArea(areaPath));
    }

    /** Whether the user may record for the unit: its agency's officer or supervisor covering it, or an admin. */
    public static boolean mayRecord(CurrentUser user, Unit unit) {
        return user.isAdmin()
                || ((user.has(Role.OFFICER) || user.has(Role.SUPERVISOR))
                        && unit.getAgencyCode().equals(user.agency())
                        && user.coversArea(unit.getArea().getPath()));
    }

    /** The receptions the user sees in a period (every one when from/to are null), newest first. */
    @Transactional(readOnly = true)
    public List<Reception> receptions(LocalDate from, LocalDate to, Long unitId, String q, CurrentUser user) {
        if (!reads(user)) {
            throw new ForbiddenException("reception.forbidden");
        }
        String pattern = q == null || q.isBlank() ? null : Folding.fold(q);
        return receptions
                .findByHeldOnBetweenOrderByHeldOnDescIdDesc(
                        from == null ? LocalDate.of(1900, 1, 1) : from, to == null ? LocalDate.of(9999, 12, 31) : to)
                .stream()
                .filter(r -> sees(user, r.getAreaPath()))
                .filter(r -> unitId == null || unitId.equals(r.getUnitId()))
                .filter(r -> pattern == null || searchOf(r).contains(pattern))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Dialogue> dialogues(LocalDate from, LocalDate to, Long unitId, String q, CurrentUser user) {
        if (!reads(user)) {
            throw new ForbiddenException("reception.forbidden");
        }
        String pattern = q == null || q.isBlank() ? null : Folding.fold(q);
        return dialogues
                .findByHeldOnBetweenOrderByHeldOnDescIdDesc(
                        from == null ? LocalDate.of(1900, 1, 1) : from, to == null ? LocalDate.of(9999, 12, 31) : to)
                .stream()
                .filter(d -> sees(user, d.getAreaPath()))
                .filter(d -> unitId == null || unitId.equals(d.getUnitId()))
                .filter(d -> pattern == null
                        || Folding.fold(d.getPlace() + " " + d.getParticipants() + " " + d.getConclusions())
                                .contains(pattern))
                .toList();
    }

    private static String searchOf(Reception r) {
        StringBuilder s = new StringBuilder(r.getPlace()).append(' ').append(r.getReceivedBy());
        r.getMatters().forEach(m -> s.append(' ').append(m.getSummary()));
        if (r.getNotes() != null) {
            s.append(' ').append(r.getNotes());
        }
        return Folding.fold(s.toString());
    }

    @Transactional(readOnly = true)
    public Reception reception(long id, CurrentUser user) {
        if (!reads(user)) {
            throw new ForbiddenException("reception.forbidden");
        }
        return receptions
                .findById(id)
                .filter(r -> sees(user, r.getAreaPath()))
                .orElseThrow(() -> new NotFoundException("reception.notFound"));
    }

    @Transactional(readOnly = true)
    public Dialogue dialogue(long id, CurrentUser user) {
        if (!reads(user)) {
            throw new ForbiddenException("reception.forbidden");
        }
        return dialogues
                .findById(id)
                .filter(d -> sees(user, d.getAreaPath()))
                .orElseThrow(() -> new NotFoundException("reception.notFound"));
    }

    /** The codes of the cases linked to some receptions and dialogues that the user may open, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, String> linkedCodes(
            Collection<Reception> receptions, Collection<Dialogue> dialogues, CurrentUser user) {
        Set<Long> ids = new HashSet<>();
        receptions.forEach(r -> r.getMatters().forEach(m -> {
            if (m.getCaseId() != null) {
                ids.add(m.getCaseId());
            }
        }));
        dialogues.forEach(d -> ids.addAll(d.getCaseIds()));
        return caseFiles.visibleCodes(ids, user);
    }

    @Transactional
    public Reception record(ReceptionInput in, CurrentUser user) {
        Reception r = new Reception(user.username(), clock.instant());
        apply(r, in, Set.of(), user);
        receptions.save(r);
        audit.record("RECEPTION_RECORDED", null, null, "reception", r.getId().toString(), details(r));
        return r;
    }

    @Transactional
    public Reception update(long id, ReceptionInput in, Long expectedVersion, CurrentUser user) {
        Reception r = reception(id, user);
        Unit current = directory.unit(r.getUnitId()).orElseThrow();
        if (!mayRecord(user, current)) {
            throw new ForbiddenException("reception.writeForbidden");
        }
        if (expectedVersion != null && expectedVersion != r.getVersion()) {
            throw new ConflictException("reception.changedMeanwhile", r.getUpdatedBy());
        }
        Set<Long> before = new HashSet<>();
        r.getMatters().forEach(m -> {
            if (m.getCaseId() != null) {
                before.add(m.getCaseId());
            }
        });
        apply(r, in, before, user);
        audit.record("RECEPTION_UPDATED", null, null, "reception", r.getId().toString(), details(r));
        return r;
    }

    private void apply(Reception r, ReceptionInput in, Set<Long> linkedBefore, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        Unit unit = unit(in.unitId(), user, problems);
        day(in.heldOn(), problems);
        CleanText.check(problems, "place", in.place(), true, PLACE_MAX);
        CleanText.check(problems, "receivedBy", in.receivedBy(), true, NAME_MAX);
        CleanText.check(problems, "notes", in.notes(), false, TEXT_MAX);
        if (in.citizens() == null) {
            problems.add(new FieldProblem("citizens", "validation.required"));
        } else if (in.citizens() < 1 || in.citizens() > CITIZENS_MAX) {
            problems.add(new FieldProblem("citizens", "validation.range", 1, CITIZENS_MAX));
        }
        List<ReceptionInput.Matter> matters = in.matters() == null ? List.of() : in.matters();
        if (matters.size() > MATTERS_MAX) {
            problems.add(new FieldProblem("matters", "validation.max", MATTERS_MAX));
        }
        List<ReceptionMatter> rows = new ArrayList<>();
        List<Case> linked = new ArrayList<>();
        for (int i = 0; i < matters.size() && i < MATTERS_MAX; i++) {
            ReceptionInput.Matter m = matters.get(i);
            String at = "matters[" + i + "].";
            if (m == null) {
                problems.add(new FieldProblem("matters[" + i + "]", "validation.required"));
                continue;
            }
            CleanText.check(problems, at + "summary", m.summary(), true, SUMMARY_MAX);
            Case c = m.caseCode() == null || m.caseCode().isBlank() ? null : visibleCase(m.caseCode(), user);
            if (m.caseCode() != null && !m.caseCode().isBlank() && c == null) {
                problems.add(new FieldProblem(
                        at + "caseCode", "reception.caseUnknown", m.caseCode().strip()));
            }
            if (m.summary() != null) {
                rows.add(new ReceptionMatter(i, m.summary().strip(), c == null ? null : c.getId()));
            }
            if (c != null) {
                linked.add(c);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        r.set(
                in.heldOn(),
                in.regular() == null || in.regular(),
                in.place().strip(),
                unit.getAgencyCode(),
                unit.getId(),
                unit.getArea().getPath(),
                in.receivedBy().strip(),
                in.citizens(),
                in.notes() == null || in.notes().isBlank() ? null : in.notes().strip(),
                rows,
                Folding.fold(1000, in.place(), in.receivedBy()),
                user.username(),
                now);
        Set<Long> told = new HashSet<>(linkedBefore);
        for (int i = 0; i < rows.size(); i++) {
            ReceptionMatter row = rows.get(i);
            if (row.getCaseId() == null || !told.add(row.getCaseId())) {
                continue;
            }
            timeline.add(
                    row.getCaseId(),
                    user.username(),
                    "RECEPTION",
                    Text.of(
                            "timeline.reception",
                            in.heldOn().format(DAY),
                            Text.plain(in.place().strip())),
                    List.of(Timeline.Detail.of("timeline.label.matter", row.getSummary())),
                    "reception",
                    null);
        }
    }

    @Transactional
    public Dialogue record(DialogueInput in, CurrentUser user) {
        Dialogue d = new Dialogue(user.username(), clock.instant());
        apply(d, in, Set.of(), user);
        dialogues.save(d);
        audit.record("DIALOGUE_RECORDED", null, null, "dialogue", d.getId().toString(), details(d));
        return d;
    }

    @Transactional
    public Dialogue update(long id, DialogueInput in, Long expectedVersion, CurrentUser user) {
        Dialogue d = dialogue(id, user);
        Unit current = directory.unit(d.getUnitId()).orElseThrow();
        if (!mayRecord(user, current)) {
            throw new ForbiddenException("reception.writeForbidden");
        }
        if (expectedVersion != null && expectedVersion != d.getVersion()) {
            throw new ConflictException("reception.changedMeanwhile", d.getUpdatedBy());
        }
        apply(d, in, d.getCaseIds(), user);
        audit.record("DIALOGUE_UPDATED", null, null, "dialogue", d.getId().toString(), details(d));
        return d;
    }

    private void apply(Dialogue d, DialogueInput in, Set<Long> linkedBefore, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        Unit unit = unit(in.unitId(), user, problems);
        day(in.heldOn(), problems);
        CleanText.check(problems, "place", in.place(), true, PLACE_MAX);
        CleanText.check(problems, "participants", in.participants(), true, PARTICIPANTS_MAX);
        CleanText.check(problems, "conclusions", in.conclusions(), true, TEXT_MAX);
        if (in.citizens() == null) {
            problems.add(new FieldProblem("citizens", "validation.required"));
        } else if (in.citizens() < 0 || in.citizens() > CITIZENS_MAX) {
            problems.add(new FieldProblem("citizens", "validation.range", 0, CITIZENS_MAX));
        }
        Set<String> agencies = new LinkedHashSet<>();
        for (String a : in.agencies() == null ? List.<String>of() : in.agencies()) {
            if (a == null
                    || directory.agency(a.strip().toUpperCase(Locale.ROOT)).isEmpty()) {
                problems.add(new FieldProblem("agencies", "validation.option"));
                break;
            }
            agencies.add(a.strip().toUpperCase(Locale.ROOT));
        }
        if (unit != null) {
            agencies.add(unit.getAgencyCode());
        }
        Set<Long> cases = new LinkedHashSet<>();
        for (String code : in.caseCodes() == null ? List.<String>of() : in.caseCodes()) {
            if (code == null || code.isBlank()) {
                continue;
            }
            Case c = visibleCase(code, user);
            if (c == null) {
                problems.add(new FieldProblem("caseCodes", "reception.caseUnknown", code.strip()));
                break;
            }
            cases.add(c.getId());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        d.set(
                in.heldOn(),
                in.place().strip(),
                unit.getAgencyCode(),
                unit.getId(),
                unit.getArea().getPath(),
                in.participants().strip(),
                agencies,
                in.citizens(),
                in.conclusions().strip(),
                cases,
                Folding.fold(1000, in.place(), in.participants()),
                user.username(),
                clock.instant());
        for (Long caseId : cases) {
            if (linkedBefore.contains(caseId)) {
                continue;
            }
            timeline.add(
                    caseId,
                    user.username(),
                    "DIALOGUE",
                    Text.of(
                            "timeline.dialogue",
                            in.heldOn().format(DAY),
                            Text.plain(in.place().strip())),
                    List.of(Timeline.Detail.of(
                            "timeline.label.conclusions", in.conclusions().strip())),
                    "dialogue",
                    null);
        }
    }

    private Unit unit(Long unitId, CurrentUser user, List<FieldProblem> problems) {
        Unit unit = unitId == null ? null : directory.unit(unitId).orElse(null);
        if (unit == null) {
            problems.add(new FieldProblem("unitId", unitId == null ? "validation.required" : "validation.unit"));
            if (!reads(user) || (!user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR) && !user.isAdmin())) {
                throw new ForbiddenException("reception.writeForbidden");
            }
            return null;
        }
        if (!mayRecord(user, unit)) {
            throw new ForbiddenException("reception.writeForbidden");
        }
        return unit;
    }

    private void day(LocalDate day, List<FieldProblem> problems) {
        if (day == null) {
            problems.add(new FieldProblem("heldOn", "validation.required"));
        } else if (day.isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("heldOn", "validation.notAfterToday"));
        }
    }

    private Case visibleCase(String code, CurrentUser user) {
        return caseFiles
                .byCode(code.strip().toUpperCase(Locale.ROOT))
                .filter(c -> CaseVisibility.canSee(user, c))
                .orElse(null);
    }

    private static Map<String, Object> details(Reception r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heldOn", r.getHeldOn().toString());
        m.put("unit", r.getUnitId());
        m.put("regular", r.isRegular());
        m.put("citizens", r.getCitizens());
        m.put("matters", r.getMatters().size());
        m.put(
                "cases",
                r.getMatters().stream()
                        .map(ReceptionMatter::getCaseId)
                        .filter(java.util.Objects::nonNull)
                        .toList());
        return m;
    }

    private static Map<String, Object> details(Dialogue d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heldOn", d.getHeldOn().toString());
        m.put("unit", d.getUnitId());
        m.put("agencies", List.copyOf(d.getAgencies()));
        m.put("citizens", d.getCitizens());
        m.put("cases", List.copyOf(d.getCaseIds()));
        return m;
    }
}
