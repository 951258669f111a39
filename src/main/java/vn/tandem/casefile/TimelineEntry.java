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
 * {@code titleText} and {@code details} are JSON ({@link vn.tandem.common.Text}: message keys and arguments rendered in
 * the reader's language); {@code title} keeps the Vietnamese wording for exports and for entries written before
 * the keys (which have labels and values in both languages in {@code details}).
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
    private String titleText;
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
            String titleText,
            String details,
            String refType,
            String refId) {
        this.caseId = caseId;
        this.at = at;
        this.actor = actor;
        this.kind = kind;
        this.title = title;
        this.titleText = titleText;
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

    public String getTitleText() {
        return titleText;
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
