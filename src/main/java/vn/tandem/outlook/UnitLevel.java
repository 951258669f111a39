package vn.tandem.outlook;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A unit's last known outlook level (so a crossing into HIGH or CRITICAL is told once, on one node). */
@Entity
@Table(name = "outlook_level")
class UnitLevel {

    @Id
    private Long unitId;

    @Enumerated(EnumType.STRING)
    private OutlookLevel level;

    private double score;
    private Instant changedAt;

    @Version
    private long version;

    protected UnitLevel() {}

    UnitLevel(Long unitId) {
        this.unitId = unitId;
        this.level = OutlookLevel.LOW;
    }

    void set(OutlookLevel level, double score, Instant at) {
        this.level = level;
        this.score = score;
        this.changedAt = at;
    }

    OutlookLevel getLevel() {
        return level;
    }
}
