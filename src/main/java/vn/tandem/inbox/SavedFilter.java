package vn.tandem.inbox;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named inbox view: a tab and its criteria (the {@code /api/tasks} parameters), maybe shared with the unit. */
@Entity
@Table(name = "inbox_filter")
public class SavedFilter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String owner;
    private Long unitId;
    private String name;
    private String scope;
    private String criteria;
    private boolean shared;
    private Instant createdAt;

    protected SavedFilter() {}

    SavedFilter(String owner, Long unitId, String name, String scope, String criteria, boolean shared, Instant at) {
        this.owner = owner;
        this.unitId = unitId;
        this.name = name;
        this.scope = scope;
        this.criteria = criteria;
        this.shared = shared;
        this.createdAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getName() {
        return name;
    }

    public String getScope() {
        return scope;
    }

    public String getCriteria() {
        return criteria;
    }

    public boolean isShared() {
        return shared;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
