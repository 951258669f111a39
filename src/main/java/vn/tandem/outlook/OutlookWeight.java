package vn.tandem.outlook;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One weight or level threshold of the outlook, as an administrator last set it. */
@Entity
@Table(name = "outlook_weight")
public class OutlookWeight {

    @Id
    private String code;

    private double weight;
    private String changedBy;
    private Instant changedAt;

    protected OutlookWeight() {}

    void change(double weight, String by, Instant at) {
        this.weight = weight;
        this.changedBy = by;
        this.changedAt = at;
    }

    public String getCode() {
        return code;
    }

    public double getWeight() {
        return weight;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
