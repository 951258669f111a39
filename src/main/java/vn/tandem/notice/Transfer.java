package vn.tandem.notice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A case sent to the competent body at acceptance: to whom, why, and the receiving body's answer, awaited by a due
 * day (the receiving body's own acceptance limit for the case type, counted from the transfer).
 */
@Entity
@Table(name = "case_transfer")
public class Transfer {

    /** What the receiving body answered. */
    public enum AnswerKind {
        /** It accepted the matter for handling. */
        ACCEPTED,
        /** It settled the matter and said how. */
        RESOLVED,
        /** It sent the matter back: not within its competence either. */
        RETURNED
    }

    /** Where a transfer stands, for lists and filters. */
    public enum State {
        AWAITING,
        OVERDUE,
        ANSWERED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private String recipient;
    private String reason;
    private String transferredBy;
    private Instant transferredAt;
    private LocalDate answerDue;

    @Enumerated(EnumType.STRING)
    private AnswerKind answerKind;

    private String answerReference;
    private String answerNote;
    private LocalDate answeredOn;
    private String answeredBy;
    private Instant answeredAt;
    private LocalDate remindedOn;

    @Version
    private long version;

    protected Transfer() {}

    Transfer(long caseId, String recipient, String reason, String by, Instant at, LocalDate answerDue) {
        this.caseId = caseId;
        this.recipient = recipient;
        this.reason = reason;
        this.transferredBy = by;
        this.transferredAt = at;
        this.answerDue = answerDue;
    }

    void answer(AnswerKind kind, String reference, String note, LocalDate on, String by, Instant at) {
        this.answerKind = kind;
        this.answerReference = reference;
        this.answerNote = note;
        this.answeredOn = on;
        this.answeredBy = by;
        this.answeredAt = at;
    }

    public State state(LocalDate today) {
        if (answerKind != null) {
            return State.ANSWERED;
        }
        return today.isAfter(answerDue) ? State.OVERDUE : State.AWAITING;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getReason() {
        return reason;
    }

    public String getTransferredBy() {
        return transferredBy;
    }

    public Instant getTransferredAt() {
        return transferredAt;
    }

    public LocalDate getAnswerDue() {
        return answerDue;
    }

    public AnswerKind getAnswerKind() {
        return answerKind;
    }

    public String getAnswerReference() {
        return answerReference;
    }

    public String getAnswerNote() {
        return answerNote;
    }

    public LocalDate getAnsweredOn() {
        return answeredOn;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public LocalDate getRemindedOn() {
        return remindedOn;
    }
}
