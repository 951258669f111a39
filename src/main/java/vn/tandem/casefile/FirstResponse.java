package vn.tandem.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The first response to an incident on scene, by the agency that responds first: what the forces found, which forces
 * and units were deployed, what they did at once, and whether that settled it.
 */
@Entity
@Table(name = "first_response")
public class FirstResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private String agencyCode;
    private String situation;
    private String forces;
    private String measures;
    private boolean settled;
    private String respondedBy;
    private Instant respondedAt;
    private String taskId;

    protected FirstResponse() {}

    FirstResponse(
            Long caseId,
            String agencyCode,
            String situation,
            String forces,
            String measures,
            boolean settled,
            String respondedBy,
            Instant respondedAt,
            String taskId) {
        this.caseId = caseId;
        this.agencyCode = agencyCode;
        this.situation = situation;
        this.forces = forces;
        this.measures = measures;
        this.settled = settled;
        this.respondedBy = respondedBy;
        this.respondedAt = respondedAt;
        this.taskId = taskId;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getSituation() {
        return situation;
    }

    public String getForces() {
        return forces;
    }

    public String getMeasures() {
        return measures;
    }

    public boolean isSettled() {
        return settled;
    }

    public String getRespondedBy() {
        return respondedBy;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }
}
