package vn.tandem.reception;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** A dialogue meeting of the agencies with citizens: participants, citizens, conclusions, the cases it was about. */
@Entity
@Table(name = "dialogue")
public class Dialogue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private LocalDate heldOn;
    private String place;
    private String agencyCode;
    private Long unitId;
    private String areaPath;
    private String participants;
    private int citizens;
    private String conclusions;
    private String searchText;
    private String createdBy;
    private Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dialogue_agency", joinColumns = @JoinColumn(name = "dialogue_id"))
    @Column(name = "agency_code")
    private Set<String> agencies = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dialogue_case", joinColumns = @JoinColumn(name = "dialogue_id"))
    @Column(name = "case_id")
    private Set<Long> caseIds = new LinkedHashSet<>();

    protected Dialogue() {}

    Dialogue(String by, Instant at) {
        this.createdBy = by;
        this.createdAt = at;
    }

    void set(
            LocalDate heldOn,
            String place,
            String agencyCode,
            Long unitId,
            String areaPath,
            String participants,
            Set<String> agencies,
            int citizens,
            String conclusions,
            Set<Long> caseIds,
            String searchText,
            String by,
            Instant at) {
        this.heldOn = heldOn;
        this.place = place;
        this.agencyCode = agencyCode;
        this.unitId = unitId;
        this.areaPath = areaPath;
        this.participants = participants;
        this.agencies = new LinkedHashSet<>(agencies);
        this.citizens = citizens;
        this.conclusions = conclusions;
        this.caseIds = new LinkedHashSet<>(caseIds);
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

    public String getParticipants() {
        return participants;
    }

    public Set<String> getAgencies() {
        return Set.copyOf(agencies);
    }

    public int getCitizens() {
        return citizens;
    }

    public String getConclusions() {
        return conclusions;
    }

    public Set<Long> getCaseIds() {
        return Set.copyOf(caseIds);
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
