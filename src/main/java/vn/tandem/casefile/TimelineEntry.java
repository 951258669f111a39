package vn.tandem.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One event on a case's timeline: a process step, a share, a comment, an attachment, an information request.
 * {@code details} is JSON: a list of labelled values ({@code [{label, labelEn, value}]}) or a plain note.
 */
@Entity
@Immutable
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private Instant at;
    private String actor;
    private String kind;
    private String title;
    private String details;
    private String refType;
    private String refId;

    protected TimelineEntry() {}

    TimelineEntry(
            Long caseId,
            Instant at,
            String actor,
            String kind,
            String title,
            String details,
            String refType,
            String refId) {
        this.caseId = caseId;
        this.at = at;
        this.actor = actor;
        this.kind = kind;
        this.title = title;
        this.details = details;
        this.refType = refType;
        this.refId = refId;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getDetails() {
        return details;
    }

    public String getRefType() {
        return refType;
    }

    public String getRefId() {
        return refId;
    }
}
