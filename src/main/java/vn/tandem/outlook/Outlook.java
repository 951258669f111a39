package vn.tandem.outlook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.CaseFacts;
import vn.tandem.casefile.Cases;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.PersonNumbers;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.Unit;
import vn.tandem.situation.Signal;
import vn.tandem.situation.Situation;
import vn.tandem.sla.CaseClocks;

/**
 * The outlook of every commune unit on a day: the {@link OutlookModel} score of its own signals and cases (those
 * it reported or received), its level, its top reasons and its trend over 12 weeks; the weights an administrator
 * edits. Seen by those who see the unit's signals: both agencies' officers and supervisors covering its area, and
 * administrators; designers see none.
 */
@Service
public class Outlook {

    /** Weeks in a trend (the last one ends on the day asked). */
    public static final int TREND_WEEKS = 12;
    /** Reasons shown per unit. */
    public static final int TOP_REASONS = 3;

    private final Situation situation;
    private final Cases cases;
    private final CaseClocks clocks;
    private final Directory directory;
    private final OutlookWeights weights;
    private final AuditLog audit;
    private final Clock clock;

    Outlook(
            Situation situation,
            Cases cases,
            CaseClocks clocks,
            Directory directory,
            OutlookWeights weights,
            AuditLog audit,
            Clock clock) {
        this.situation = situation;
        this.cases = cases;
        this.clocks = clocks;
        this.directory = directory;
        this.weights = weights;
        this.audit = audit;
        this.clock = clock;
    }

    /** One unit's outlook: score, level, reasons in words, and the trend (oldest week first). */
    public record UnitOutlook(
            Unit unit,
            double score,
            OutlookLevel level,
            List<Text> reasons,
            List<Double> trend,
            List<OutlookLevel> levels) {}

    /** Whether the user sees the outlook at all (officers, supervisors, administrators). */
    static boolean works(CurrentUser user) {
        return user.has(Role.OFFICER) || user.has(Role.SUPERVISOR) || user.isAdmin();
    }

    /** The units scored: those of a commune or ward (the province's own units report no situation). */
    List<Unit> units() {
        return directory.units().stream()
                .filter(u -> !"PROVINCE".equals(u.getArea().getKind()))
                .toList();
    }

    /** The units the user sees on {@code asOf} (today when null), highest score first. */
    @Transactional(readOnly = true)
    public List<UnitOutlook> rank(LocalDate asOf, CurrentUser user) {
        if (!works(user)) {
            throw new ForbiddenException("outlook.forbidden");
        }
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        if (day.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("asOf", "validation.notAfterToday");
        }
        List<Unit> seen = units().stream()
                .filter(u -> user.isAdmin() || user.coversArea(u.getArea().getPath()))
                .toList();
        return rank(seen, day);
    }

    /** Every unit's outlook on a day, highest first (no visibility: the notices use it). */
    List<UnitOutlook> rank(List<Unit> units, LocalDate day) {
        OutlookModel.Weights w = weights();
        Map<Long, OutlookModel.UnitFacts> facts = facts(day, w);
        List<UnitOutlook> result = new ArrayList<>();
        for (Unit unit : units) {
            OutlookModel.UnitFacts f =
                    facts.getOrDefault(unit.getId(), new OutlookModel.UnitFacts(List.of(), List.of()));
            OutlookModel.Score now = OutlookModel.score(f, day, w);
            List<Double> trend = new ArrayList<>();
            List<OutlookLevel> levels = new ArrayList<>();
            for (int k = TREND_WEEKS - 1; k >= 0; k--) {
                OutlookModel.Score then = k == 0 ? now : OutlookModel.score(f, day.minusWeeks(k), w);
                trend.add(then.score());
                levels.add(then.level());
            }
            result.add(new UnitOutlook(
                    unit,
                    now.score(),
                    now.level(),
                    now.reasons().stream()
                            .limit(TOP_REASONS)
                            .map(OutlookModel.Reason::text)
                            .toList(),
                    trend,
                    levels));
        }
        result.sort(Comparator.comparingDouble(UnitOutlook::score)
                .reversed()
                .thenComparing(o -> o.unit().getName()));
        return result;
    }

    /** What the model reads for every unit: signals and cases since the trend's first week, with their flags. */
    private Map<Long, OutlookModel.UnitFacts> facts(LocalDate day, OutlookModel.Weights w) {
        ZoneId zone = clock.getZone();
        LocalDate from = day.minusWeeks(TREND_WEEKS).minusDays((long) Math.ceil(w.get("HALF_LIFE_DAYS") * 8));
        Instant since = from.atStartOfDay(zone).toInstant();
        Map<Long, List<OutlookModel.SignalFact>> signals = new HashMap<>();
        for (Signal s : situation.reportedSince(since)) {
            signals.computeIfAbsent(s.getUnitId(), k -> new ArrayList<>())
                    .add(new OutlookModel.SignalFact(
                            s.getCategory(),
                            s.getRisk(),
                            s.getReportedAt().atZone(zone).toLocalDate()));
        }
        Map<Long, List<LocalDate>> breaches = clocks.breachesSince(since);
        Set<Long> repeat = repeatPetitionerCases();
        Map<Long, List<OutlookModel.CaseFact>> byUnit = new HashMap<>();
        for (CaseFacts c : cases.findOpenOrClosedAfter(since)) {
            if (c.unitId() == null) {
                continue;
            }
            byUnit.computeIfAbsent(c.unitId(), k -> new ArrayList<>())
                    .add(new OutlookModel.CaseFact(
                            c.receivedAt().atZone(zone).toLocalDate(),
                            c.closedAt() == null
                                    ? null
                                    : c.closedAt().atZone(zone).toLocalDate(),
                            c.crowd(),
                            c.levelSkipping(),
                            c.hotspot(),
                            repeat.contains(c.id()),
                            c.reopenedAt() == null
                                    ? null
                                    : c.reopenedAt().atZone(zone).toLocalDate(),
                            breaches.getOrDefault(c.id(), List.of())));
        }
        Map<Long, OutlookModel.UnitFacts> result = new HashMap<>();
        Set<Long> unitIds = new HashSet<>(signals.keySet());
        unitIds.addAll(byUnit.keySet());
        for (Long id : unitIds) {
            result.put(
                    id,
                    new OutlookModel.UnitFacts(
                            signals.getOrDefault(id, List.of()), byUnit.getOrDefault(id, List.of())));
        }
        return result;
    }

    /** Cases one of whose (non-confidential) petitioners brought an earlier case: the same ID number or phone. */
    private Set<Long> repeatPetitionerCases() {
        Map<String, List<Object[]>> byNumber = new HashMap<>();
        for (Object[] row : cases.petitionerNumbers()) {
            PersonNumbers.idNumber((String) row[0])
                    .ifPresent(n -> byNumber.computeIfAbsent("id:" + n, k -> new ArrayList<>())
                            .add(row));
            PersonNumbers.phone((String) row[1])
                    .ifPresent(n -> byNumber.computeIfAbsent("phone:" + n, k -> new ArrayList<>())
                            .add(row));
        }
        Set<Long> repeat = new HashSet<>();
        for (List<Object[]> rows : byNumber.values()) {
            if (rows.size() < 2) {
                continue;
            }
            Instant first = rows.stream()
                    .map(r -> (Instant) r[3])
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            for (Object[] r : rows) {
                if (((Instant) r[3]).isAfter(first)) {
                    repeat.add((Long) r[2]);
                }
            }
        }
        return repeat;
    }

    /** The weights in force. */
    @Transactional(readOnly = true)
    public OutlookModel.Weights weights() {
        Map<String, Double> values = new LinkedHashMap<>();
        weights.findAll().forEach(x -> values.put(x.getCode(), x.getWeight()));
        return new OutlookModel.Weights(values);
    }

    /** The weights as stored, in the model's order (the admin page). */
    @Transactional(readOnly = true)
    public List<OutlookWeight> weightRows(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new ForbiddenException("outlook.weights.forbidden");
        }
        Map<String, OutlookWeight> byCode = new HashMap<>();
        weights.findAll().forEach(x -> byCode.put(x.getCode(), x));
        return OutlookModel.Weights.CODES.stream()
                .map(byCode::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /**
     * Sets one weight (administrators; audited). A weight is 0 to 1000; the half-life at least 1 day; the level
     * thresholds stay in order (elevated below high below critical).
     */
    @Transactional
    public OutlookWeight change(String code, Double value, CurrentUser user) {
        if (!user.isAdmin()) {
            throw new ForbiddenException("outlook.weights.forbidden");
        }
        OutlookWeight row = weights.findById(code == null ? "" : code)
                .orElseThrow(() -> new NotFoundException("outlook.weights.notFound", code));
        if (value == null || value.isNaN() || value < 0 || value > 1000) {
            throw new InvalidInputException("weight", "validation.range", 0, 1000);
        }
        if ("HALF_LIFE_DAYS".equals(code) && value < 1) {
            throw new InvalidInputException("weight", "validation.range", 1, 1000);
        }
        OutlookModel.Weights w = weights();
        Map<String, Double> after = new HashMap<>(w.values());
        after.put(code, value);
        if (after.get("LEVEL_ELEVATED") >= after.get("LEVEL_HIGH")
                || after.get("LEVEL_HIGH") >= after.get("LEVEL_CRITICAL")) {
            throw new InvalidInputException("weight", "outlook.weights.levelOrder");
        }
        double before = row.getWeight();
        row.change(value, user.username(), clock.instant());
        audit.record(
                "OUTLOOK_WEIGHT_CHANGED", null, null, "outlookWeight", code, Map.of("before", before, "after", value));
        return row;
    }
}
