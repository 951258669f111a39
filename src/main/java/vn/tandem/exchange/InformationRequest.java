package vn.tandem.exchange;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A request for information from one agency to the other (trao đổi thông tin): about a case, or about a unit's area
 * and a topic without a case.
 */
@Entity
@Table(name = "information_request")
public class InformationRequest {

    /** Where a request stands. */
    public enum Status {
        OPEN,
        ANSWERED,
        ACKNOWLEDGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private String fromAgency;
    private String toAgency;
    private String question;
    private String urgency;
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String requestedBy;
    private Instant requestedAt;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private String processInstanceId;
    private Long unitId;
    private String areaPath;
    private String topic;
    private String documentName;
    private String documentType;
    private Long documentSize;
    private String documentKey;

    @Version
    private long version;

    protected InformationRequest() {}

    InformationRequest(
            Long caseId,
            String fromAgency,
            String toAgency,
            String question,
            String urgency,
            Instant dueAt,
            String requestedBy,
            Instant requestedAt) {
        this.caseId = caseId;
        this.fromAgency = fromAgency;
        this.toAgency = toAgency;
        this.question = question;
        this.urgency = urgency;
        this.dueAt = dueAt;
        this.status = Status.OPEN;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    /** A request about a unit's area and a topic, without a case. */
    static InformationRequest aboutUnit(
            Long unitId,
            String areaPath,
            String topic,
            String fromAgency,
            String toAgency,
            String question,
            String urgency,
            Instant dueAt,
            String requestedBy,
            Instant requestedAt) {
        InformationRequest r =
                new InformationRequest(null, fromAgency, toAgency, question, urgency, dueAt, requestedBy, requestedAt);
        r.unitId = unitId;
        r.areaPath = areaPath;
        r.topic = topic;
        return r;
    }

    void document(String name, String type, long size, String key) {
        this.documentName = name;
        this.documentType = type;
        this.documentSize = size;
        this.documentKey = key;
    }

    /** Whether the request is about a unit and a topic rather than a case. */
    public boolean isWithoutCase() {
        return caseId == null;
    }

    /** The business key of the process of a request without a case (a case's requests use the case id). */
    public String businessKey() {
        return caseId == null ? KEY_PREFIX + id : caseId.toString();
    }

    /** The prefix of the business key of a request without a case. */
    public static final String KEY_PREFIX = "IR-";

    /** How people refer to a request without a case (no case code). */
    public String reference() {
        return "TD-" + id;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getAreaPath() {
        return areaPath;
    }

    public String getTopic() {
        return topic;
    }

    public String getDocumentName() {
        return documentName;
    }

    public String getDocumentType() {
        return documentType;
    }

    public Long getDocumentSize() {
        return documentSize;
    }

    String getDocumentKey() {
        return documentKey;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void answered(String answer, String by, Instant at) {
        this.answer = answer;
        this.answeredBy = by;
        this.answeredAt = at;
        this.status = Status.ANSWERED;
    }

    void followUp(String question) {
        this.question = this.question + "\n\n— " + question;
        this.status = Status.OPEN;
    }

    void acknowledged(String by, Instant at) {
        this.acknowledgedBy = by;
        this.acknowledgedAt = at;
        this.status = Status.ACKNOWLEDGED;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getFromAgency() {
        return fromAgency;
    }

    public String getToAgency() {
        return toAgency;
    }

    public String getQuestion() {
        return question;
    }

    public String getUrgency() {
        return urgency;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getAnswer() {
        return answer;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
