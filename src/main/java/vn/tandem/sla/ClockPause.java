package vn.tandem.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An interval during which a case's legal clock stood still, with the reason. */
@Entity
@Table(name = "clock_pause")
@EntityListeners(ClockChanges.class)
public class ClockPause {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private String reason;
    private String pausedBy;
    private Instant pausedAt;
    private String resumedBy;
    private Instant resumedAt;

    protected ClockPause() {}

    ClockPause(Long caseId, String reason, String pausedBy, Instant pausedAt) {
        this.caseId = caseId;
        this.reason = reason;
        this.pausedBy = pausedBy;
        this.pausedAt = pausedAt;
    }

    void resume(String by, Instant at) {
        this.resumedBy = by;
        this.resumedAt = at;
    }

    public boolean isOpen() {
        return resumedAt == null;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getReason() {
        return reason;
    }

    public String getPausedBy() {
        return pausedBy;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public String getResumedBy() {
        return resumedBy;
    }

    public Instant getResumedAt() {
        return resumedAt;
    }
}
