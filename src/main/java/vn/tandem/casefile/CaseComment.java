package vn.tandem.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A comment an officer or supervisor wrote on a case. */
@Entity
@Immutable
@Table(name = "case_comment")
public class CaseComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private String author;
    private Instant at;
    private String body;
    private String idempotencyKey;

    protected CaseComment() {}

    CaseComment(Long caseId, String author, Instant at, String body, String idempotencyKey) {
        this(caseId, author, at, body);
        this.idempotencyKey = idempotencyKey;
    }

    CaseComment(Long caseId, String author, Instant at, String body) {
        this.caseId = caseId;
        this.author = author;
        this.at = at;
        this.body = body;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getAt() {
        return at;
    }

    public String getBody() {
        return body;
    }
}
