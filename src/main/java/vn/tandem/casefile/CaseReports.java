package vn.tandem.casefile;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.common.ReportScope;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Role;

/**
 * The cases a period report reads: every case the user may see, in the scope's area subtree and led by its agency,
 * that was alive during the period (received by its end, not closed before its start), and those among them on which
 * a hot spot was raised during the period.
 */
@Service
@Transactional(readOnly = true)
public class CaseReports {

    /** The cases alive during a period and the ids of those that became hot spots in it. */
    public record InPeriod(List<Case> cases, Set<Long> hotspotsRaised) {}

    private final Cases cases;
    private final TimelineEntries timeline;
    private final Clock clock;

    CaseReports(Cases cases, TimelineEntries timeline, Clock clock) {
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
    }

    public InPeriod inPeriod(ReportScope scope, CurrentUser user) {
        Instant start = scope.start(clock.getZone());
        Instant end = scope.end(clock.getZone());
        if (!user.isAdmin() && !user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            return new InPeriod(List.of(), Set.of());
        }
        List<Case> alive = cases.findAll(alive(scope, user, start, end));
        Set<Long> ids = new HashSet<>();
        alive.forEach(c -> ids.add(c.getId()));
        Set<Long> hotspots = new HashSet<>(timeline.casesWithEntryBetween("HOTSPOT", start, end));
        hotspots.retainAll(ids);
        return new InPeriod(alive, hotspots);
    }

    /** How many cases a report of this scope reads (to tell a large report, made in the background). */
    public long count(ReportScope scope, CurrentUser user) {
        if (!user.isAdmin() && !user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            return 0;
        }
        return cases.count(alive(scope, user, scope.start(clock.getZone()), scope.end(clock.getZone())));
    }

    private static Specification<Case> alive(ReportScope scope, CurrentUser user, Instant start, Instant end) {
        return (root, query, cb) -> {
            List<Predicate> and = new ArrayList<>();
            and.add(cb.lessThan(root.get("receivedAt"), end));
            and.add(cb.or(cb.isNull(root.get("closedAt")), cb.greaterThanOrEqualTo(root.get("closedAt"), start)));
            and.add(cb.like(root.get("areaPath"), scope.areaPattern(), '\\'));
            if (scope.agency() != null) {
                and.add(cb.equal(root.get("leadAgency"), scope.agency()));
            }
            if (!user.isAdmin()) {
                and.addAll(CaseFiles.visibleTo(user, root, query, cb));
            }
            return cb.and(and.toArray(Predicate[]::new));
        };
    }
}
