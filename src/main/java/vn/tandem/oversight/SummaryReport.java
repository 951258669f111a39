package vn.tandem.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseReports;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Channel;
import vn.tandem.casefile.Complexity;
import vn.tandem.casefile.Outcome;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.ReportScope;
import vn.tandem.exchange.Exchange;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.Unit;
import vn.tandem.program.ModelField;
import vn.tandem.program.Programs;
import vn.tandem.reception.ReceptionLog;
import vn.tandem.situation.Situation;
import vn.tandem.sla.CaseClocks;
import vn.tandem.sla.LegalStep;

/**
 * The period summary of the coordination program (docs/reports.md): for a period, one agency or both, and a unit's
 * area subtree, every figure the province reports — the program, reception and dialogue, cases by type, channel and
 * outcome, flags, grassroots signals, the legal clock's on-time rates and time saved against the statutory limits,
 * information exchanged — with the same figures for the previous period of the same length and a narrative
 * paragraph written from them. Every module counts its own records; this class only chooses the scope and
 * aggregates.
 */
@Service
@Transactional(readOnly = true)
public class SummaryReport {

    /** The longest period a report covers (ten years). */
    public static final int MAX_DAYS = 3660;

    /** The steps whose times the report measures, in the order the law runs them. */
    public static final List<LegalStep> STEPS =
            List.of(LegalStep.ACCEPT, LegalStep.FORWARD, LegalStep.INFORM, LegalStep.VERIFY, LegalStep.RESOLVE);

    /** The outcomes a case can stand at when a period ends; {@code OPEN}: no outcome yet. */
    public static final List<String> OUTCOMES = outcomes();

    /** What a report asks for; blank agency or unit: both agencies, the user's whole area. */
    public record Query(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            String agency,
            Long unitId) {}

    /**
     * The period a report covers, with its scope resolved: the chosen unit's name, and the name of the area the
     * report covers (null: the whole province).
     */
    public record Period(
            LocalDate from, LocalDate to, String agency, Long unitId, String unitName, String areaName, long days) {}

    /** Time used against the law for one step: days are calendar days; rates and percents rounded to 0.1. */
    public record StepFigures(
            long count,
            double averageDaysUsed,
            double medianDaysUsed,
            double averageDaysAllowed,
            double timeSavedPercent,
            double onTimeRate,
            double onTimeStatutoryRate) {}

    /** Every number of the report. Rates and percents are null when nothing was measured. */
    public record Figures(
            long campaigns,
            long drives,
            long models,
            long modelsActive,
            Map<String, Long> modelsByField,
            List<String> campaignTitles,
            List<String> driveTitles,
            long receptions,
            long regularReceptions,
            long citizensReceived,
            long receptionMatters,
            long receptionMattersLinked,
            long dialogues,
            long dialogueCitizens,
            long casesReceived,
            Map<String, Long> casesReceivedByType,
            Map<String, Long> casesReceivedByChannel,
            Map<String, Long> casesReceivedByMonth,
            Map<String, Long> casesByOutcome,
            long complexStabilized,
            long reopened,
            long hotspots,
            long crowd,
            long levelSkipping,
            long incidents,
            long situationReports,
            long signals,
            long highRiskSignals,
            long signalsToCases,
            long stepsMeasured,
            Double onTimeRate,
            Double onTimeStatutoryRate,
            Double timeSavedPercent,
            Map<String, StepFigures> timeSavedByStep,
            long informationRequests,
            long informationAnswered,
            long informationAnsweredOnTime,
            Double informationOnTimeRate) {}

    /** The previous period of the same length and its figures. */
    public record Previous(Period period, Figures figures) {}

    /** The whole report. */
    public record Report(Period period, Figures figures, Previous previous, String narrative) {}

    private final CaseReports cases;
    private final CaseClocks clocks;
    private final Programs programs;
    private final ReceptionLog receptions;
    private final Exchange exchange;
    private final Situation situation;
    private final Directory directory;
    private final Narrative narrative;
    private final Clock clock;

    SummaryReport(
            CaseReports cases,
            CaseClocks clocks,
            Programs programs,
            ReceptionLog receptions,
            Exchange exchange,
            Situation situation,
            Directory directory,
            Narrative narrative,
            Clock clock) {
        this.cases = cases;
        this.clocks = clocks;
        this.programs = programs;
        this.receptions = receptions;
        this.exchange = exchange;
        this.situation = situation;
        this.directory = directory;
        this.narrative = narrative;
        this.clock = clock;
    }

    /** Whether the user may read period reports (supervisors and administrators). */
    public static boolean reads(CurrentUser user) {
        return user.isAdmin() || user.has(Role.SUPERVISOR);
    }

    /** The default period: the two years that end today. */
    public Query defaults(Query q) {
        LocalDate to = q == null || q.to() == null ? LocalDate.now(clock) : q.to();
        LocalDate from = q == null || q.from() == null ? to.minusYears(2).plusDays(1) : q.from();
        return new Query(from, to, q == null ? null : blankToNull(q.agency()), q == null ? null : q.unitId());
    }

    /** The report for the query, in the current locale's language. */
    public Report report(Query query, CurrentUser user) {
        return report(query, user, stage -> {});
    }

    /** The report, telling {@code progress} how far it has come (0–100), for exports made in the background. */
    public Report report(Query query, CurrentUser user, java.util.function.IntConsumer progress) {
        Period period = resolve(query, user);
        progress.accept(5);
        Figures figures = figures(period, user);
        progress.accept(50);
        Period before = previous(period);
        Figures previousFigures = figures(before, user);
        progress.accept(90);
        return new Report(
                period,
                figures,
                new Previous(before, previousFigures),
                narrative.write(period, figures, before, previousFigures));
    }

    /** Checks the query and resolves its scope for the user (400 on bad input, 403 outside the user's reach). */
    public Period resolve(Query raw, CurrentUser user) {
        if (!reads(user)) {
            throw new ForbiddenException("report.forbidden");
        }
        Query q = defaults(raw);
        if (q.to().isBefore(q.from())) {
            throw new InvalidInputException("to", "report.toBeforeFrom");
        }
        long days = ChronoUnit.DAYS.between(q.from(), q.to()) + 1;
        if (days > MAX_DAYS) {
            throw new InvalidInputException("from", "report.tooLong", MAX_DAYS / 366);
        }
        if (q.agency() != null && directory.agency(q.agency()).isEmpty()) {
            throw new InvalidInputException("agency", "report.unknownAgency");
        }
        String unitName = null;
        String areaName = null;
        if (q.unitId() == null && !user.isAdmin()) {
            areaName =
                    directory.unit(user.unitId()).map(SummaryReport::areaName).orElse(null);
        }
        if (q.unitId() != null) {
            Unit unit = directory
                    .unit(q.unitId())
                    .orElseThrow(() -> new InvalidInputException("unitId", "report.unknownUnit"));
            if (!user.isAdmin() && !user.coversArea(unit.getArea().getPath())) {
                throw new ForbiddenException("report.unitForbidden");
            }
            unitName = unit.getName();
            areaName = areaName(unit);
        }
        return new Period(q.from(), q.to(), q.agency(), q.unitId(), unitName, areaName, days);
    }

    /** One single-number figure of a section, in this period and the previous one (null: nothing measured). */
    public record FigureRow(String section, String name, Number current, Number previous) {}

    /** Every single-number figure of a report, section by section, as the page and the files show them. */
    public static List<FigureRow> rows(Report r) {
        List<FigureRow> rows = new ArrayList<>();
        ReportLayout.rows(r.figures(), r.previous().figures())
                .forEach((section, list) ->
                        list.forEach(x -> rows.add(new FigureRow(section, x.name(), x.current(), x.previous()))));
        return rows;
    }

    /** The cases received in the report's period and scope, in the order they arrived (the CSV list). */
    public List<Case> receivedCases(Query query, CurrentUser user) {
        Period period = resolve(query, user);
        ReportScope scope = scope(period, user);
        return cases.inPeriod(scope, user).cases().stream()
                .filter(c -> scope.covers(day(c.getReceivedAt())))
                .sorted(java.util.Comparator.comparing(Case::getReceivedAt).thenComparing(Case::getId))
                .toList();
    }

    /** The day a case reached its outcome, in the engine's zone (null while it has none). */
    public LocalDate outcomeDayOf(Case c) {
        return outcomeDay(c);
    }

    /** The previous period of the same length, ending the day before. */
    static Period previous(Period p) {
        LocalDate to = p.from().minusDays(1);
        return new Period(to.minusDays(p.days() - 1), to, p.agency(), p.unitId(), p.unitName(), p.areaName(), p.days());
    }

    /** A unit's area by name, or null for the province's own (the report covers the whole province). */
    private static String areaName(Unit unit) {
        return unit.getArea().getParentId() == null ? null : unit.getArea().getName();
    }

    /** The scope of a period for the user: the unit's area, else the user's own (the province for admins). */
    ReportScope scope(Period p, CurrentUser user) {
        String area = p.unitId() != null
                ? directory.unit(p.unitId()).map(u -> u.getArea().getPath()).orElse(user.areaPath())
                : user.isAdmin() ? "/" : user.areaPath();
        return new ReportScope(p.from(), p.to(), p.agency(), area);
    }

    Figures figures(Period period, CurrentUser user) {
        ReportScope scope = scope(period, user);
        Programs.Tally program = programs.tally(scope);
        ReceptionLog.Tally reception = receptions.tally(scope);
        Exchange.Tally exchanged = exchange.tally(scope, user);
        Situation.Tally grassroots = situation.tally(scope);
        CaseReports.InPeriod inPeriod = cases.inPeriod(scope, user);
        List<Case> alive = inPeriod.cases();

        List<Case> received =
                alive.stream().filter(c -> scope.covers(day(c.getReceivedAt()))).toList();
        Map<String, Long> byType = zeros(CaseType.values());
        Map<String, Long> byChannel = zeros(Channel.values());
        Map<String, Long> byMonth = months(period);
        for (Case c : received) {
            byType.merge(c.getType().name(), 1L, Long::sum);
            if (c.getChannel() != null) {
                byChannel.merge(c.getChannel().name(), 1L, Long::sum);
            }
            byMonth.merge(YearMonth.from(day(c.getReceivedAt())).toString(), 1L, Long::sum);
        }
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        OUTCOMES.forEach(o -> byOutcome.put(o, 0L));
        long complexStabilized = 0;
        for (Case c : alive) {
            LocalDate outcomeDay = outcomeDay(c);
            if (c.getOutcome() != null && scope.covers(outcomeDay)) {
                byOutcome.merge(c.getOutcome().name(), 1L, Long::sum);
                if (c.getComplexity() != Complexity.STANDARD
                        && (c.getOutcome() == Outcome.STABILIZED || c.getOutcome() == Outcome.TEMPORARILY_STABILIZED)) {
                    complexStabilized++;
                }
            } else if (c.getOutcome() == null || outcomeDay == null || outcomeDay.isAfter(scope.to())) {
                byOutcome.merge("OPEN", 1L, Long::sum);
            }
        }

        List<CaseClocks.Measure> measures = measures(alive, scope);
        Map<String, StepFigures> bySteps = new LinkedHashMap<>();
        for (LegalStep step : STEPS) {
            List<CaseClocks.Measure> ofStep =
                    measures.stream().filter(m -> m.step() == step).toList();
            if (!ofStep.isEmpty()) {
                bySteps.put(step.name(), stepFigures(ofStep));
            }
        }
        return new Figures(
                program.campaigns(),
                program.drives(),
                program.models(),
                program.modelsActive(),
                fields(program.modelsByField()),
                program.campaignTitles(),
                program.driveTitles(),
                reception.receptions(),
                reception.regularReceptions(),
                reception.citizensReceived(),
                reception.matters(),
                reception.mattersLinked(),
                reception.dialogues(),
                reception.dialogueCitizens(),
                received.size(),
                byType,
                byChannel,
                byMonth,
                byOutcome,
                complexStabilized,
                alive.stream().filter(c -> scope.covers(day(c.getReopenedAt()))).count(),
                inPeriod.hotspotsRaised().size(),
                received.stream().filter(Case::isCrowd).count(),
                received.stream().filter(Case::isLevelSkipping).count(),
                byType.get(CaseType.INCIDENT.name()),
                grassroots.reports(),
                grassroots.signals(),
                grassroots.highRiskSignals(),
                grassroots.signalsToCases(),
                measures.size(),
                rate(measures.stream().filter(CaseClocks.Measure::onTarget).count(), measures.size()),
                rate(measures.stream().filter(CaseClocks.Measure::onStatutory).count(), measures.size()),
                measures.isEmpty()
                        ? null
                        : round(measures.stream()
                                .mapToDouble(CaseClocks.Measure::savedPercent)
                                .average()
                                .orElse(0)),
                bySteps,
                exchanged.requests(),
                exchanged.answered(),
                exchanged.answeredOnTime(),
                rate(exchanged.answeredOnTime(), exchanged.requests()));
    }

    /** The finished steps that ended within the period, their clocks computed a few thousand cases at a time. */
    private List<CaseClocks.Measure> measures(List<Case> alive, ReportScope scope) {
        List<CaseClocks.Measure> measures = new ArrayList<>();
        Set<LegalStep> steps = EnumSet.copyOf(STEPS);
        for (int i = 0; i < alive.size(); i += 2000) {
            List<Case> chunk = alive.subList(i, Math.min(alive.size(), i + 2000));
            clocks.ofAll(chunk).values().stream()
                    .flatMap(List::stream)
                    .filter(s -> steps.contains(s.step()))
                    .map(clocks::measure)
                    .flatMap(java.util.Optional::stream)
                    .filter(m -> scope.covers(m.end()))
                    .forEach(measures::add);
        }
        return measures;
    }

    private static StepFigures stepFigures(List<CaseClocks.Measure> ofStep) {
        long[] used =
                ofStep.stream().mapToLong(CaseClocks.Measure::daysUsed).sorted().toArray();
        int n = used.length;
        double median = n % 2 == 1 ? used[n / 2] : (used[n / 2 - 1] + used[n / 2]) / 2.0;
        return new StepFigures(
                n,
                round(Arrays.stream(used).average().orElse(0)),
                round(median),
                round(ofStep.stream()
                        .mapToLong(CaseClocks.Measure::daysAllowed)
                        .average()
                        .orElse(0)),
                round(ofStep.stream()
                        .mapToDouble(CaseClocks.Measure::savedPercent)
                        .average()
                        .orElse(0)),
                rate(ofStep.stream().filter(CaseClocks.Measure::onTarget).count(), n),
                rate(ofStep.stream().filter(CaseClocks.Measure::onStatutory).count(), n));
    }

    /**
     * The day a case reached its outcome: the resolution decision for a settled case (resolved, stabilized,
     * temporarily stabilized), the closing for a transfer, a refusal or a merge.
     */
    static LocalDate outcomeDay(Case c, java.time.ZoneId zone) {
        if (c.getOutcome() == null) {
            return null;
        }
        Instant at = switch (c.getOutcome()) {
            case RESOLVED, STABILIZED, TEMPORARILY_STABILIZED ->
                c.getDecidedAt() != null ? c.getDecidedAt() : c.getClosedAt();
            default -> c.getClosedAt();
        };
        return at == null ? null : at.atZone(zone).toLocalDate();
    }

    private LocalDate outcomeDay(Case c) {
        return outcomeDay(c, clock.getZone());
    }

    private LocalDate day(Instant at) {
        return at == null ? null : at.atZone(clock.getZone()).toLocalDate();
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            map.put(v.name(), 0L);
        }
        return map;
    }

    private static Map<String, Long> months(Period p) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(p.from()); !m.isAfter(YearMonth.from(p.to())); m = m.plusMonths(1)) {
            map.put(m.toString(), 0L);
        }
        return map;
    }

    private static Map<String, Long> fields(Map<ModelField, Long> byField) {
        Map<String, Long> map = zeros(ModelField.values());
        byField.forEach((k, v) -> map.put(k.name(), v));
        return map;
    }

    private static List<String> outcomes() {
        List<String> list = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            list.add(o.name());
        }
        list.add("OPEN");
        return List.copyOf(list);
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
