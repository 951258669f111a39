package vn.tandem.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** One audit record. Immutable: Hibernate never issues an UPDATE for it. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    private Long caseId;

    private String caseCode;

    private String entityType;

    private String entityId;

    private String details;

    private String clientIp;

    private Long tokenId;

    protected AuditEntry() {}

    AuditEntry(
            Instant at,
            String actor,
            String action,
            Long caseId,
            String caseCode,
            String entityType,
            String entityId,
            String details,
            String clientIp,
            Long tokenId) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.caseId = caseId;
        this.caseCode = caseCode;
        this.entityType = entityType;
        this.entityId = entityId;
        this.details = details;
        this.clientIp = clientIp;
        this.tokenId = tokenId;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getDetails() {
        return details;
    }

    public String getClientIp() {
        return clientIp;
    }

    /** The personal API token the action was made with, or null (a session, HTTP Basic, the system). */
    public Long getTokenId() {
        return tokenId;
    }

    /** The details as labelled fields, for reading. */
    public List<AuditDetails.Field> getDetailFields() {
        return AuditDetails.fields(details);
    }
}
