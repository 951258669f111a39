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

/**
 * A sign of trouble reported from the grassroots: what, where, how many people, how risky; then its triage (watched
 * until a day, promoted to a case, linked to one, or dismissed).
 */
@Entity
@Table(name = "signal")
public class Signal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long reportId;
    private Long unitId;
    private String agencyCode;
    private String areaPath;

    @Enumerated(EnumType.STRING)
    private SignalCategory category;

    private String place;
    private Integer peopleInvolved;

    @Enumerated(EnumType.STRING)
    private SignalRisk risk;

    private String description;
    private String source;

    @Enumerated(EnumType.STRING)
    private SignalStatus status;

    private LocalDate followUpOn;
    private String caseCode;
    private Instant reportedAt;
    private Instant updatedAt;

    protected Signal() {}

    Signal(SituationReport report, NewReport.NewSignal input, Instant at) {
        this.reportId = report.getId();
        this.unitId = report.getUnitId();
        this.agencyCode = report.getAgencyCode();
        this.areaPath = report.getAreaPath();
        this.category = input.category();
        this.place = input.place().strip();
        this.peopleInvolved = input.peopleInvolved();
        this.risk = input.risk();
        this.description = input.description().strip();
        this.source = input.source() == null || input.source().isBlank()
                ? null
                : input.source().strip();
        this.status = SignalStatus.NEW;
        this.reportedAt = at;
        this.updatedAt = at;
    }

    void watch(LocalDate until, Instant at) {
        this.status = SignalStatus.WATCHED;
        this.followUpOn = until;
        this.updatedAt = at;
    }

    void settle(SignalStatus settled, String code, Instant at) {
        this.status = settled;
        this.caseCode = code;
        this.followUpOn = null;
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
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

    public SignalCategory getCategory() {
        return category;
    }

    public String getPlace() {
        return place;
    }

    public Integer getPeopleInvolved() {
        return peopleInvolved;
    }

    public SignalRisk getRisk() {
        return risk;
    }

    public String getDescription() {
        return description;
    }

    public String getSource() {
        return source;
    }

    public SignalStatus getStatus() {
        return status;
    }

    public LocalDate getFollowUpOn() {
        return followUpOn;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
