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

/** One step of a signal's history: reported, watched, promoted, linked or dismissed, by whom and why. */
@Entity
@Table(name = "signal_event")
public class SignalEvent {

    /** What happened to the signal. */
    public enum Action {
        REPORTED,
        WATCHED,
        PROMOTED,
        LINKED,
        DISMISSED,
        PHOTO_ADDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long signalId;

    @Enumerated(EnumType.STRING)
    private Action action;

    private String actor;
    private Instant at;
    private String note;
    private String caseCode;
    private LocalDate followUpOn;

    protected SignalEvent() {}

    SignalEvent(
            Long signalId,
            Action action,
            String actor,
            Instant at,
            String note,
            String caseCode,
            LocalDate followUpOn) {
        this.signalId = signalId;
        this.action = action;
        this.actor = actor;
        this.at = at;
        this.note = note;
        this.caseCode = caseCode;
        this.followUpOn = followUpOn;
    }

    public Long getSignalId() {
        return signalId;
    }

    public Action getAction() {
        return action;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public String getNote() {
        return note;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public LocalDate getFollowUpOn() {
        return followUpOn;
    }
}
