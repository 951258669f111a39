package vn.tandem.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * What a security-and-order incident needs at intake beyond a grievance's facts: when it happened, how it was
 * detected, how many people were involved, injuries or damage, and the forces on scene. Empty for other cases.
 */
@Embeddable
public class IncidentFacts {

    @Column(name = "incident_occurred_at")
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "incident_detected_by")
    private Detection detectedBy;

    @Column(name = "incident_people")
    private Integer peopleInvolved;

    @Column(name = "incident_harm")
    private String harm;

    @Column(name = "incident_forces")
    private String forcesOnScene;

    protected IncidentFacts() {}

    IncidentFacts(Instant occurredAt, Detection detectedBy, Integer peopleInvolved, String harm, String forcesOnScene) {
        this.occurredAt = occurredAt;
        this.detectedBy = detectedBy;
        this.peopleInvolved = peopleInvolved;
        this.harm = harm;
        this.forcesOnScene = forcesOnScene;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Detection getDetectedBy() {
        return detectedBy;
    }

    public Integer getPeopleInvolved() {
        return peopleInvolved;
    }

    /** Injuries or damage, as reported. */
    public String getHarm() {
        return harm;
    }

    /** The forces on scene (units, people, means), as reported. */
    public String getForcesOnScene() {
        return forcesOnScene;
    }
}
