package vn.tandem.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
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

    public Page<AuditEntry> search(AuditQuery query, int page, int size) {
        List<AuditEntry> content = select(query, page * size, size);
        var cb = em.getCriteriaBuilder();
        var count = cb.createQuery(Long.class);
        Root<AuditEntry> root = count.from(AuditEntry.class);
        count.select(cb.count(root)).where(predicates(query, cb, root));
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
        select.where(predicates(query, cb, root)).orderBy(cb.desc(root.get("id")));
        return em.createQuery(select)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    private Predicate[] predicates(AuditQuery q, CriteriaBuilder cb, Root<AuditEntry> root) {
        List<Predicate> and = new ArrayList<>();
        if (q.actor() != null && !q.actor().isBlank()) {
            and.add(cb.equal(root.get("actor"), q.actor().strip()));
        }
        if (q.caseCode() != null && !q.caseCode().isBlank()) {
            and.add(cb.equal(root.get("caseCode"), q.caseCode().strip()));
        }
        if (q.action() != null && !q.action().isBlank()) {
            and.add(cb.equal(root.get("action"), q.action().strip()));
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
