package vn.tandem.casefile;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases a report looks at, every field optional: received between two days (inclusive, in the province's
 * zone), led by an agency, in a unit, of a type (a name of {@link CaseType}; an unknown name matches no case). The
 * same test in Java ({@link #matches}) and in a query ({@link #predicates}).
 */
public record CaseScope(LocalDate receivedFrom, LocalDate receivedTo, String agency, Long unitId, String type) {

    public static final CaseScope ALL = new CaseScope(null, null, null, null, null);

    /** Blank choices of a form mean "any". */
    public CaseScope {
        agency = agency == null || agency.isBlank() ? null : agency;
        type = type == null || type.isBlank() ? null : type;
    }

    public boolean matches(Case c, ZoneId zone) {
        LocalDate received = c.getReceivedAt().atZone(zone).toLocalDate();
        return (receivedFrom == null || !received.isBefore(receivedFrom))
                && (receivedTo == null || !received.isAfter(receivedTo))
                && (agency == null || agency.equals(c.getLeadAgency()))
                && (unitId == null || unitId.equals(c.getUnitId()))
                && (type == null || type.equals(c.getType().name()));
    }

    public List<Predicate> predicates(Root<Case> root, CriteriaBuilder cb, ZoneId zone) {
        List<Predicate> and = new ArrayList<>();
        if (receivedFrom != null) {
            and.add(cb.greaterThanOrEqualTo(
                    root.get("receivedAt"), receivedFrom.atStartOfDay(zone).toInstant()));
        }
        if (receivedTo != null) {
            and.add(cb.lessThan(
                    root.get("receivedAt"),
                    receivedTo.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (agency != null) {
            and.add(cb.equal(root.get("leadAgency"), agency));
        }
        if (unitId != null) {
            and.add(cb.equal(root.get("unitId"), unitId));
        }
        if (type != null) {
            CaseType known = java.util.Arrays.stream(CaseType.values())
                    .filter(t -> t.name().equals(type))
                    .findFirst()
                    .orElse(null);
            and.add(known == null ? cb.disjunction() : cb.equal(root.get("type"), known));
        }
        return and;
    }
}
