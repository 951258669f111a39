package vn.tandem.situation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A unit's reporting schedule when an administrator changed it; a unit without one reports weekly. */
@Entity
@Table(name = "report_schedule")
public class ReportSchedule {

    @Id
    private Long unitId;

    @Enumerated(EnumType.STRING)
    private ReportPeriod period;

    private boolean active;
    private String changedBy;
    private Instant changedAt;

    protected ReportSchedule() {}

    ReportSchedule(Long unitId) {
        this.unitId = unitId;
        this.period = ReportPeriod.WEEKLY;
        this.active = true;
    }

    void change(ReportPeriod period, boolean active, String by, Instant at) {
        this.period = period;
        this.active = active;
        this.changedBy = by;
        this.changedAt = at;
    }

    public Long getUnitId() {
        return unitId;
    }

    public ReportPeriod getPeriod() {
        return period;
    }

    public boolean isActive() {
        return active;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
