package vn.tandem.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A link between related cases, e.g. a duplicate merged into an existing case. */
@Entity
@Table(name = "case_link")
public class CaseLink {

    public static final String MERGED_INTO = "MERGED_INTO";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private Long relatedCaseId;
    private String kind;
    private Instant createdAt;

    protected CaseLink() {}

    CaseLink(Long caseId, Long relatedCaseId, String kind, Instant createdAt) {
        this.caseId = caseId;
        this.relatedCaseId = relatedCaseId;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getRelatedCaseId() {
        return relatedCaseId;
    }

    public String getKind() {
        return kind;
    }
}
