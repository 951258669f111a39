package vn.tandem.reception;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A reception session: when and where, who received, regular or ad hoc, how many citizens, the matters raised. */
@Entity
@Table(name = "reception")
public class Reception {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private LocalDate heldOn;
    private boolean regular;
    private String place;
    private String agencyCode;
    private Long unitId;
    private String areaPath;
    private String receivedBy;
    private int citizens;
    private String notes;
    private String searchText;
    private String createdBy;
    private Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "reception_id", nullable = false)
    @OrderBy("position")
    private List<ReceptionMatter> matters = new ArrayList<>();

    protected Reception() {}

    Reception(String by, Instant at) {
        this.createdBy = by;
        this.createdAt = at;
    }

    void set(
            LocalDate heldOn,
            boolean regular,
            String place,
            String agencyCode,
            Long unitId,
            String areaPath,
            String receivedBy,
            int citizens,
            String notes,
            List<ReceptionMatter> matters,
            String searchText,
            String by,
            Instant at) {
        this.heldOn = heldOn;
        this.regular = regular;
        this.place = place;
        this.agencyCode = agencyCode;
        this.unitId = unitId;
        this.areaPath = areaPath;
        this.receivedBy = receivedBy;
        this.citizens = citizens;
        this.notes = notes;
        this.matters.clear();
        this.matters.addAll(matters);
        this.searchText = searchText;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public boolean isRegular() {
        return regular;
    }

    public String getPlace() {
        return place;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getAreaPath() {
        return areaPath;
    }

    public String getReceivedBy() {
        return receivedBy;
    }

    public int getCitizens() {
        return citizens;
    }

    public String getNotes() {
        return notes;
    }

    public List<ReceptionMatter> getMatters() {
        return List.copyOf(matters);
    }

    public long getVersion() {
        return version;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
