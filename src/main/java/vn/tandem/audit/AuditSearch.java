package vn.tandem.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.common.Folding;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.web.Csv;

/** Searches and exports the audit trail (administrators). Read-only by construction. */
@Service
@Transactional(readOnly = true)
public class AuditSearch {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final int EXPORT_LIMIT = 100_000;

    private final EntityManager em;
    private final Clock clock;

    AuditSearch(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The actions recorded so far, for the search's list. */
    public List<String> actions() {
        return em.createQuery("select distinct e.action from AuditEntry e order by e.action", String.class)
                .getResultList();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    public Page<AuditEntry> search(AuditQuery query, int page, int size) {
        List<AuditEntry> content = select(query, page * size, size);
        var cb = em.getCriteriaBuilder();
        var count = cb.createQuery(Long.class);
        Root<AuditEntry> root = count.from(AuditEntry.class);
        count.select(cb.count(root)).where(predicates(query, cb, root, count));
        return new PageImpl<>(
                content, PageRequest.of(page, size), em.createQuery(count).getSingleResult());
    }

    /** The matching entries as a CSV table (the newest first, at most the export limit). */
    public Csv.Table export(AuditQuery query) {
        return new Csv.Table(
                "tandem-audit.csv",
                List.of("at", "actor", "action", "case", "entity", "entity_id", "details", "client_ip", "token_id"),
                select(query, 0, EXPORT_LIMIT).stream()
                        .map(e -> Arrays.asList(
                                CSV_TIME.format(e.getAt().atZone(clock.getZone())),
                                e.getActor(),
                                e.getAction(),
                                e.getCaseCode(),
                                e.getEntityType(),
                                e.getEntityId(),
                                e.getDetails(),
                                e.getClientIp(),
                                e.getTokenId() == null ? null : e.getTokenId().toString()))
                        .toList());
    }

    private List<AuditEntry> select(AuditQuery query, int offset, int limit) {
        var cb = em.getCriteriaBuilder();
        var select = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> root = select.from(AuditEntry.class);
        select.where(predicates(query, cb, root, select)).orderBy(cb.desc(root.get("id")));
        return em.createQuery(select)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    private Predicate[] predicates(AuditQuery q, CriteriaBuilder cb, Root<AuditEntry> root, AbstractQuery<?> query) {
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            throw new InvalidInputException("to", "audit.reversedRange");
        }
        List<Predicate> and = new ArrayList<>();
        if (present(q.actor())) {
            and.add(cb.like(cb.lower(root.get("actor")), Folding.containsPattern(q.actor()), '\\'));
        }
        if (present(q.caseCode())) {
            and.add(cb.like(cb.lower(root.get("caseCode")), Folding.containsPattern(q.caseCode()), '\\'));
        }
        if (present(q.action())) {
            and.add(cb.equal(root.get("action"), q.action().strip()));
        }
        if (present(q.text())) {
            // anything recorded (action, entity, details: names, reasons, values), without diacritics or case
            Subquery<Long> matching = query.subquery(Long.class);
            Root<AuditSearchText> text = matching.from(AuditSearchText.class);
            matching.select(text.get("entryId"))
                    .where(cb.like(text.get("folded"), Folding.containsPattern(q.text()), '\\'));
            and.add(root.get("id").in(matching));
        }
        if (q.from() != null) {
            and.add(cb.greaterThanOrEqualTo(
                    root.get("at"), q.from().atStartOfDay(clock.getZone()).toInstant()));
        }
        if (q.to() != null) {
            and.add(cb.lessThan(
                    root.get("at"),
                    q.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        }
        return and.toArray(Predicate[]::new);
    }
}
