package vn.tandem.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** One notice to one user, in both UI languages, with the page it points to. */
@Entity
@Table(name = "notification")
public class Notification {

    /** What happened. */
    public enum Kind {
        AT_RISK,
        BREACHED,
        ESCALATION,
        HOTSPOT,
        STATUTORY_BREACH,
        URGENT_REQUEST,
        /** A security-and-order incident received by another agency in the recipient's area. */
        INCIDENT_REPORTED,
        /** A commune unit's risk outlook crossed into HIGH or CRITICAL. */
        OUTLOOK,
        /** The same citizen filed the same matter elsewhere (another level or agency): the cases were linked. */
        SAME_MATTER,
        /** A transferred case's receiving body has not answered by the day it was awaited. */
        TRANSFER_OVERDUE,
        /** The receiving body sent a transferred case back: it needs a new decision. */
        TRANSFER_RETURNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private Long caseId;
    private String caseCode;
    private String titleVi;
    private String titleEn;
    private String message;
    private String link;
    private Instant createdAt;
    private Instant readAt;

    protected Notification() {}

    Notification(
            String recipient,
            Kind kind,
            Long caseId,
            String caseCode,
            String titleVi,
            String titleEn,
            String message,
            String link,
            Instant createdAt) {
        this.recipient = recipient;
        this.kind = kind;
        this.caseId = caseId;
        this.caseCode = caseCode;
        this.titleVi = titleVi;
        this.titleEn = titleEn;
        this.message = message;
        this.link = link;
        this.createdAt = createdAt;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    /** The title as written, in Vietnamese or English (the notice's words live in {@link #getMessage()}). */
    String writtenTitle(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? titleEn : titleVi;
    }

    /** The notice's words as a {@link vn.tandem.common.Text} in JSON (null for notices written before). */
    public String getMessage() {
        return message;
    }

    public boolean isUnread() {
        return readAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public String getTitleVi() {
        return titleVi;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
