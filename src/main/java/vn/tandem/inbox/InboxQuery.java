package vn.tandem.inbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.common.Folding;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Role;

/**
 * Queries the inbox read model: a tab, filters, the user's visibility (agency taking part in the case and the
 * case in the user's area subtree, admins see all), sorted by due date ascending.
 */
@Service
@Transactional(readOnly = true)
public class InboxQuery {

    private final InboxItems items;
    private final EntityManager em;
    private final Clock clock;

    InboxQuery(InboxItems items, EntityManager em, Clock clock) {
        this.items = items;
        this.em = em;
        this.clock = clock;
    }

    /**
     * One page sorted by due date. The page and its total are separate queries, each written so the planner can
     * use an index: the page walks {@code (due_at, task_id)} and stops after one page, the count uses the
     * assignee index.
     */
    public Page<InboxItem> find(CurrentUser user, InboxScope scope, InboxFilter filter, int page, int size) {
        return find(user, scope, filter, InboxSort.DEFAULT, page, size);
    }

    /** One page in the given order (ties by task id). */
    public Page<InboxItem> find(
            CurrentUser user, InboxScope scope, InboxFilter filter, InboxSort sort, int page, int size) {
        return find(user, scope, filter, sort, page, size, (Long) null);
    }

    /**
     * One page of a tab in the given order, its total from the tab counts the inbox page has read already (counting
     * the tab's rows again would be a second pass over every visible row: ~50 ms at 100,000 open tasks on H2;
     * docs/benchmarks.md). For a tab holding more rows than were counted the total is a lower bound: the rows up to
     * this page and, when the page is full, one more — the page offers "next" while rows follow.
     */
    public Page<InboxItem> find(
            CurrentUser user,
            InboxScope tab,
            InboxFilter filter,
            InboxSort sort,
            int page,
            int size,
            TabCounts counts) {
        if (!counts.capped(tab)) {
            return find(user, tab, filter, sort, page, size, counts.get(tab));
        }
        Page<InboxItem> found = find(user, tab, filter, sort, page, size, counts.get(tab));
        long seen = (long) page * size + found.getNumberOfElements();
        long atLeast = Math.max(counts.get(tab), found.getNumberOfElements() == size ? seen + 1 : seen);
        return new PageImpl<>(found.getContent(), found.getPageable(), atLeast);
    }

    /**
     * One page in the given order, its total already known (a null total is counted).
     */
    public Page<InboxItem> find(
            CurrentUser user,
            InboxScope scope,
            InboxFilter filter,
            InboxSort sort,
            int page,
            int size,
            Long knownTotal) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<InboxItem> query = cb.createQuery(InboxItem.class);
        Root<InboxItem> root = query.from(InboxItem.class);
        query.where(spec(user, scope, filter, true).toPredicate(root, query, cb));
        query.orderBy(
                sort.descending() ? cb.desc(root.get(sort.attribute())) : cb.asc(root.get(sort.attribute())),
                sort.descending() ? cb.desc(root.get("taskId")) : cb.asc(root.get("taskId")));
        List<InboxItem> content = em.createQuery(query)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        PageRequest request = PageRequest.of(
                page,
                size,
                Sort.by(sort.descending() ? Sort.Direction.DESC : Sort.Direction.ASC, sort.attribute(), "taskId"));
        if (page == 0 && content.size() < size) {
            return new PageImpl<>(content, request, content.size());
        }
        return new PageImpl<>(
                content, request, knownTotal != null ? knownTotal : items.count(spec(user, scope, filter, false)));
    }

    public List<Step> taskKeys() {
        Steps cached = steps;
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt() < STEPS_TTL_NANOS) {
            return cached.steps();
        }
        List<Step> read = items.taskKeys().stream()
                .map(row -> new Step((String) row[0], (String) row[1], (String) row[2]))
                .toList();
        steps = new Steps(read, now);
        return read;
    }

    /**
     * The step filter's choices are read at most once a minute: they change only when a step gets its first open
     * task or loses its last, and reading them groups every row of the inbox (a quarter of the inbox page's time
     * at 2,000 open cases; docs/benchmarks.md). A step may so stay offered a minute after its last task closed.
     */
    private static final long STEPS_TTL_NANOS = 60_000_000_000L;

    private record Steps(List<Step> steps, long readAt) {}

    private volatile Steps steps;

    /** A step of the inbox's step filter: its key and the name of one of its tasks (Vietnamese, English). */
    public record Step(String key, String name, String nameEn) {}

    /**
     * The four tab counts, each counted up to {@code cap}: a tab holding more is reported as {@code cap + 1} and shown
     * as "{@code cap}+" (and its pages without a last page). Each tab is read as the ids of its first {@code cap + 1}
     * rows, so a count stops early instead of passing over every row the user sees — in a profile of the inbox page
     * at the benchmark's quick size the one-pass counts were 202 of its 268 samples, and that pass grows with the
     * inbox (docs/benchmarks.md).
     */
    public TabCounts counts(CurrentUser user, InboxFilter filter, int cap) {
        Map<InboxScope, Long> counts = new EnumMap<>(InboxScope.class);
        for (InboxScope tab : InboxScope.values()) {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<String> query = cb.createQuery(String.class);
            Root<InboxItem> root = query.from(InboxItem.class);
            query.select(root.get("taskId"))
                    .where(spec(user, tab, filter, false).toPredicate(root, query, cb));
            counts.put(tab, (long)
                    em.createQuery(query).setMaxResults(cap + 1).getResultList().size());
        }
        return new TabCounts(counts, cap);
    }

    /** Tab counts, each exact up to {@code cap}; {@code cap + 1} stands for "more than {@code cap}". */
    public record TabCounts(Map<InboxScope, Long> counts, int cap) {

        public long get(InboxScope tab) {
            return counts.get(tab);
        }

        /** Whether the tab holds more rows than were counted. */
        public boolean capped(InboxScope tab) {
            return counts.get(tab) > cap;
        }

        /** The count as a tab shows it: the number, or "{@code cap}+". */
        public String label(InboxScope tab) {
            return capped(tab) ? cap + "+" : Long.toString(counts.get(tab));
        }
    }

    /** Ids a query names at most (H2 checks each row it finds against the whole list). */
    static final int CHUNK = 200;

    /**
     * Of these open tasks, those the user may work — assigned to them, or offered to one of their groups (whoever
     * holds it now) — read from the inbox rows by primary key, {@value #CHUNK} ids a query: the dashboard puts the
     * escalations a supervisor may act on first (the engine's candidate query over 2,800 escalation tasks was 20%
     * of the dashboard's time; docs/benchmarks.md).
     */
    public java.util.Set<String> workableAmong(java.util.Collection<String> taskIds, CurrentUser user) {
        java.util.Set<String> workable = new java.util.HashSet<>();
        List<String> ids = List.copyOf(taskIds);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            CriteriaQuery<String> query = cb.createQuery(String.class);
            Root<InboxItem> root = query.from(InboxItem.class);
            query.select(root.get("taskId"))
                    .where(
                            root.get("taskId").in(ids.subList(from, Math.min(ids.size(), from + CHUNK))),
                            mayWork(user, root, cb));
            workable.addAll(em.createQuery(query).getResultList());
        }
        return workable;
    }

    /**
     * A query's test that the open task {@code taskId} names is one the user may work (assigned to them, or offered
     * to one of their groups, whoever holds it now) — {@link #workableAmong} as a subquery, so another module's query
     * can order or filter by it without reading the ids first.
     */
    public Predicate mayWork(
            Expression<String> taskId,
            jakarta.persistence.criteria.CommonAbstractCriteria query,
            CriteriaBuilder cb,
            CurrentUser user) {
        jakarta.persistence.criteria.Subquery<Integer> sub = query.subquery(Integer.class);
        Root<InboxItem> root = sub.from(InboxItem.class);
        sub.select(cb.literal(1)).where(cb.equal(root.get("taskId"), taskId), mayWork(user, root, cb));
        return cb.exists(sub);
    }

    /** Assigned to the user, or offered to one of the user's groups whoever holds it now. */
    private static Predicate mayWork(CurrentUser user, Root<InboxItem> root, CriteriaBuilder cb) {
        return cb.or(cb.equal(root.get("assignee"), user.username()), ofMyGroups(user, root, cb));
    }

    /**
     * The due instants of these open tasks that have one, by task id, read from the inbox rows {@value #CHUNK} ids
     * a query.
     */
    public Map<String, java.time.Instant> dueAmong(java.util.Collection<String> taskIds) {
        Map<String, java.time.Instant> due = new java.util.HashMap<>();
        openAmong(taskIds).forEach((id, task) -> {
            if (task.due() != null) {
                due.put(id, task.due());
            }
        });
        return due;
    }

    /** Who holds an open task and when it is due (either may be null). */
    public record Holder(String assignee, java.time.Instant due) {}

    /** Which of these tasks are open, with their holders and due instants, read {@value #CHUNK} ids a query. */
    public Map<String, Holder> openAmong(java.util.Collection<String> taskIds) {
        Map<String, Holder> open = new java.util.HashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(taskIds));
        CriteriaBuilder cb = em.getCriteriaBuilder();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
            Root<InboxItem> root = query.from(InboxItem.class);
            query.multiselect(root.get("taskId"), root.get("assignee"), root.get("dueAt"))
                    .where(root.get("taskId").in(ids.subList(from, Math.min(ids.size(), from + CHUNK))));
            for (Object[] row : em.createQuery(query).getResultList()) {
                open.put((String) row[0], new Holder((String) row[1], (java.time.Instant) row[2]));
            }
        }
        return open;
    }

    /** Offered to one of the user's groups (the row's group list holds one of them). */
    private static Predicate ofMyGroups(CurrentUser user, Root<InboxItem> root, CriteriaBuilder cb) {
        List<Predicate> any = new ArrayList<>();
        for (String group : user.groups()) {
            // coalesce: a task offered to no group is "not one of mine", not unknown (which "not" would hide)
            any.add(cb.like(cb.coalesce(root.<String>get("groupList"), ""), "%|" + likeLiteral(group) + "|%", '\\'));
        }
        return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
    }

    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Assigned to the user, or unassigned and offered to one of the user's groups. */
    private static Predicate workable(CurrentUser user, Root<InboxItem> root, CriteriaBuilder cb) {
        // coalesce: with a null assignee a plain comparison is unknown, and "not unknown" would hide the row
        var assignee = cb.coalesce(root.<String>get("assignee"), "");
        return cb.or(cb.equal(assignee, user.username()), cb.and(cb.equal(assignee, ""), ofMyGroups(user, root, cb)));
    }

    Specification<InboxItem> spec(CurrentUser user, InboxScope scope, InboxFilter filter, boolean forPage) {
        Instant now = clock.instant();
        return (root, query, cb) -> {
            List<Predicate> and = new ArrayList<>();
            if (!user.isAdmin() && !user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
                return cb.disjunction();
            }
            if (!user.isAdmin()) {
                and.add(cb.like(root.get("agencies"), "%|" + user.agency() + "|%"));
                and.add(cb.like(root.get("areaPath"), user.areaPath() + "%"));
            }
            if (scope != null) { // null: every task the user may see (the tab counts)
                switch (scope) {
                    case MINE -> and.add(cb.equal(root.get("assignee"), user.username()));
                    case GROUP -> {
                        // for a page, "unassigned" is written so that the planner walks the (due_at, task_id)
                        // index and stops after one page instead of sorting every unassigned row
                        and.add(
                                forPage
                                        ? cb.equal(cb.coalesce(root.<String>get("assignee"), ""), "")
                                        : cb.isNull(root.get("assignee")));
                        and.add(ofMyGroups(user, root, cb));
                    }
                    case ALL -> and.add(workable(user, root, cb));
                    case WATCH -> and.add(cb.not(workable(user, root, cb)));
                }
            }
            if (filter.caseType() != null && !filter.caseType().isBlank()) {
                and.add(cb.equal(root.get("caseType"), filter.caseType()));
            }
            if (filter.taskKey() != null && !filter.taskKey().isBlank()) {
                and.add(cb.equal(root.get("taskKey"), filter.taskKey()));
            }
            if (Boolean.TRUE.equals(filter.overdue())) {
                and.add(cb.lessThan(root.get("dueAt"), now));
            } else if (Boolean.FALSE.equals(filter.overdue())) {
                and.add(cb.or(cb.isNull(root.get("dueAt")), cb.greaterThanOrEqualTo(root.get("dueAt"), now)));
            }
            if (filter.dueWithinDays() != null) {
                and.add(cb.lessThanOrEqualTo(root.get("dueAt"), now.plus(Duration.ofDays(filter.dueWithinDays()))));
            }
            switch (filter.followUp()) {
                case DUE ->
                    and.add(cb.or(cb.isNull(root.get("followUp")), cb.lessThanOrEqualTo(root.get("followUp"), now)));
                case LATER -> and.add(cb.greaterThan(root.get("followUp"), now));
                case ALL -> {
                    // every task
                }
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                // case code, case title and step, without diacritics or case (typed plain, it finds the words written
                // with diacritics)
                and.add(cb.like(root.get("searchText"), Folding.containsPattern(filter.text()), '\\'));
            }
            return cb.and(and.toArray(Predicate[]::new));
        };
    }
}
