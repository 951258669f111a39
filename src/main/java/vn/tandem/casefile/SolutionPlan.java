package vn.tandem.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a case's proposed solution (phương án) and the supervisor's decision on it. */
@Entity
@Table(name = "solution_plan")
public class SolutionPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private int version;
    private String planText;
    private String measures;
    private String author;
    private Instant createdAt;
    private String decision;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionComment;

    protected SolutionPlan() {}

    SolutionPlan(Long caseId, int version, String planText, String measures, String author, Instant createdAt) {
        this.caseId = caseId;
        this.version = version;
        this.planText = planText;
        this.measures = measures;
        this.author = author;
        this.createdAt = createdAt;
    }

    void decide(String decision, String by, Instant at, String comment) {
        this.decision = decision;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionComment = comment;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public int getVersion() {
        return version;
    }

    public String getPlanText() {
        return planText;
    }

    public String getMeasures() {
        return measures;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getDecision() {
        return decision;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionComment() {
        return decisionComment;
    }
}
