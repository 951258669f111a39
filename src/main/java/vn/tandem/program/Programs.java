package vn.tandem.program;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.common.CleanText;
import vn.tandem.common.ConflictException;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.Folding;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.ReportScope;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.Unit;

/**
 * The program registry. Officers, supervisors and administrators of both agencies read it (the program is the two
 * agencies' shared work); supervisors write for units of their agency within their area, administrators for any
 * unit; designers see none. Every creation and change is audited with what changed.
 */
@Service
public class Programs {

    static final int TITLE_MAX = 300;
    static final int OCCASION_MAX = 200;
    static final int TEXT_MAX = 5000;
    static final int COMMENDATIONS_MAX = 2000;
    static final int LINKS_MAX = 200;

    private final ProgramItems items;
    private final Directory directory;
    private final CaseFiles caseFiles;
    private final AuditLog audit;
    private final Clock clock;

    Programs(ProgramItems items, Directory directory, CaseFiles caseFiles, AuditLog audit, Clock clock) {
        this.items = items;
        this.directory = directory;
        this.caseFiles = caseFiles;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a list asks for: kind, words (folded), status, agency, lead unit, field, a year it was active in. */
    public record Filter(
            ProgramKind kind,
            String q,
            ProgramStatus status,
            String agency,
            Long unitId,
            ModelField field,
            Integer year) {}

    static boolean reads(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.SUPERVISOR) || user.isAdmin();
    }

    /** Whether the user may create or change items (supervisors and administrators). */
    public static boolean writes(CurrentUser user) {
        return user.has(Role.SUPERVISOR) || user.isAdmin();
    }

    @Transactional(readOnly = true)
    public Page<ProgramItem> list(Filter filter, Pageable pageable, CurrentUser user) {
        if (!reads(user)) {
            throw new ForbiddenException("program.forbidden");
        }
        Specification<ProgramItem> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.kind() != null) {
                where.add(cb.equal(root.get("kind"), filter.kind()));
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                where.add(cb.like(root.get("searchText"), Folding.containsPattern(filter.q()), '\\'));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.agency() != null && !filter.agency().isBlank()) {
                where.add(cb.equal(root.get("agencyCode"), filter.agency()));
            }
            if (filter.unitId() != null) {
                where.add(cb.equal(root.get("unitId"), filter.unitId()));
            }
            if (filter.field() != null) {
                where.add(cb.equal(root.get("field"), filter.field()));
            }
            if (filter.year() != null) {
                LocalDate first = LocalDate.of(filter.year(), 1, 1);
                where.add(cb.lessThanOrEqualTo(
                        root.get("startDate"), first.plusYears(1).minusDays(1)));
                where.add(cb.or(cb.isNull(root.get("endDate")), cb.greaterThanOrEqualTo(root.get("endDate"), first)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : org.springframework.data.domain.PageRequest.of(
                        pageable.getPageNumber(),
                        pageable.getPageSize(),
                        Sort.by(Sort.Order.desc("startDate"), Sort.Order.desc("id")));
        return items.findAll(spec, sorted);
    }

    /**
     * The program's figures for a period report: campaigns and drives launched (started in the period, not merely
     * planned), models built (started in the period) and active (running at some time in the period), with the
     * titles of what was launched and the models by field. Counts items whose agency and area the scope covers.
     */
    public record Tally(
            long campaigns,
            long drives,
            long models,
            long modelsActive,
            Map<ModelField, Long> modelsByField,
            List<String> campaignTitles,
            List<String> driveTitles) {}

    @Transactional(readOnly = true)
    public Tally tally(ReportScope scope) {
        List<ProgramItem> running = items
                .findAll((root, query, cb) -> cb.and(
                        cb.notEqual(root.get("status"), ProgramStatus.PLANNED),
                        cb.lessThanOrEqualTo(root.get("startDate"), scope.to()),
                        cb.or(
                                cb.isNull(root.get("endDate")),
                                cb.greaterThanOrEqualTo(root.get("endDate"), scope.from())),
                        cb.like(root.get("areaPath"), scope.areaPattern(), '\\')))
                .stream()
                .filter(i -> scope.includes(i.getAgencyCode(), i.getAreaPath()))
                .sorted(Comparator.comparing(ProgramItem::getStartDate).thenComparing(ProgramItem::getId))
                .toList();
        List<ProgramItem> launched =
                running.stream().filter(i -> scope.covers(i.getStartDate())).toList();
        Map<ModelField, Long> byField = new EnumMap<>(ModelField.class);
        launched.stream()
                .filter(i -> i.getKind() == ProgramKind.MODEL && i.getField() != null)
                .forEach(i -> byField.merge(i.getField(), 1L, Long::sum));
        return new Tally(
                count(launched, ProgramKind.CAMPAIGN),
                count(launched, ProgramKind.DRIVE),
                count(launched, ProgramKind.MODEL),
                count(running, ProgramKind.MODEL),
                byField,
                titles(launched, ProgramKind.CAMPAIGN),
                titles(launched, ProgramKind.DRIVE));
    }

    private static long count(List<ProgramItem> list, ProgramKind kind) {
        return list.stream().filter(i -> i.getKind() == kind).count();
    }

    private static List<String> titles(List<ProgramItem> list, ProgramKind kind) {
        return list.stream()
                .filter(i -> i.getKind() == kind)
                .map(ProgramItem::getTitle)
                .toList();
    }

    @Transactional(readOnly = true)
    public ProgramItem get(long id, ProgramKind kind, CurrentUser user) {
        if (!reads(user)) {
            throw new ForbiddenException("program.forbidden");
        }
        return items.findById(id)
                .filter(i -> kind == null || i.getKind() == kind)
                .orElseThrow(() -> new NotFoundException("program.notFound"));
    }

    /** The codes of some items' linked cases (those that still exist), by case id, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, String> caseCodes(Collection<ProgramItem> items) {
        Set<Long> ids = new LinkedHashSet<>();
        items.forEach(i -> ids.addAll(i.getCaseIds()));
        return ids.isEmpty() ? Map.of() : caseFiles.codes(ids);
    }

    /** The codes of an item's linked cases, sorted. */
    @Transactional(readOnly = true)
    public List<String> caseCodes(ProgramItem item) {
        return caseCodes(List.of(item)).values().stream().sorted().toList();
    }

    @Transactional
    public ProgramItem create(ProgramKind kind, ProgramInput input, CurrentUser user) {
        if (!writes(user)) {
            throw new ForbiddenException("program.writeForbidden");
        }
        Instant now = clock.instant();
        ProgramItem item = new ProgramItem(kind, user.username(), now);
        apply(item, input, user, now);
        items.save(item);
        audit.record(
                "PROGRAM_CREATED",
                null,
                null,
                "program",
                item.getId().toString(),
                Map.of("kind", kind.name(), "title", item.getTitle(), "unit", item.getUnitId()));
        return item;
    }

    /**
     * Changes an item. With {@code expectedVersion} (the version the editor read) a change made meanwhile by someone
     * else answers 409 instead of being overwritten.
     */
    @Transactional
    public ProgramItem update(long id, ProgramKind kind, ProgramInput input, Long expectedVersion, CurrentUser user) {
        if (!writes(user)) {
            throw new ForbiddenException("program.writeForbidden");
        }
        ProgramItem item = items.findById(id)
                .filter(i -> kind == null || i.getKind() == kind)
                .orElseThrow(() -> new NotFoundException("program.notFound"));
        if (!user.isAdmin() && !mayWrite(user, item.getAgencyCode(), item.getAreaPath())) {
            throw new ForbiddenException("program.writeForbidden");
        }
        if (expectedVersion != null && expectedVersion != item.getVersion()) {
            throw new ConflictException("program.changedMeanwhile", item.getUpdatedBy());
        }
        Map<String, Object> before = snapshot(item);
        apply(item, input, user, clock.instant());
        Map<String, Object> after = snapshot(item);
        Map<String, Object> changes = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                changes.put(k, before.get(k) + " -> " + v);
            }
        });
        audit.record("PROGRAM_UPDATED", null, null, "program", item.getId().toString(), changes);
        return item;
    }

    private static Map<String, Object> snapshot(ProgramItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", i.getTitle());
        m.put("unit", i.getUnitId());
        m.put("field", i.getField());
        m.put("occasion", i.getOccasion());
        m.put("startDate", i.getStartDate());
        m.put("endDate", i.getEndDate());
        m.put("status", i.getStatus());
        m.put("description", i.getDescription());
        m.put("results", i.getResults());
        m.put("commendations", i.getCommendations());
        m.put("units", Set.copyOf(i.getUnitIds()));
        m.put("cases", Set.copyOf(i.getCaseIds()));
        return m;
    }

    private static boolean mayWrite(CurrentUser user, String agency, String areaPath) {
        return user.isAdmin()
                || (user.has(Role.SUPERVISOR) && user.agency().equals(agency) && user.coversArea(areaPath));
    }

    private void apply(ProgramItem item, ProgramInput in, CurrentUser user, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "title", in.title(), true, TITLE_MAX);
        text(problems, "occasion", in.occasion(), false, OCCASION_MAX);
        text(problems, "description", in.description(), false, TEXT_MAX);
        text(problems, "results", in.results(), false, TEXT_MAX);
        text(problems, "commendations", in.commendations(), false, COMMENDATIONS_MAX);
        Unit unit = in.unitId() == null ? null : directory.unit(in.unitId()).orElse(null);
        if (unit == null) {
            problems.add(new FieldProblem("unitId", in.unitId() == null ? "validation.required" : "validation.unit"));
        } else if (!mayWrite(user, unit.getAgencyCode(), unit.getArea().getPath())) {
            problems.add(new FieldProblem("unitId", "program.unitNotYours"));
        }
        if (item.getKind() == ProgramKind.MODEL && in.field() == null) {
            problems.add(new FieldProblem("field", "validation.required"));
        }
        if (in.startDate() == null) {
            problems.add(new FieldProblem("startDate", "validation.required"));
        }
        if (in.startDate() != null && in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            problems.add(new FieldProblem("endDate", "validation.periodOrder"));
        }
        if (in.status() == null) {
            problems.add(new FieldProblem("status", "validation.required"));
        }
        Set<Long> units = new LinkedHashSet<>();
        List<Long> unitIds = in.unitIds() == null ? List.of() : in.unitIds();
        if (unitIds.size() > LINKS_MAX) {
            problems.add(new FieldProblem("unitIds", "validation.max", LINKS_MAX));
        }
        for (Long id : unitIds) {
            if (id == null || directory.unit(id).isEmpty()) {
                problems.add(new FieldProblem("unitIds", "validation.unit"));
                break;
            }
            units.add(id);
        }
        Set<Long> cases = new LinkedHashSet<>();
        List<String> codes = in.caseCodes() == null ? List.of() : in.caseCodes();
        if (codes.size() > LINKS_MAX) {
            problems.add(new FieldProblem("caseCodes", "validation.max", LINKS_MAX));
        }
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            // only cases the writer may open can be linked: an unknown and a hidden code read alike
            Case c = caseFiles
                    .byCode(code.strip().toUpperCase(java.util.Locale.ROOT))
                    .filter(x -> vn.tandem.casefile.CaseVisibility.canSee(user, x))
                    .orElse(null);
            if (c == null) {
                problems.add(new FieldProblem("caseCodes", "program.caseUnknown", code.strip()));
                break;
            }
            cases.add(c.getId());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        item.apply(in, unit.getAgencyCode(), unit.getArea().getPath(), units, cases, user.username(), now);
    }

    private static void text(List<FieldProblem> problems, String field, String value, boolean required, int max) {
        CleanText.check(problems, field, value, required, max);
    }
}
