package vn.tandem.sla;

import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseChanges;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseScope;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Cases;
import vn.tandem.identity.CurrentUser;

/**
 * Each case's legal clock kept beside it ({@link KeptClock}), written in the transaction that changed the case or
 * its clock ({@link CaseChanges}), so the dashboard, {@code GET /api/sla/summary} and the SLA metrics count the open
 * cases by state in one grouped query instead of computing every open case's clocks on each request (2,000 open
 * cases: the summary's p95 went from 166 ms to the figure in docs/benchmarks.md).
 *
 * <p>The figures never depend on the rows being there: a case without a row (before its first change after an
 * upgrade, or after a new rule version or a holiday forgot the rows — a background pass writes them again) and a
 * paused clock (its dates move every day) are computed live, exactly as before.
 */
@Service
@Transactional(readOnly = true)
public class KeptClocks {

    private static final Logger log = LoggerFactory.getLogger(KeptClocks.class);

    /** The rules or the calendar changed: dates of every clock may move. */
    record BasisChanged(String what) {}

    /**
     * How far back closed cases keep their rows (the dashboard's trend reads 8 weeks): older ones are never read, so
     * they are not written again after a change of the basis.
     */
    static final Period HORIZON = Period.ofWeeks(10);

    /** Cases written per transaction by the background pass. */
    static final int BATCH = 200;

    static final List<CaseStatus> COUNTED = List.of(CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS);

    /** Counts of the open cases of one agency, unit and type by the state of their current clock. */
    public record Tally(
            String agency,
            Long unitId,
            CaseType type,
            long onTrack,
            long atRisk,
            long breached,
            long statutoryBreached) {

        Tally plus(Tally o) {
            return new Tally(
                    agency,
                    unitId,
                    type,
                    onTrack + o.onTrack,
                    atRisk + o.atRisk,
                    breached + o.breached,
                    statutoryBreached + o.statutoryBreached);
        }
    }

    /** An open case and its current clock. */
    public record Current(Case caseFile, CaseClocks.StepClock clock) {}

    /** How a case closed within the trend's weeks ended its resolution clock. */
    public record Closed(Instant closedAt, LocalDate end, LocalDate due, LocalDate statutoryDue) {}

    private final KeptClockRows rows;
    private final Cases cases;
    private final CaseFiles caseFiles;
    private final CaseClocks clocks;
    private final LegalRules rules;
    private final ClockPauses pauses;
    private final Clock clock;
    private final TransactionTemplate writing;

    KeptClocks(
            KeptClockRows rows,
            Cases cases,
            CaseFiles caseFiles,
            CaseClocks clocks,
            LegalRules rules,
            ClockPauses pauses,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.rows = rows;
        this.cases = cases;
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.rules = rules;
        this.pauses = pauses;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Keeping the rows

    /** The cases a transaction changed: their rows written before it commits. */
    @EventListener
    @Transactional
    public void on(CaseChanges.CasesChanged event) {
        keep(event.caseIds());
    }

    /**
     * Whether rows may be missing, so the background pass has work: on start (an upgrade, or the basis changed while
     * this node was down) and after this node changed the basis. Otherwise the pass does not read the register.
     */
    private final java.util.concurrent.atomic.AtomicBoolean pending =
            new java.util.concurrent.atomic.AtomicBoolean(true);

    /** The basis of every date changed: the rows that may be read are written again in the background. */
    @EventListener
    @Transactional
    public void on(BasisChanged event) {
        int forgotten = rows.forgetSince(horizon());
        log.info("Legal clock basis changed ({}): {} kept clocks to compute again", event.what(), forgotten);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            pending.set(true);
                        }
                    });
        } else {
            pending.set(true);
        }
    }

    /** Writes the rows of these cases from their clocks now; answers how many it wrote. */
    @Transactional
    public int keep(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return 0;
        }
        Map<Long, KeptClock> existing =
                rows.findAllById(caseIds).stream().collect(Collectors.toMap(KeptClock::getId, Function.identity()));
        List<Case> changed = new ArrayList<>();
        for (Case c : cases.findAllById(caseIds)) {
            if (withinCalendar(c)) {
                changed.add(c);
            } else if (existing.containsKey(c.getId())) {
                // no row: such a case is computed live where it is read, as before
                rows.delete(existing.remove(c.getId()));
            }
        }
        Map<Long, List<CaseClocks.StepClock>> all = clocks.ofAll(changed);
        Set<Long> paused = pauses.findByCaseIdIn(caseIds).stream()
                .filter(ClockPause::isOpen)
                .map(ClockPause::getCaseId)
                .collect(Collectors.toSet());
        Instant now = clock.instant();
        List<KeptClock> written = new ArrayList<>();
        for (Case c : changed) {
            List<CaseClocks.StepClock> caseClocks = all.getOrDefault(c.getId(), List.of());
            CaseClocks.StepClock current = COUNTED.contains(c.getStatus())
                    ? CaseClocks.current(caseClocks).orElse(null)
                    : null;
            CaseClocks.StepClock resolved = caseClocks.stream()
                    .filter(s -> s.step() == LegalStep.RESOLVE && s.phase() == CaseClocks.Phase.DONE)
                    .findFirst()
                    .orElse(null);
            KeptClock row = existing.computeIfAbsent(c.getId(), KeptClock::new);
            row.keep(
                    current == null
                            ? KeptClock.Kept.NONE
                            : paused.contains(c.getId()) ? KeptClock.Kept.PAUSED : KeptClock.Kept.RUNNING,
                    current == null ? null : current.step(),
                    current == null ? null : rules.warningDay(current.deadline()),
                    current == null ? null : current.deadline().due(),
                    current == null ? null : current.deadline().statutoryDue(),
                    resolved == null ? null : resolved.end(),
                    resolved == null ? null : resolved.deadline().due(),
                    resolved == null ? null : resolved.deadline().statutoryDue(),
                    now);
            written.add(row);
        }
        rows.saveAll(written);
        return written.size();
    }

    /**
     * Whether the case's clocks can be computed with the working calendar, which knows the years
     * {@value LegalCalendar#FIRST_YEAR}–{@value LegalCalendar#LAST_YEAR}: a register imported from earlier years has
     * cases the calendar refuses, and that refusal must not fail the transaction that imported or changed them (the
     * row is written in it). The last year is left out, so the deadlines that run into the next year still fit.
     */
    boolean withinCalendar(Case c) {
        java.time.ZoneId zone = clocks.zone();
        List<LocalDate> days = new ArrayList<>();
        days.add(clocks.today());
        for (Instant at : java.util.Arrays.asList(
                c.getReceivedAt(),
                c.getAcceptedAt(),
                c.getVerifiedAt(),
                c.getDecidedAt(),
                c.getClosedAt(),
                c.getReopenedAt())) {
            if (at != null) {
                days.add(at.atZone(zone).toLocalDate());
            }
        }
        if (c.getDecisionKnownOn() != null) {
            days.add(c.getDecisionKnownOn());
        }
        return days.stream()
                .allMatch(d -> d.getYear() >= LegalCalendar.FIRST_YEAR && d.getYear() < LegalCalendar.LAST_YEAR);
    }

    /**
     * Writes the missing rows of the cases that may be read (open, or closed within {@link #HORIZON}), a batch per
     * transaction: after an upgrade, and after a change of the rules or the calendar forgot them; between those it
     * returns at once. Answers how many rows it wrote.
     */
    @Scheduled(
            initialDelayString = "${tandem.clocks.keep-after:PT20S}",
            fixedDelayString = "${tandem.clocks.keep-every:PT1M}")
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public int keepMissing() {
        if (!pending.getAndSet(false)) {
            return 0;
        }
        int kept = 0;
        long after = 0; // by id, so the cases the calendar cannot compute (left without a row) are passed once
        while (true) {
            long from = after;
            List<Long> missing = writing.execute(tx -> rows.missingSince(horizon(), from, Limit.of(BATCH)));
            if (missing == null || missing.isEmpty()) {
                return kept;
            }
            after = missing.get(missing.size() - 1);
            try {
                Integer written = writing.execute(tx -> keep(missing));
                kept += written == null ? 0 : written;
            } catch (DataIntegrityViolationException e) {
                // another node wrote some of them at the same moment: the next pass takes what is still missing
                log.debug("Kept clocks written meanwhile by another node: {}", e.getMessage());
                pending.set(true);
                return kept;
            }
        }
    }

    private Instant horizon() {
        return clocks.today().minus(HORIZON).atStartOfDay(clocks.zone()).toInstant();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading them

    /**
     * The open cases the user may see within the scope, counted by agency, unit and type and by the state of their
     * current clock today: one grouped query over the kept dates, plus the few clocks computed live.
     */
    public List<Tally> tally(CurrentUser user, CaseScope scope) {
        return tally(user, scope, live(user, scope));
    }

    /** The dashboard's counts and its cases closest to their deadline, the clocks computed live read once. */
    public record Overview(List<Tally> tallies, List<Current> closest) {}

    public Overview overview(CurrentUser user, CaseScope scope, int closest) {
        List<Current> live = live(user, scope);
        return new Overview(tally(user, scope, live), closest(user, scope, closest, live));
    }

    private List<Tally> tally(CurrentUser user, CaseScope scope, List<Current> live) {
        LocalDate today = clocks.today();
        java.time.ZoneId zone = clocks.zone();
        Map<List<Object>, Tally> tallies = new LinkedHashMap<>();
        List<Tuple> grouped = select(user, Tuple.class, 0, (root, query, cb, where) -> {
            Root<KeptClock> k = running(root, query, cb, where, scope, zone);
            query.multiselect(
                            root.get("leadAgency"),
                            root.get("unitId"),
                            root.get("type"),
                            cb.count(root),
                            cb.sum(count(cb, breached(k, cb, today))),
                            cb.sum(count(cb, atRisk(k, cb, today))),
                            cb.sum(count(cb, statutoryBreached(k, cb, today))))
                    .groupBy(root.get("leadAgency"), root.get("unitId"), root.get("type"));
        });
        for (Tuple t : grouped) {
            long all = t.get(3, Long.class);
            long breached = number(t.get(4));
            long atRisk = number(t.get(5));
            add(
                    tallies,
                    new Tally(
                            t.get(0, String.class),
                            t.get(1, Long.class),
                            t.get(2, CaseType.class),
                            all - breached - atRisk,
                            atRisk,
                            breached,
                            number(t.get(6))));
        }
        for (Current c : live) {
            LegalRules.Standing s = c.clock().standing();
            add(
                    tallies,
                    new Tally(
                            c.caseFile().getLeadAgency(),
                            c.caseFile().getUnitId(),
                            c.caseFile().getType(),
                            s.state() == LegalRules.State.ON_TRACK ? 1 : 0,
                            s.state() == LegalRules.State.AT_RISK ? 1 : 0,
                            s.state() == LegalRules.State.BREACHED ? 1 : 0,
                            s.statutoryBreached() ? 1 : 0));
        }
        return List.copyOf(tallies.values());
    }

    /**
     * The kept dates of a case's current clock while it runs in this step: none when the case has no row yet, its
     * clock is paused, or it is in another step (then compute the clock).
     */
    public java.util.Optional<KeptClock> running(long caseId, LegalStep step) {
        return rows.findById(caseId).filter(k -> k.getKept() == KeptClock.Kept.RUNNING && k.getStep() == step);
    }

    /**
     * The kept clocks of these cases that run (not paused), by case id, {@value CaseClocks#CHUNK} ids a query; a
     * case without a row, or whose clock is paused, is absent.
     */
    public Map<Long, KeptClock> runningOf(Collection<Long> caseIds) {
        Map<Long, KeptClock> running = new HashMap<>();
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(caseIds));
        for (int from = 0; from < ids.size(); from += CaseClocks.CHUNK) {
            for (KeptClock k : rows.findAllById(ids.subList(from, Math.min(ids.size(), from + CaseClocks.CHUNK)))) {
                if (k.getKept() == KeptClock.Kept.RUNNING) {
                    running.put(k.getId(), k);
                }
            }
        }
        return running;
    }

    /** Every open case counted, whoever may see it: the SLA metrics. */
    public List<Tally> tallyAll() {
        return tally(null, CaseScope.ALL);
    }

    /** A query over the cases the user may see; {@code null} for every case (the system's own counts). */
    private <T> List<T> select(CurrentUser user, Class<T> type, int limit, CaseFiles.CaseQuery<T> build) {
        return user == null ? caseFiles.selectAll(type, limit, build) : caseFiles.select(user, type, limit, build);
    }

    private static void add(Map<List<Object>, Tally> tallies, Tally t) {
        tallies.merge(java.util.Arrays.asList(t.agency(), t.unitId(), t.type()), t, Tally::plus);
    }

    private static long number(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    /**
     * The {@code limit} open cases within the scope nearest their deadline (no deadline last), with their current
     * clocks computed in full; {@code live}: those whose clocks are computed live.
     */
    private List<Current> closest(CurrentUser user, CaseScope scope, int limit, List<Current> live) {
        List<Long> ids = new ArrayList<>(runningIds(user, scope, null, false, true, limit));
        if (ids.size() < limit) {
            ids.addAll(runningIds(user, scope, null, false, false, limit - ids.size()));
        }
        List<Current> found = new ArrayList<>(current(user, ids));
        found.addAll(live);
        return found.stream().sorted(NEAREST).limit(limit).toList();
    }

    /**
     * The open cases within the scope in a state ({@code null}: any) or past their statutory limit, nearest deadline
     * first, with their current clocks computed in full.
     */
    public List<Current> inState(CurrentUser user, CaseScope scope, LegalRules.State state, boolean statutoryOnly) {
        List<Current> found = new ArrayList<>(current(user, runningIds(user, scope, state, statutoryOnly, null, 0)));
        found.addAll(live(user, scope));
        return found.stream()
                .filter(c -> state == null || c.clock().standing().state() == state)
                .filter(c -> !statutoryOnly || c.clock().standing().statutoryBreached())
                .sorted(NEAREST)
                .toList();
    }

    /**
     * The cases within the scope closed since {@code since} that had a resolution clock, with how it ended: kept
     * rows read in one query, the others computed.
     */
    public List<Closed> closedSince(CurrentUser user, CaseScope scope, Instant since) {
        java.time.ZoneId zone = clocks.zone();
        List<Closed> closed = new ArrayList<>(select(user, Closed.class, 0, (root, query, cb, where) -> {
            Root<KeptClock> k = query.from(KeptClock.class);
            where.add(cb.equal(k.get("caseId"), root.get("id")));
            closedSince(root, cb, where, scope, since, zone);
            where.add(cb.isNotNull(k.get("resolveEndOn")));
            query.select(cb.construct(
                    Closed.class,
                    root.get("closedAt"),
                    k.get("resolveEndOn"),
                    k.get("resolveDueOn"),
                    k.get("resolveStatutoryDueOn")));
        }));
        List<Case> unkept = select(user, Case.class, 0, (root, query, cb, where) -> {
            closedSince(root, cb, where, scope, since, zone);
            query.select(root);
            where.add(cb.not(cb.exists(kept(query, cb, root, List.of(KeptClock.Kept.values())))));
        });
        Map<Long, Instant> closedAt = new HashMap<>();
        unkept.forEach(c -> closedAt.put(c.getId(), c.getClosedAt()));
        clocks.ofAll(unkept)
                .forEach((id, caseClocks) -> caseClocks.stream()
                        .filter(s -> s.step() == LegalStep.RESOLVE && s.phase() == CaseClocks.Phase.DONE)
                        .findFirst()
                        .ifPresent(s -> closed.add(new Closed(
                                closedAt.get(id),
                                s.end(),
                                s.deadline().due(),
                                s.deadline().statutoryDue()))));
        return closed;
    }

    private static void closedSince(
            Root<Case> root,
            CriteriaBuilder cb,
            List<Predicate> where,
            CaseScope scope,
            Instant since,
            java.time.ZoneId zone) {
        // only a closed case has a closing time: the range alone lets the planner walk the closed_at index (with
        // "status = CLOSED" beside it H2 walked every closed case of the register)
        where.add(cb.greaterThanOrEqualTo(root.get("closedAt"), since));
        where.add(cb.isNotNull(root.get("acceptedAt")));
        where.addAll(scope.predicates(root, cb, zone));
    }

    static final Comparator<Current> NEAREST = Comparator.comparing(
                    (Current c) -> c.clock().deadline().due() == null
                            ? LocalDate.MAX
                            : c.clock().deadline().due())
            .thenComparing(c -> c.caseFile().getId());

    /**
     * Ids of open cases with a running kept clock, nearest deadline first: in a state, or past the statutory limit,
     * or ({@code withDue} true/false) with or without a deadline; {@code limit} 0 for all.
     */
    private List<Long> runningIds(
            CurrentUser user,
            CaseScope scope,
            LegalRules.State state,
            boolean statutoryOnly,
            Boolean withDue,
            int limit) {
        LocalDate today = clocks.today();
        java.time.ZoneId zone = clocks.zone();
        return select(user, Long.class, limit, (root, query, cb, where) -> {
            Root<KeptClock> k = running(root, query, cb, where, scope, zone);
            if (state == LegalRules.State.BREACHED) {
                where.add(breached(k, cb, today));
            } else if (state == LegalRules.State.AT_RISK) {
                where.add(atRisk(k, cb, today));
            } else if (state == LegalRules.State.ON_TRACK) {
                where.add(cb.not(cb.or(breached(k, cb, today), atRisk(k, cb, today))));
            }
            if (statutoryOnly) {
                where.add(statutoryBreached(k, cb, today));
            }
            if (Boolean.TRUE.equals(withDue)) {
                where.add(cb.isNotNull(k.get("dueOn")));
            } else if (Boolean.FALSE.equals(withDue)) {
                where.add(cb.isNull(k.get("dueOn")));
            }
            query.select(root.get("id")).orderBy(cb.asc(k.get("dueOn")), cb.asc(root.get("id")));
        });
    }

    /** The current clocks of these cases, those the user may see, read 200 at a time. */
    private List<Current> current(CurrentUser user, List<Long> ids) {
        List<Current> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CaseClocks.CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CaseClocks.CHUNK));
            found.addAll(current(
                    user == null
                            ? cases.findAllById(chunk)
                            : caseFiles.visibleAmong(chunk, user).values()));
        }
        return found;
    }

    private List<Current> current(Collection<Case> list) {
        Map<Long, Case> byId = new HashMap<>();
        list.forEach(c -> byId.put(c.getId(), c));
        List<Current> found = new ArrayList<>();
        clocks.ofAll(list)
                .forEach((id, caseClocks) ->
                        CaseClocks.current(caseClocks).ifPresent(clock -> found.add(new Current(byId.get(id), clock))));
        return found;
    }

    /**
     * The open cases in the scope whose current clock is computed live: no row kept for them yet, or their clock
     * paused.
     */
    private List<Current> live(CurrentUser user, CaseScope scope) {
        java.time.ZoneId zone = clocks.zone();
        return current(select(user, Case.class, 0, (root, query, cb, where) -> {
            where.add(root.get("status").in(COUNTED));
            where.addAll(scope.predicates(root, cb, zone));
            where.add(cb.not(cb.exists(kept(query, cb, root, List.of(KeptClock.Kept.RUNNING, KeptClock.Kept.NONE)))));
            query.select(root);
        }));
    }

    /** A row of the case kept in one of these ways. */
    private static jakarta.persistence.criteria.Subquery<Long> kept(
            CriteriaQuery<?> query, CriteriaBuilder cb, Root<Case> root, List<KeptClock.Kept> ways) {
        var sub = query.subquery(Long.class);
        Root<KeptClock> k = sub.from(KeptClock.class);
        sub.select(k.get("caseId"))
                .where(cb.equal(k.get("caseId"), root.get("id")), k.get("kept").in(ways));
        return sub;
    }

    private static Expression<Long> count(CriteriaBuilder cb, Predicate when) {
        return cb.<Long>selectCase().when(when, 1L).otherwise(0L);
    }

    /** The open cases in the scope whose kept dates hold (the root joined to its row). */
    private static Root<KeptClock> running(
            Root<Case> root,
            CriteriaQuery<?> query,
            CriteriaBuilder cb,
            List<Predicate> where,
            CaseScope scope,
            java.time.ZoneId zone) {
        Root<KeptClock> k = query.from(KeptClock.class);
        where.add(cb.equal(k.get("caseId"), root.get("id")));
        where.add(cb.equal(k.get("kept"), KeptClock.Kept.RUNNING));
        where.add(root.get("status").in(COUNTED));
        where.addAll(scope.predicates(root, cb, zone));
        return k;
    }

    /** Past the target (or the statutory limit without a target): {@code due < today}. */
    private static Predicate breached(Root<KeptClock> k, CriteriaBuilder cb, LocalDate today) {
        return cb.lessThan(k.get("dueOn"), today);
    }

    /** Not past it, and 75% of it used ({@link LegalRules#warningDay}). */
    private static Predicate atRisk(Root<KeptClock> k, CriteriaBuilder cb, LocalDate today) {
        return cb.and(cb.greaterThanOrEqualTo(k.get("dueOn"), today), cb.lessThanOrEqualTo(k.get("warningOn"), today));
    }

    private static Predicate statutoryBreached(Root<KeptClock> k, CriteriaBuilder cb, LocalDate today) {
        return cb.lessThan(k.get("statutoryDueOn"), today);
    }
}
