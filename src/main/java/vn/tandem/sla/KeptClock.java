package vn.tandem.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.domain.Persistable;

/**
 * A case's legal clock as of its last change ({@link KeptClocks}): the dates its current clock changes state on,
 * and how its resolution clock ended. The dates of a running clock do not move from one day to the next, so which
 * open cases are at risk or breached today is a comparison with today in one query.
 */
@Entity
@Table(name = "case_clock_now")
public class KeptClock implements Persistable<Long> {

    /** Whether the current clock's dates hold. */
    public enum Kept {
        /** They hold until the case changes. */
        RUNNING,
        /** The clock stands still and its dates move every day: computed live. */
        PAUSED,
        /** No clock the dashboard counts (not open, under monitoring, or no rule applies). */
        NONE
    }

    @Id
    private Long caseId;

    @Enumerated(EnumType.STRING)
    private Kept kept;

    @Enumerated(EnumType.STRING)
    private LegalStep step;

    private LocalDate warningOn;
    private LocalDate dueOn;
    private LocalDate statutoryDueOn;
    private LocalDate resolveEndOn;
    private LocalDate resolveDueOn;
    private LocalDate resolveStatutoryDueOn;
    private Instant refreshedAt;

    @Transient
    private boolean fresh = true;

    protected KeptClock() {}

    KeptClock(Long caseId) {
        this.caseId = caseId;
    }

    void keep(
            Kept kept,
            LegalStep step,
            LocalDate warningOn,
            LocalDate dueOn,
            LocalDate statutoryDueOn,
            LocalDate resolveEndOn,
            LocalDate resolveDueOn,
            LocalDate resolveStatutoryDueOn,
            Instant at) {
        this.kept = kept;
        this.step = step;
        this.warningOn = warningOn;
        this.dueOn = dueOn;
        this.statutoryDueOn = statutoryDueOn;
        this.resolveEndOn = resolveEndOn;
        this.resolveDueOn = resolveDueOn;
        this.resolveStatutoryDueOn = resolveStatutoryDueOn;
        this.refreshedAt = at;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    @Override
    public Long getId() {
        return caseId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public Kept getKept() {
        return kept;
    }

    public LegalStep getStep() {
        return step;
    }

    public LocalDate getWarningOn() {
        return warningOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getStatutoryDueOn() {
        return statutoryDueOn;
    }

    public LocalDate getResolveEndOn() {
        return resolveEndOn;
    }

    public LocalDate getResolveDueOn() {
        return resolveDueOn;
    }

    public LocalDate getResolveStatutoryDueOn() {
        return resolveStatutoryDueOn;
    }
}
