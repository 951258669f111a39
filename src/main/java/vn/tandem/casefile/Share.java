package vn.tandem.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;

/** The sharing of a case with another agency. */
@Embeddable
public class Share {

    @Column(name = "agency_code")
    private String agencyCode;

    @Enumerated(EnumType.STRING)
    private ShareMode mode;

    private String reason;
    private String sharedBy;
    private Instant sharedAt;

    protected Share() {}

    Share(String agencyCode, ShareMode mode, String reason, String sharedBy, Instant sharedAt) {
        this.agencyCode = agencyCode;
        this.mode = mode;
        this.reason = reason;
        this.sharedBy = sharedBy;
        this.sharedAt = sharedAt;
    }

    void upgradeTo(ShareMode newMode, String newReason, String by, Instant at) {
        this.mode = newMode;
        this.reason = newReason;
        this.sharedBy = by;
        this.sharedAt = at;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public ShareMode getMode() {
        return mode;
    }

    public String getReason() {
        return reason;
    }

    public String getSharedBy() {
        return sharedBy;
    }

    public Instant getSharedAt() {
        return sharedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Share other && Objects.equals(agencyCode, other.agencyCode);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(agencyCode);
    }
}
