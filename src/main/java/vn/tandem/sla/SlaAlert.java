package vn.tandem.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.tandem.process.Threshold;

/** A threshold a task's SLA timer reached (WARNING, BREACH, STATUTORY): at most one per task and threshold. */
@Entity
@Table(name = "sla_alert")
public class SlaAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private String taskId;
    private String taskKey;
    private String taskName;

    @Enumerated(EnumType.STRING)
    private LegalStep legalStep;

    @Enumerated(EnumType.STRING)
    private Threshold threshold;

    private Instant firedAt;

    protected SlaAlert() {}

    SlaAlert(
            Long caseId,
            String taskId,
            String taskKey,
            String taskName,
            LegalStep legalStep,
            Threshold threshold,
            Instant firedAt) {
        this.caseId = caseId;
        this.taskId = taskId;
        this.taskKey = taskKey;
        this.taskName = taskName;
        this.legalStep = legalStep;
        this.threshold = threshold;
        this.firedAt = firedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getTaskName() {
        return taskName;
    }

    public LegalStep getLegalStep() {
        return legalStep;
    }

    public Threshold getThreshold() {
        return threshold;
    }

    public Instant getFiredAt() {
        return firedAt;
    }
}
