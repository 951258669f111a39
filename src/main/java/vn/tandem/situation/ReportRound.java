package vn.tandem.situation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One scheduled report a unit owes: the period reported on, the day the round opened (the next period's first
 * day) and the day the report is due by the SITUATION_REPORT rule; filed by the report that covers the period.
 */
@Entity
@Table(name = "report_round")
public class ReportRound {

    /** The business key of a round's report task: this prefix and the round's id. */
    static final String KEY_PREFIX = "SR-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long unitId;
    private String agencyCode;
    private String areaPath;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private LocalDate openedOn;
    private LocalDate dueOn;
    private Long reportId;
    private Instant filedAt;

    protected ReportRound() {}

    ReportRound(
            Long unitId,
            String agencyCode,
            String areaPath,
            LocalDate periodFrom,
            LocalDate periodTo,
            LocalDate openedOn,
            LocalDate dueOn) {
        this.unitId = unitId;
        this.agencyCode = agencyCode;
        this.areaPath = areaPath;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.openedOn = openedOn;
        this.dueOn = dueOn;
    }

    void filed(Long reportId, Instant at) {
        this.reportId = reportId;
        this.filedAt = at;
    }

    /** Whether a report for {@code from}–{@code to} covers this round's whole period. */
    boolean coveredBy(LocalDate from, LocalDate to) {
        return !from.isAfter(periodFrom) && !to.isBefore(periodTo);
    }

    public String businessKey() {
        return KEY_PREFIX + id;
    }

    /** How people refer to the round (BC: báo cáo). */
    public String reference() {
        return "BC-" + id;
    }

    public boolean isFiled() {
        return reportId != null;
    }

    /** Whether the report came after its due day, or is still missing after it on {@code today}. */
    public boolean isLate(LocalDate today, ZoneId zone) {
        LocalDate day = filedAt == null ? today : filedAt.atZone(zone).toLocalDate();
        return day.isAfter(dueOn);
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

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Long getReportId() {
        return reportId;
    }

    public Instant getFiledAt() {
        return filedAt;
    }
}
