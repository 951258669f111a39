package vn.tandem.situation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.identity.CandidateGroup;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.Unit;
import vn.tandem.process.ReportRounds;
import vn.tandem.process.SituationReportProcess;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.Workflow;
import vn.tandem.sla.LegalRules;
import vn.tandem.sla.LegalStep;

/**
 * The scheduled situation reports: every commune or ward unit of both agencies owes one report per period (weekly
 * unless an administrator changed its schedule). When a unit's new period starts, the daily run of
 * {@code bpmn/situation-report.bpmn} opens a round for the period just ended, due by the SITUATION_REPORT rule;
 * the report that covers the period files it and completes the round's task.
 */
@Service
public class Rounds implements ReportRounds {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Without a SITUATION_REPORT rule in force, a report is due a week after its round opens. */
    static final int DAYS_WITHOUT_RULE = 7;
    /** How many past rounds of each unit the schedule page shows. */
    static final int HISTORY = 6;

    private final ReportSchedules schedules;
    private final ReportRoundStore rounds;
    private final SituationReports reports;
    private final Directory directory;
    private final LegalRules rules;
    private final Workflow workflow;
    private final AuditLog audit;
    private final Clock clock;
    private volatile boolean enabled;

    Rounds(
            ReportSchedules schedules,
            ReportRoundStore rounds,
            SituationReports reports,
            Directory directory,
            LegalRules rules,
            Workflow workflow,
            AuditLog audit,
            Clock clock,
            @Value("${tandem.situation.rounds.enabled:true}") boolean enabled) {
        this.schedules = schedules;
        this.rounds = rounds;
        this.reports = reports;
        this.directory = directory;
        this.rules = rules;
        this.workflow = workflow;
        this.audit = audit;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Switches the schedule on or off (integration tests switch it on only where they exercise it). */
    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The units that report on a schedule: those of a commune or ward (not the province's own). */
    List<Unit> reportingUnits() {
        return directory.units().stream()
                .filter(u -> !"PROVINCE".equals(u.getArea().getKind()))
                .toList();
    }

    ReportSchedule scheduleOf(Long unitId) {
        return schedules.findById(unitId).orElseGet(() -> new ReportSchedule(unitId));
    }

    @Override
    @Transactional
    public List<Round> openDue(LocalDate today) {
        if (!enabled) {
            return List.of();
        }
        List<Round> due = new ArrayList<>();
        for (Unit unit : reportingUnits()) {
            ReportSchedule schedule = scheduleOf(unit.getId());
            if (!schedule.isActive()) {
                continue;
            }
            LocalDate start = schedule.getPeriod().startOf(today);
            LocalDate from = schedule.getPeriod().previous(start);
            if (rounds.existsByUnitIdAndPeriodFrom(unit.getId(), from)) {
                continue;
            }
            LocalDate dueOn = dueFor(start);
            ReportRound round = rounds.save(new ReportRound(
                    unit.getId(),
                    unit.getAgencyCode(),
                    unit.getArea().getPath(),
                    from,
                    start.minusDays(1),
                    start,
                    dueOn));
            // reported early (before the period ended, or ad hoc over the whole period): nothing is owed
            Optional<SituationReport> early = reports
                    .findByUnitIdAndPeriodFromLessThanEqualAndPeriodToGreaterThanEqualOrderByIdAsc(
                            unit.getId(), from, round.getPeriodTo())
                    .stream()
                    .findFirst();
            if (early.isPresent()) {
                round.filed(early.get().getId(), early.get().getSubmittedAt());
                continue;
            }
            due.add(new Round(
                    round.businessKey(),
                    unit.getId(),
                    round.getPeriodFrom(),
                    round.getPeriodTo(),
                    CandidateGroup.of(unit.getAgencyCode(), Role.OFFICER).toString(),
                    dueOn));
        }
        return due;
    }

    /** The day a round opened on {@code start} is due: the SITUATION_REPORT rule in force then, else a week. */
    public LocalDate dueFor(LocalDate start) {
        return rules.standardDeadline(null, LegalStep.SITUATION_REPORT, start)
                .map(LegalRules.Deadline::due)
                .orElse(start.plusDays(DAYS_WITHOUT_RULE));
    }

    /** Files the open rounds of the report's unit that its period covers and completes their report tasks. */
    void filed(SituationReport report, CurrentUser user) {
        for (ReportRound round : rounds.findByUnitIdAndReportIdIsNullOrderByPeriodFromAsc(report.getUnitId())) {
            if (!round.coveredBy(report.getPeriodFrom(), report.getPeriodTo())) {
                continue;
            }
            round.filed(report.getId(), report.getSubmittedAt());
            rounds.flush();
            for (TaskSnapshot task : workflow.openTasks(round.businessKey())) {
                if (SituationReportProcess.TASK_FILE_REPORT.equals(task.key())) {
                    workflow.complete(task, task.assignee() != null ? task.assignee() : user.username(), Map.of());
                }
            }
            audit.record(
                    "SITUATION_ROUND_FILED",
                    null,
                    null,
                    "reportRound",
                    round.getId().toString(),
                    Map.of(
                            "reference", round.reference(),
                            "report", report.getId(),
                            "late", round.isLate(LocalDate.now(clock), clock.getZone())));
        }
    }

    /** A round by its task's business key, if it is one. */
    Optional<ReportRound> byBusinessKey(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(ReportRound.KEY_PREFIX)) {
            return Optional.empty();
        }
        String id = businessKey.substring(ReportRound.KEY_PREFIX.length());
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return rounds.findById(Long.valueOf(id));
    }

    /** A round the user sees (to pre-fill the report form from its task), else 404. */
    @Transactional(readOnly = true)
    public ReportRound round(long id, CurrentUser user) {
        return rounds.findById(id)
                .filter(r -> Situation.sees(user, r.getAreaPath()))
                .orElseThrow(() -> new NotFoundException("situation.round.notFound"));
    }

    /** The title a round's task shows: the unit and the period. */
    String title(ReportRound round) {
        String unit = directory.unit(round.getUnitId()).map(Unit::getName).orElse("");
        return unit + " · " + round.getPeriodFrom().format(DAY) + " – "
                + round.getPeriodTo().format(DAY);
    }

    /** One unit's line on the schedule page: its schedule and its latest rounds, newest first. */
    public record UnitSchedule(Unit unit, ReportSchedule schedule, List<RoundLine> rounds, int late, int open) {}

    /** A round and whether its report came (or is still missing) after its due day. */
    public record RoundLine(ReportRound round, boolean late) {}

    /** The reporting units the user sees, with their schedules and latest rounds. */
    @Transactional(readOnly = true)
    public List<UnitSchedule> schedules(CurrentUser user) {
        if (!Situation.works(user)) {
            throw new ForbiddenException("situation.forbidden");
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<ReportRound>> recent =
                rounds.findByPeriodFromGreaterThanEqualOrderByPeriodFromDesc(today.minusMonths(HISTORY + 1L)).stream()
                        .collect(
                                Collectors.groupingBy(ReportRound::getUnitId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, ReportSchedule> changed =
                schedules.findAll().stream().collect(Collectors.toMap(ReportSchedule::getUnitId, Function.identity()));
        List<UnitSchedule> result = new ArrayList<>();
        for (Unit unit : reportingUnits()) {
            if (!Situation.sees(user, unit.getArea().getPath())) {
                continue;
            }
            List<ReportRound> own = recent.getOrDefault(unit.getId(), List.of());
            int late = (int)
                    own.stream().filter(r -> r.isLate(today, clock.getZone())).count();
            int open = (int) own.stream().filter(r -> !r.isFiled()).count();
            result.add(new UnitSchedule(
                    unit,
                    changed.getOrDefault(unit.getId(), new ReportSchedule(unit.getId())),
                    own.stream()
                            .limit(HISTORY)
                            .map(r -> new RoundLine(r, r.isLate(today, clock.getZone())))
                            .toList(),
                    late,
                    open));
        }
        result.sort(Comparator.comparing((UnitSchedule s) -> s.unit().getAgencyCode())
                .thenComparing(s -> s.unit().getName()));
        return result;
    }

    /** Changes a unit's schedule (administrators); audited. The next run follows it. */
    @Transactional
    public ReportSchedule change(Long unitId, ReportPeriod period, Boolean active, CurrentUser user) {
        if (!user.isAdmin()) {
            throw new ForbiddenException("situation.schedule.forbidden");
        }
        Unit unit = reportingUnits().stream()
                .filter(u -> u.getId().equals(unitId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("situation.schedule.notFound"));
        if (period == null) {
            throw new InvalidInputException("period", "validation.required");
        }
        ReportSchedule schedule = schedules.findById(unitId).orElseGet(() -> new ReportSchedule(unitId));
        ReportPeriod before = schedule.getPeriod();
        boolean wasActive = schedule.isActive();
        boolean nowActive = active == null || active;
        Instant now = clock.instant();
        schedule.change(period, nowActive, user.username(), now);
        schedules.save(schedule);
        audit.record(
                "REPORT_SCHEDULE_CHANGED",
                null,
                null,
                "unit",
                unit.getId().toString(),
                Map.of(
                        "unit", unit.getCode(),
                        "period", before + " -> " + period,
                        "active", wasActive + " -> " + nowActive));
        return schedule;
    }
}
