package vn.tandem.situation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One unit's report on its area's situation for a period (scheduled or ad hoc), carrying its signals. */
@Entity
@Table(name = "situation_report")
public class SituationReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long unitId;
    private String agencyCode;
    private String areaPath;
    private LocalDate periodFrom;
    private LocalDate periodTo;

    @Enumerated(EnumType.STRING)
    private Assessment assessment;

    private String submittedBy;
    private Instant submittedAt;
    private String idempotencyKey;

    protected SituationReport() {}

    SituationReport(
            Long unitId,
            String agencyCode,
            String areaPath,
            LocalDate periodFrom,
            LocalDate periodTo,
            Assessment assessment,
            String submittedBy,
            Instant submittedAt,
            String idempotencyKey) {
        this.unitId = unitId;
        this.agencyCode = agencyCode;
        this.areaPath = areaPath;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.assessment = assessment;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.idempotencyKey = idempotencyKey;
    }

    public Long getId() {
        return id;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getAreaPath() {
        return areaPath;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public Assessment getAssessment() {
        return assessment;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
