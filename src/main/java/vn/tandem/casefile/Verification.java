package vn.tandem.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One agency's verification of a case (its findings, the risk it sees, its recommendation), in a round. */
@Entity
@Immutable
@Table(name = "verification")
public class Verification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;
    private String agencyCode;

    @Column(name = "round_no")
    private int round;

    private String findings;
    private String riskLevel;
    private String recommendation;
    private String verifiedBy;
    private Instant verifiedAt;
    private String taskId;

    protected Verification() {}

    Verification(
            Long caseId,
            String agencyCode,
            int round,
            String findings,
            String riskLevel,
            String recommendation,
            String verifiedBy,
            Instant verifiedAt,
            String taskId) {
        this.caseId = caseId;
        this.agencyCode = agencyCode;
        this.round = round;
        this.findings = findings;
        this.riskLevel = riskLevel;
        this.recommendation = recommendation;
        this.verifiedBy = verifiedBy;
        this.verifiedAt = verifiedAt;
        this.taskId = taskId;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public int getRound() {
        return round;
    }

    public String getFindings() {
        return findings;
    }

    public String getRiskLevel() {
        return riskLevel;
    }

    public String getRecommendation() {
        return recommendation;
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }
}
