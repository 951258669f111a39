package vn.tandem.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One version of a case's proposed solution (phương án) and the supervisor's decision on it. An incident's response
 * plan also names its measures by kind: dialogue, persuasion and communication, presence of forces, legal measures.
 */
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
    private String dialogue;
    private String persuasion;
    private String forcesPresence;
    private String legalMeasures;
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

    /** An incident's response plan: the plan and its measures by kind (blank kinds are left out). */
    static SolutionPlan response(
            Long caseId, int version, String planText, ResponseMeasures measures, String author, Instant createdAt) {
        SolutionPlan plan = new SolutionPlan(caseId, version, planText, null, author, createdAt);
        plan.dialogue = measures.dialogue();
        plan.persuasion = measures.persuasion();
        plan.forcesPresence = measures.forcesPresence();
        plan.legalMeasures = measures.legalMeasures();
        return plan;
    }

    /** The measures of an incident's response plan by kind, each null when the plan has none of that kind. */
    public record ResponseMeasures(String dialogue, String persuasion, String forcesPresence, String legalMeasures) {

        public ResponseMeasures {
            dialogue = blankToNull(dialogue);
            persuasion = blankToNull(persuasion);
            forcesPresence = blankToNull(forcesPresence);
            legalMeasures = blankToNull(legalMeasures);
        }

        public boolean isEmpty() {
            return dialogue == null && persuasion == null && forcesPresence == null && legalMeasures == null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
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

    /** The measures by kind of an incident's response plan (all null for a grievance's solution plan). */
    public ResponseMeasures getResponseMeasures() {
        return new ResponseMeasures(dialogue, persuasion, forcesPresence, legalMeasures);
    }
}
