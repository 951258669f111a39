package vn.tandem.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import vn.tandem.casefile.Complexity;

/**
 * A case's complexity decided after acceptance by the lead supervisor, with the written decision it rests on; for a
 * denunciation the same decision extends the resolution (Luật Tố cáo 2018 Art. 30), recorded as its extension.
 */
@Entity
@Table(name = "complexity_decision")
public class ComplexityDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;

    @Enumerated(EnumType.STRING)
    private Complexity previousLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "new_level")
    private Complexity level;

    private String decisionNumber;
    private LocalDate decisionDate;
    private String reason;
    private Long extensionId;
    private String decidedBy;
    private Instant decidedAt;

    protected ComplexityDecision() {}

    ComplexityDecision(
            Long caseId,
            Complexity previousLevel,
            Complexity level,
            String decisionNumber,
            LocalDate decisionDate,
            String reason,
            Long extensionId,
            String decidedBy,
            Instant decidedAt) {
        this.caseId = caseId;
        this.previousLevel = previousLevel;
        this.level = level;
        this.decisionNumber = decisionNumber;
        this.decisionDate = decisionDate;
        this.reason = reason;
        this.extensionId = extensionId;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Complexity getPreviousLevel() {
        return previousLevel;
    }

    public Complexity getLevel() {
        return level;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public String getReason() {
        return reason;
    }

    public Long getExtensionId() {
        return extensionId;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
