package vn.tandem.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline moved by written decision: within the statutory limit it only moves the provincial target; beyond
 * it, it is a legal extension (counted against the rule's cap) and moves the statutory limit too.
 */
@Entity
@Table(name = "deadline_extension")
@EntityListeners(ClockChanges.class)
public class DeadlineExtension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;

    @Enumerated(EnumType.STRING)
    private LegalStep legalStep;

    private String taskId;
    private Long escalationId;
    private String decisionNo;
    private LocalDate decisionDate;
    private String reason;
    private LocalDate previousDue;
    private LocalDate newDue;
    private LocalDate previousStatutory;
    private LocalDate newStatutory;
    private boolean legal;
    private String createdBy;
    private Instant createdAt;

    protected DeadlineExtension() {}

    DeadlineExtension(
            Long caseId,
            LegalStep legalStep,
            String taskId,
            Long escalationId,
            String decisionNo,
            LocalDate decisionDate,
            String reason,
            LocalDate previousDue,
            LocalDate newDue,
            LocalDate previousStatutory,
            LocalDate newStatutory,
            boolean legal,
            String createdBy,
            Instant createdAt) {
        this.caseId = caseId;
        this.legalStep = legalStep;
        this.taskId = taskId;
        this.escalationId = escalationId;
        this.decisionNo = decisionNo;
        this.decisionDate = decisionDate;
        this.reason = reason;
        this.previousDue = previousDue;
        this.newDue = newDue;
        this.previousStatutory = previousStatutory;
        this.newStatutory = newStatutory;
        this.legal = legal;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public LegalStep getLegalStep() {
        return legalStep;
    }

    public String getTaskId() {
        return taskId;
    }

    public Long getEscalationId() {
        return escalationId;
    }

    public String getDecisionNo() {
        return decisionNo;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getPreviousDue() {
        return previousDue;
    }

    public LocalDate getNewDue() {
        return newDue;
    }

    public LocalDate getPreviousStatutory() {
        return previousStatutory;
    }

    public LocalDate getNewStatutory() {
        return newStatutory;
    }

    public boolean isLegal() {
        return legal;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
