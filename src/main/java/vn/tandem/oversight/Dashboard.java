package vn.tandem.oversight;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseScope;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.web.Csv;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.sla.CaseClocks;
import vn.tandem.sla.EscalationDesk;
import vn.tandem.sla.KeptClocks;
import vn.tandem.sla.LegalRules;

/**
 * The supervisors' dashboard over the cases the user may see: every open case counted once, by the clock of the
 * step it is in; counts by agency, unit and type; the cases closest to their deadline; flags; a weekly trend of
 * breaches and of days saved against the statutory limit.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    /** Filters; every field optional. {@code from}/{@code to} bound the receipt date. */
    public record Filter(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            String agency,
            Long unitId,
            String type) {

        /** Blank choices of a form mean "any". */
        public Filter {
            agency = agency == null || agency.isBlank() ? null : agency;
            type = type == null || type.isBlank() ? null : type;
        }

        /** The cases the filter selects. */
        public CaseScope scope() {
            return new CaseScope(from, to, agency, unitId, type);
        }
    }

    /** The tables the dashboard exports. */
    public static final List<String> TABLES = List.of("closest", "agency", "unit", "type", "flags", "trend");

    /** The cases the dashboard lists as closest to their deadline. */
    static final int CLOSEST = 10;

    /** Counts per clock state. */
    public record Counts(long onTrack, long atRisk, long breached, long statutoryBreached) {

        static final Counts NONE = new Counts(0, 0, 0, 0);

        static Counts of(KeptClocks.Tally t) {
            return new Counts(t.onTrack(), t.atRisk(), t.breached(), t.statutoryBreached());
        }

        Counts plus(Counts o) {
            return new Counts(
                    onTrack + o.onTrack,
                    atRisk + o.atRisk,
                    breached + o.breached,
                    statutoryBreached + o.statutoryBreached);
        }

        public long total() {
            return onTrack + atRisk + breached;
        }
    }

    /** An open case with its current clock. */
    public record Row(Case caseFile, CaseClocks.StepClock clock) {

        static Row of(KeptClocks.Current c) {
            return new Row(c.caseFile(), c.clock());
        }

        public LegalRules.State state() {
            return clock.standing().state();
        }

        public boolean statutoryBreached() {
            return clock.standing().statutoryBreached();
        }
    }

    /** One week of the trend. */
    public record Week(LocalDate monday, long closed, long breached, double averageDaysSaved) {

        public long savedDays() {
            return Math.round(averageDaysSaved);
        }
    }

    /** Everything the dashboard shows. */
    public record View(
            Counts totals,
            Map<String, Counts> byAgency,
            Map<Long, Counts> byUnit,
            Map<String, Counts> byType,
            List<Row> closest,
            List<Case> flagged,
            List<Week> trend) {}

    private final CaseFiles caseFiles;
    private final CaseClocks clocks;
    private final KeptClocks kept;
    private final Directory directory;
    private final MessageSource messages;

    Dashboard(CaseFiles caseFiles, CaseClocks clocks, KeptClocks kept, Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.kept = kept;
    }

    /**
     * The dashboard over the cases the user may see within the filters: the counts in one grouped query over the
     * clocks kept beside the cases ({@link KeptClocks}), the closest cases and the flags each in one more, the trend
     * from the kept ends of the resolution clocks of the cases closed within its weeks.
     */
    public View view(CurrentUser user, Filter filter) {
        CaseScope scope = filter.scope();
        KeptClocks.Overview overview = kept.overview(user, scope, CLOSEST);
        List<KeptClocks.Tally> tallies = overview.tallies();
        Instant trendStart =
                trendMonday(0).minusWeeks(TREND_WEEKS - 1).atStartOfDay(zone()).toInstant();
        return new View(
                tallies.stream().map(Counts::of).reduce(Counts.NONE, Counts::plus),
                group(tallies, KeptClocks.Tally::agency),
                group(tallies, KeptClocks.Tally::unitId),
                group(tallies, t -> t.type().name()),
                overview.closest().stream().map(Row::of).toList(),
                flagged(user, scope),
                trend(kept.closedSince(user, scope, trendStart)));
    }

    /**
     * The open cases behind one of the dashboard's figures (a counter, a cell of the tables): within the filters, in
     * one clock state ({@code null}: any) or past their statutory limit, nearest deadline first.
     */
    public List<Row> drillDown(CurrentUser user, Filter filter, LegalRules.State state, boolean statutoryOnly) {
        return kept.inState(user, filter.scope(), state, statutoryOnly).stream()
                .map(Row::of)
                .toList();
    }

    /** The counters alone: one grouped query. */
    public Counts summary(CurrentUser user, Filter filter) {
        return kept.tally(user, filter.scope()).stream().map(Counts::of).reduce(Counts.NONE, Counts::plus);
    }

    private static <K extends Comparable<K>> Map<K, Counts> group(
            List<KeptClocks.Tally> tallies, Function<KeptClocks.Tally, K> key) {
        Map<K, Counts> grouped = new TreeMap<>();
        tallies.forEach(t -> grouped.merge(key.apply(t), Counts.of(t), Counts::plus));
        return new LinkedHashMap<>(grouped);
    }

    /** The open cases within the filters flagged as a crowd, a hot spot or skipping levels. */
    private List<Case> flagged(CurrentUser user, CaseScope scope) {
        return caseFiles.select(user, Case.class, 0, (root, query, cb, where) -> {
            // the open statuses named, so the status index applies (a million closed cases are not walked)
            where.add(root.get("status").in(CaseStatus.OPEN));
            where.add(cb.or(
                    cb.isTrue(root.get("hotspot")),
                    cb.isTrue(root.get("crowd")),
                    cb.isTrue(root.get("levelSkipping"))));
            where.addAll(scope.predicates(root, cb, zone()));
            query.select(root).orderBy(cb.asc(root.get("id")));
        });
    }

    /** The last 8 weeks of closed cases: how many closed after their target, days saved against the law. */
    private List<Week> trend(List<KeptClocks.Closed> closed) {
        List<Week> weeks = new ArrayList<>();
        for (int i = TREND_WEEKS - 1; i >= 0; i--) {
            LocalDate monday = trendMonday(i);
            long count = 0;
            long breached = 0;
            double saved = 0;
            int withStatutory = 0;
            for (KeptClocks.Closed c : closed) {
                LocalDate day = c.closedAt().atZone(zone()).toLocalDate();
                if (day.isBefore(monday) || !day.isBefore(monday.plusWeeks(1))) {
                    continue;
                }
                count++;
                if (c.due() != null && c.end().isAfter(c.due())) {
                    breached++;
                }
                if (c.statutoryDue() != null) {
                    saved += ChronoUnit.DAYS.between(day, c.statutoryDue());
                    withStatutory++;
                }
            }
            weeks.add(new Week(monday, count, breached, withStatutory == 0 ? 0 : saved / withStatutory));
        }
        return weeks;
    }

    /** The weeks of the trend. */
    static final int TREND_WEEKS = 8;

    /** The Monday {@code weeksBack} weeks before this week's. */
    private LocalDate trendMonday(int weeksBack) {
        return clocks.today()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(weeksBack);
    }

    private ZoneId zone() {
        return clocks.zone();
    }

    /**
     * Whether an escalation falls within the dashboard's filters: its case's, or for a task without a case (a late
     * situation report, a request about a unit) its agency, unit and the day it was raised; a case-type filter
     * leaves those out.
     */
    public boolean matches(EscalationDesk.Listed item, Filter f) {
        if (item.caseFile() != null) {
            return matches(item.caseFile(), f);
        }
        LocalDate raised = item.escalation().getRaisedAt().atZone(zone()).toLocalDate();
        return (f.type() == null || f.type().isBlank())
                && (f.from() == null || !raised.isBefore(f.from()))
                && (f.to() == null || !raised.isAfter(f.to()))
                && (f.agency() == null
                        || f.agency().isBlank()
                        || f.agency().equals(item.escalation().getAgency()))
                && (f.unitId() == null || f.unitId().equals(item.unitId()));
    }

    /** Whether a case falls within the dashboard's filters (the escalation queue follows them too). */
    public boolean matches(Case c, Filter f) {
        return f.scope().matches(c, zone());
    }

    /** One of the dashboard's tables ({@link #TABLES}) as rows for an export. */
    public Csv.Table export(String table, CurrentUser user, Filter filter) {
        if (!TABLES.contains(table)) {
            throw new InvalidInputException("table", "validation.option");
        }
        View view = view(user, filter);
        String file = "tandem-" + table + ".csv";
        return switch (table) {
            case "closest" ->
                new Csv.Table(
                        file,
                        List.of(
                                "case",
                                "title",
                                "type",
                                "type_name",
                                "lead_agency",
                                "lead_agency_name",
                                "step",
                                "step_name",
                                "rule",
                                "statutory_due",
                                "target_due",
                                "state",
                                "state_name",
                                "statutory_breached"),
                        view.closest().stream()
                                .map(r -> Arrays.asList(
                                        r.caseFile().getCode(),
                                        r.caseFile().getTitle(),
                                        r.caseFile().getType().name(),
                                        word("caseType." + r.caseFile().getType()),
                                        r.caseFile().getLeadAgency(),
                                        agencyName(r.caseFile().getLeadAgency()),
                                        r.clock().step().name(),
                                        word("dashboard.step." + r.clock().step()),
                                        r.clock().deadline().rule().getCode(),
                                        Csv.cell(r.clock().deadline().statutoryDue()),
                                        Csv.cell(r.clock().deadline().targetDue()),
                                        r.state().name(),
                                        word("dashboard.state." + r.state()),
                                        Csv.cell(r.statutoryBreached())))
                                .toList());
            case "agency" -> counts(file, "agency", view.byAgency(), code -> agencyName(Csv.cell(code)));
            case "unit" -> counts(file, "unit", view.byUnit(), this::unitName);
            case "type" -> counts(file, "type", view.byType(), type -> word("caseType." + type));
            case "flags" ->
                new Csv.Table(
                        file,
                        List.of("case", "title", "crowd", "hotspot", "level_skipping"),
                        view.flagged().stream()
                                .map(c -> Arrays.asList(
                                        c.getCode(),
                                        c.getTitle(),
                                        Csv.cell(c.isCrowd()),
                                        Csv.cell(c.isHotspot()),
                                        Csv.cell(c.isLevelSkipping())))
                                .toList());
            default ->
                new Csv.Table(
                        file,
                        List.of("week", "closed", "breached", "average_days_saved"),
                        view.trend().stream()
                                .map(w -> Arrays.asList(
                                        w.monday().toString(),
                                        Csv.cell(w.closed()),
                                        Csv.cell(w.breached()),
                                        String.format(Locale.ROOT, "%.1f", w.averageDaysSaved())))
                                .toList());
        };
    }

    private static <K> Csv.Table counts(String file, String name, Map<K, Counts> counts, Function<K, String> nameOf) {
        return new Csv.Table(
                file,
                List.of(name, name + "_name", "on_track", "at_risk", "breached", "statutory_breached"),
                counts.entrySet().stream()
                        .map(e -> Arrays.asList(
                                Csv.cell(e.getKey()),
                                nameOf.apply(e.getKey()),
                                Csv.cell(e.getValue().onTrack()),
                                Csv.cell(e.getValue().atRisk()),
                                Csv.cell(e.getValue().breached()),
                                Csv.cell(e.getValue().statutoryBreached())))
                        .toList());
    }

    /** A word of an export in the reader's language (exports keep the codes too, for programs reading them). */
    private String word(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private String agencyName(String code) {
        return directory
                .agency(code)
                .map(a -> a.name(LocaleContextHolder.getLocale()))
                .orElse(code);
    }

    private String unitName(Object id) {
        return directory.units().stream()
                .filter(u -> u.getId().equals(id))
                .map(u -> u.getName())
                .findFirst()
                .orElse(Csv.cell(id));
    }
}
