package vn.tandem.sla;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseScope;
import vn.tandem.common.ConflictException;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.web.Csv;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.inbox.TaskActions;
import vn.tandem.process.SlaEscalation;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.Workflow;

/**
 * Supervisors' escalation queue and actions. Every action completes the supervisor's escalation task through
 * {@link TaskActions}, so visibility (404), candidacy (403), the ended-task race (409), the checks of
 * {@link EscalationCheck} (400) and the audit trail are the same as in the inbox.
 */
@Service
@Transactional
public class EscalationDesk {

    /** An escalation and what it is about: a case, or another subject (a task without a case). */
    public interface Escalated {

        Escalation escalation();

        Watched about();

        /** The escalated task's case, or null for a task without one. */
        default Case caseFile() {
            return about().caseFile();
        }

        /** The case code, or the reference of the subject of a task without a case. */
        default String reference() {
            return about().reference();
        }

        default String title() {
            return about().title();
        }

        /** The unit of the case or of the subject. */
        default Long unitId() {
            return about().caseFile() != null
                    ? about().caseFile().getUnitId()
                    : about().subject().unitId();
        }

        /** The page of the case or of the subject. */
        default String link() {
            return about().link();
        }
    }

    /**
     * An escalation as the queue shows it; {@code unavailable} holds the actions that are no longer possible, each
     * with the reason (a message code and its arguments).
     */
    public record Item(
            Escalation escalation,
            Watched about,
            TaskSnapshot watched,
            boolean mayAct,
            ExtensionPolicy.Limits limits,
            List<String> officers,
            Map<String, FieldProblem> unavailable)
            implements Escalated {

        public List<String> actions() {
            return ACTIONS.stream().filter(a -> !unavailable.containsKey(a)).toList();
        }

        public LocalDate currentDue() {
            return limits.currentDue();
        }

        public LocalDate latestAllowed() {
            return limits.latestAllowed();
        }

        public LocalDate statutory() {
            return limits.statutory();
        }
    }

    /**
     * An escalation as the dashboard's queue lists it: the case or subject, whether the user may act, and the due
     * day of the escalated step (the deadline, limits and officers are read when the escalation is opened).
     */
    public record Listed(Escalation escalation, Watched about, boolean mayAct, LocalDate currentDue)
            implements Escalated {}

    /** The actions a supervisor may take on an escalation, in the order the page offers them. */
    public static final List<String> ACTIONS = List.of(
            SlaEscalation.ACTION_EXTEND,
            SlaEscalation.ACTION_REASSIGN,
            SlaEscalation.ACTION_MEETING,
            SlaEscalation.ACTION_CLOSE);

    private final Escalations escalations;
    private final WatchedSubjects watched;
    private final Workflow workflow;
    private final TaskActions taskActions;
    private final ExtensionPolicy policy;
    private final DeadlineExtensions extensions;

    private final Directory directory;
    private final CaseClocks clocks;
    private final vn.tandem.inbox.InboxQuery inbox;
    private final vn.tandem.casefile.Cases cases;
    private final KeptClocks kept;
    private final CaseFiles caseFiles;

    EscalationDesk(
            Escalations escalations,
            WatchedSubjects watched,
            Workflow workflow,
            TaskActions taskActions,
            ExtensionPolicy policy,
            DeadlineExtensions extensions,
            Directory directory,
            CaseClocks clocks,
            vn.tandem.inbox.InboxQuery inbox,
            vn.tandem.casefile.Cases cases,
            KeptClocks kept,
            CaseFiles caseFiles) {
        this.kept = kept;
        this.caseFiles = caseFiles;
        this.inbox = inbox;
        this.cases = cases;
        this.directory = directory;
        this.clocks = clocks;
        this.escalations = escalations;
        this.watched = watched;
        this.workflow = workflow;
        this.taskActions = taskActions;
        this.policy = policy;
        this.extensions = extensions;
    }

    /**
     * Open escalations of cases and subjects the user sees, those the user may act on first, oldest first: the API's
     * list and the dashboard's export. Read in a fixed number of queries however many are open: the escalations of
     * cases with "may act" by query over the cases the user sees, their cases' clocks and extensions in batches, the
     * watched tasks' holders and due dates from the inbox rows (an item of this list has no {@code watched} snapshot;
     * {@link #get} reads it for one escalation).
     */
    @Transactional(readOnly = true)
    public List<Item> open(CurrentUser user) {
        List<Listed> listed = new ArrayList<>(caseEscalations(user, CaseScope.ALL, true, 0));
        listed.addAll(caseEscalations(user, CaseScope.ALL, false, 0));
        listed.addAll(subjectEscalations(user, i -> true));
        listed.sort(Comparator.comparing((Listed i) -> !i.mayAct())
                .thenComparing(i -> i.escalation().getRaisedAt())
                .thenComparing(i -> i.escalation().getId()));
        List<Case> ofCases = listed.stream()
                .map(Listed::caseFile)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        Map<Long, List<CaseClocks.StepClock>> caseClocks = clocks.ofAll(ofCases);
        Map<Long, List<DeadlineExtension>> caseExtensions = new HashMap<>();
        for (int from = 0; from < ofCases.size(); from += CaseClocks.CHUNK) {
            extensions
                    .findByCaseIdIn(ofCases.subList(from, Math.min(ofCases.size(), from + CaseClocks.CHUNK)).stream()
                            .map(Case::getId)
                            .toList())
                    .forEach(x -> caseExtensions
                            .computeIfAbsent(x.getCaseId(), k -> new ArrayList<>())
                            .add(x));
        }
        Map<String, vn.tandem.inbox.InboxQuery.Holder> watchedTasks = inbox.openAmong(listed.stream()
                .map(i -> i.escalation().getWatchedTaskId())
                .filter(java.util.Objects::nonNull)
                .toList());
        Map<String, List<String>> covering = new HashMap<>();
        List<Item> items = new ArrayList<>();
        for (Listed i : listed) {
            Escalation e = i.escalation();
            Case c = i.caseFile();
            var holder = e.getWatchedTaskId() == null ? null : watchedTasks.get(e.getWatchedTaskId());
            ExtensionPolicy.Limits limits = policy.limits(
                    e.getLegalStep(),
                    holder == null ? null : holder.due(),
                    c == null ? List.of() : caseClocks.getOrDefault(c.getId(), List.of()),
                    () -> c == null ? List.of() : caseExtensions.getOrDefault(c.getId(), List.of()));
            items.add(item(
                    e,
                    i.about(),
                    null,
                    holder != null,
                    holder == null ? null : holder.assignee(),
                    i.mayAct(),
                    limits,
                    covering));
        }
        return items;
    }

    /** The first open escalations of a queue and how many the queue holds in all. */
    public record Queue(List<Listed> items, int total) {}

    /**
     * The open escalations of subjects other than cases that the user sees and that pass {@code within}, with whether
     * the user may act on each (one query over the inbox rows for all of them).
     */
    private List<Listed> subjectEscalations(CurrentUser user, java.util.function.Predicate<Listed> within) {
        List<Listed> subjects = new ArrayList<>();
        for (Escalation e : escalations.findByStatusAndCaseIdIsNullOrderByRaisedAt(Escalation.Status.OPEN)) {
            watched.of(null, e.getSubjectKey())
                    .filter(about -> about.visibleTo(user))
                    .map(about -> new Listed(e, about, false, null))
                    .filter(within)
                    .ifPresent(subjects::add);
        }
        java.util.Set<String> mayWork = inbox.workableAmong(
                subjects.stream()
                        .map(i -> i.escalation().getTaskId())
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                user);
        return subjects.stream()
                .map(i -> new Listed(
                        i.escalation(),
                        i.about(),
                        i.escalation().getTaskId() != null
                                && mayWork.contains(i.escalation().getTaskId()),
                        null))
                .toList();
    }

    /**
     * The dashboard's queue: the open escalations the user sees, those of cases in {@code scope} and those of other
     * subjects that pass {@code subjectsWithin}; those the user may act on first, oldest first; the first {@code
     * limit} are listed, the others counted. The escalations of cases are read by queries over the cases the user may
     * see (visibility, the scope and "may act" from the inbox rows in SQL): a page reads at most {@code limit} of each
     * kind and one count, however many escalations are open (at full size every late case has one). The due days
     * come from the kept clocks; a clock not kept as running in the escalated step (paused, not yet written, the case
     * moved on) is computed as the escalation's page computes it.
     */
    @Transactional(readOnly = true)
    public Queue queue(
            CurrentUser user, CaseScope scope, java.util.function.Predicate<Listed> subjectsWithin, int limit) {
        List<Listed> workable = new ArrayList<>(caseEscalations(user, scope, true, limit));
        List<Listed> others = new ArrayList<>();
        long total = caseFiles
                .select(user, Long.class, 0, (root, query, cb, where) -> {
                    var e = openEscalationOf(root, query, cb, where, scope);
                    query.select(cb.count(e));
                })
                .stream()
                .findFirst()
                .orElse(0L);
        List<Listed> subjects = subjectEscalations(user, subjectsWithin);
        for (Listed i : subjects) {
            (i.mayAct() ? workable : others).add(i);
        }
        if (workable.size() < limit) {
            // only when those the user may act on do not fill the list: finding the others walks every open
            // escalation the user sees (~70 ms a page on PostgreSQL at the quick size when skipped for nothing)
            others.addAll(caseEscalations(user, scope, false, limit));
        }
        Comparator<Listed> oldestFirst = Comparator.comparing(
                        (Listed i) -> i.escalation().getRaisedAt())
                .thenComparing(i -> i.escalation().getId());
        workable.sort(oldestFirst);
        others.sort(oldestFirst);
        List<Listed> first = java.util.stream.Stream.concat(workable.stream(), others.stream())
                .limit(limit)
                .toList();
        Map<Long, KeptClock> running = kept.runningOf(first.stream()
                .map(i -> i.escalation().getCaseId())
                .filter(java.util.Objects::nonNull)
                .toList());
        Map<String, java.time.Instant> taskDue = inbox.dueAmong(first.stream()
                .map(i -> i.escalation().getWatchedTaskId())
                .filter(java.util.Objects::nonNull)
                .toList());
        return new Queue(
                first.stream()
                        .map(i -> new Listed(i.escalation(), i.about(), i.mayAct(), currentDue(i, running, taskDue)))
                        .toList(),
                (int) total + subjects.size());
    }

    /**
     * The first {@code limit} open escalations of cases the user sees in the scope, oldest first, of those the user
     * may act on ({@code mayAct}) or of the others.
     */
    private List<Listed> caseEscalations(CurrentUser user, CaseScope scope, boolean mayAct, int limit) {
        return caseFiles
                .select(user, Object[].class, limit, (root, query, cb, where) -> {
                    var e = openEscalationOf(root, query, cb, where, scope);
                    var may = inbox.mayWork(e.get("taskId"), query, cb, user);
                    where.add(mayAct ? may : cb.not(may));
                    query.multiselect(e, root).orderBy(cb.asc(e.get("raisedAt")), cb.asc(e.get("id")));
                })
                .stream()
                .map(row -> new Listed((Escalation) row[0], new Watched((Case) row[1], null), mayAct, null))
                .toList();
    }

    /** The open escalations of the query's cases that lie in the scope. */
    private jakarta.persistence.criteria.Root<Escalation> openEscalationOf(
            jakarta.persistence.criteria.Root<Case> root,
            jakarta.persistence.criteria.CriteriaQuery<?> query,
            jakarta.persistence.criteria.CriteriaBuilder cb,
            List<jakarta.persistence.criteria.Predicate> where,
            CaseScope scope) {
        var e = query.from(Escalation.class);
        where.add(cb.equal(e.get("caseId"), root.get("id")));
        where.add(cb.equal(e.get("status"), Escalation.Status.OPEN));
        where.addAll(scope.predicates(root, cb, clocks.zone()));
        return e;
    }

    /**
     * The due day a listed escalation shows: the kept clock's while it runs in the escalated step, else the clock
     * computed; for a task without a legal step, the watched task's due day (today when it has none).
     */
    private LocalDate currentDue(Listed i, Map<Long, KeptClock> running, Map<String, java.time.Instant> taskDue) {
        Escalation e = i.escalation();
        Case c = i.caseFile();
        if (c != null && e.getLegalStep() != null) {
            KeptClock k = running.get(c.getId());
            if (k != null && k.getStep() == e.getLegalStep()) {
                return k.getDueOn();
            }
            var step = clocks.step(c, e.getLegalStep());
            if (step.isPresent()) {
                return step.get().deadline().due();
            }
        }
        java.time.Instant due = taskDue.get(e.getWatchedTaskId());
        return due == null ? clocks.today() : due.atZone(clocks.zone()).toLocalDate();
    }

    @Transactional(readOnly = true)
    public Item get(long id, CurrentUser user) {
        Escalation e = escalations.findById(id).orElseThrow(() -> new NotFoundException("escalation.notFound"));
        Watched about = watched.of(e.getCaseId(), e.getSubjectKey())
                .filter(a -> a.visibleTo(user))
                .orElseThrow(() -> new NotFoundException("escalation.notFound"));
        return item(e, about, user);
    }

    @Transactional(readOnly = true)
    public List<DeadlineExtension> extensionsOf(long caseId) {
        return extensions.findByCaseIdOrderById(caseId);
    }

    /**
     * Takes an action (EXTEND, REASSIGN, MEETING, CLOSE) with its fields; the open escalation task completes.
     * Fields are named as in the BPMN form (decisionNumber, decisionDate, newDeadline, reassignTo, meetingDate,
     * meetingAgenda, escalationNote).
     */
    public void act(long id, String action, Map<String, ?> fields, CurrentUser user) {
        Item item = get(id, user);
        String normalized = action == null ? null : action.toUpperCase(Locale.ROOT);
        if (!ACTIONS.contains(normalized)) {
            throw new InvalidInputException(SlaEscalation.VAR_ACTION, "validation.option");
        }
        FieldProblem why = item.unavailable().get(normalized);
        if (why != null) {
            throw new ConflictException(why.code(), why.args());
        }
        if (!item.escalation().isOpen() || item.escalation().getTaskId() == null) {
            throw new ConflictException("escalation.notOpen");
        }
        Map<String, Object> values = new HashMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                values.put(k, v);
            }
        });
        values.put(SlaEscalation.VAR_ACTION, normalized);
        taskActions.complete(item.escalation().getTaskId(), values, user);
    }

    private Item item(Escalation e, Watched about, CurrentUser user) {
        TaskSnapshot watched = workflow.task(e.getWatchedTaskId()).orElse(null);
        boolean mayAct = e.isOpen()
                && e.getTaskId() != null
                && workflow.task(e.getTaskId())
                        .map(t -> t.isCandidate(user.username(), user.groups()))
                        .orElse(false);
        return item(
                e,
                about,
                watched,
                watched != null,
                watched == null ? null : watched.assignee(),
                mayAct,
                policy.limits(about.caseFile(), e.getLegalStep(), watched),
                new HashMap<>());
    }

    /**
     * An escalation with its extension limits, the officers it may be reassigned to (those covering its agency and
     * area but the watched task's holder; none once the watched task has ended) and the actions no longer possible.
     * {@code covering}: the officers covering an agency and area, shared by the items of one list.
     */
    private Item item(
            Escalation e,
            Watched about,
            TaskSnapshot watched,
            boolean watchedOpen,
            String watchedAssignee,
            boolean mayAct,
            ExtensionPolicy.Limits limits,
            Map<String, List<String>> covering) {
        List<String> officers = !watchedOpen
                ? List.of()
                : covering
                        .computeIfAbsent(
                                e.getAgency() + "|" + about.areaPath(),
                                k -> directory.usernamesCovering(e.getAgency(), Role.OFFICER, about.areaPath()))
                        .stream()
                        .filter(u -> !u.equals(watchedAssignee))
                        .toList();
        Map<String, FieldProblem> unavailable = new LinkedHashMap<>();
        limits.whyNot(clocks.today()).ifPresent(p -> unavailable.put(SlaEscalation.ACTION_EXTEND, p));
        if (officers.isEmpty()) {
            unavailable.put(
                    SlaEscalation.ACTION_REASSIGN,
                    new FieldProblem(SlaEscalation.FIELD_REASSIGN_TO, "escalation.noOtherOfficer"));
        }
        return new Item(e, about, watched, mayAct, limits, officers, unavailable);
    }

    /** The open escalations the user sees, as CSV rows (the dashboard's export). */
    @Transactional(readOnly = true)
    public Csv.Table export(CurrentUser user) {
        return new Csv.Table(
                "tandem-escalations.csv",
                List.of(
                        "escalation",
                        "case",
                        "title",
                        "step",
                        "agency",
                        "agency_name",
                        "level",
                        "rounds",
                        "current_due",
                        "statutory_due",
                        "raised_at",
                        "may_act"),
                open(user).stream()
                        .map(i -> Arrays.asList(
                                i.escalation().getId().toString(),
                                i.reference(),
                                i.title(),
                                english() && i.escalation().getWatchedTaskNameEn() != null
                                        ? i.escalation().getWatchedTaskNameEn()
                                        : i.escalation().getWatchedTaskName(),
                                i.escalation().getAgency(),
                                directory
                                        .agency(i.escalation().getAgency())
                                        .map(a -> a.name(LocaleContextHolder.getLocale()))
                                        .orElse(i.escalation().getAgency()),
                                Csv.cell(i.escalation().getLevel()),
                                Csv.cell(i.escalation().getRounds()),
                                Csv.cell(i.currentDue()),
                                Csv.cell(i.statutory()),
                                i.escalation().getRaisedAt().toString(),
                                Csv.cell(i.mayAct())))
                        .toList());
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
