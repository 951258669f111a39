package vn.tandem.inbox;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.identity.CurrentUser;

/**
 * Queries the inbox read model: a tab, filters, the user's visibility (agency taking part in the case and the
 * case in the user's area subtree, admins see all), sorted by due date ascending.
 */
@Service
@Transactional(readOnly = true)
public class InboxQuery {

    private final InboxItems items;
    private final Clock clock;

    InboxQuery(InboxItems items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    public Page<InboxItem> find(CurrentUser user, InboxScope scope, InboxFilter filter, int page, int size) {
        Sort sort = Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("createdAt"),
                Sort.Order.asc("taskId"));
        return items.findAll(spec(user, scope, filter), PageRequest.of(page, size, sort));
    }

    public Map<InboxScope, Long> counts(CurrentUser user, InboxFilter filter) {
        Map<InboxScope, Long> counts = new EnumMap<>(InboxScope.class);
        for (InboxScope scope : InboxScope.values()) {
            counts.put(scope, items.count(spec(user, scope, filter)));
        }
        return counts;
    }

    Specification<InboxItem> spec(CurrentUser user, InboxScope scope, InboxFilter filter) {
        Instant now = clock.instant();
        return (root, query, cb) -> {
            List<Predicate> and = new ArrayList<>();
            if (!user.isAdmin()) {
                and.add(cb.like(root.get("agencies"), "%|" + user.agency() + "|%"));
                and.add(cb.like(root.get("areaPath"), user.areaPath() + "%"));
            }
            switch (scope) {
                case MINE -> and.add(cb.equal(root.get("assignee"), user.username()));
                case GROUP -> {
                    Subquery<String> candidates = query.subquery(String.class);
                    var item = candidates.from(InboxItem.class);
                    var group = item.join("candidateGroups");
                    candidates.select(item.get("taskId")).where(group.in(user.groups()));
                    and.add(cb.isNull(root.get("assignee")));
                    and.add(root.get("taskId").in(candidates));
                }
                case ALL -> {
                    // visibility only
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
            if (filter.text() != null && !filter.text().isBlank()) {
                String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%";
                and.add(cb.or(cb.like(cb.lower(root.get("caseCode")), like),
                        cb.like(cb.lower(root.get("caseTitle")), like)));
            }
            return cb.and(and.toArray(Predicate[]::new));
        };
    }
}
