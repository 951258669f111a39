package vn.tandem.casefile;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.tandem.common.Folding;

/**
 * A case (vụ việc): a grievance or a security-and-order incident that the lead agency handles with its partner.
 * The id is the business key of its processes.
 */
@Entity(name = "CaseFile")
@Table(name = "cases")
@EntityListeners(CaseChanges.class)
public class Case {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Enumerated(EnumType.STRING)
    private CaseType type;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String title;

    /** The code and title folded for search ({@link Folding}), kept by the entity itself. */
    private String searchText;

    private String description;
    private String location;
    private Long areaId;
    private String areaPath;
    private Long unitId;
    private String leadAgency;
    private String assignedOfficer;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String outcomeNote;
    private int reopenCount;
    private int crowdSize;
    private boolean crowd;
    private boolean hotspot;
    private boolean levelSkipping;
    private Instant receivedAt;
    private String createdBy;
    private Instant updatedAt;
    private Instant closedAt;
    private Instant acceptedAt;

    @Enumerated(EnumType.STRING)
    private Complexity complexity = Complexity.STANDARD;

    private boolean severalSites;
    private LocalDate decisionKnownOn;
    private Instant decidedAt;
    private Instant reopenedAt;
    private Instant verifiedAt;
    private boolean remoteArea;

    @Embedded
    private IncidentFacts incident;

    @Column(name = "instance_no")
    private int instance = 1;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_shared_agency", joinColumns = @JoinColumn(name = "case_id"))
    private Set<Share> shares = new HashSet<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "case_id", insertable = false, updatable = false)
    @OrderBy("position")
    private List<Petitioner> petitioners = new ArrayList<>();

    protected Case() {}

    Case(
            String code,
            CaseType type,
            Channel channel,
            String title,
            String description,
            String location,
            Long areaId,
            String areaPath,
            Long unitId,
            String leadAgency,
            int crowdSize,
            boolean levelSkipping,
            Instant receivedAt,
            String createdBy) {
        this.code = code;
        this.type = type;
        this.channel = channel;
        this.title = title;
        this.description = description;
        this.location = location;
        this.areaId = areaId;
        this.areaPath = areaPath;
        this.unitId = unitId;
        this.leadAgency = leadAgency;
        this.crowdSize = crowdSize;
        this.crowd = crowdSize >= Hotspots.CROWD;
        this.levelSkipping = levelSkipping;
        this.status = CaseStatus.RECEIVED;
        this.receivedAt = receivedAt;
        this.updatedAt = receivedAt;
        this.createdBy = createdBy;
    }

    void addPetitioners(List<Petitioner> list) {
        for (Petitioner p : list) {
            p.attachTo(id);
            petitioners.add(p);
        }
    }

    /** Applies a process step; returns the fields that changed (for the audit trail). */
    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", status);
        s.put("outcome", outcome);
        s.put("assignedOfficer", assignedOfficer);
        s.put("reopenCount", reopenCount);
        s.put(
                "sharedAgencies",
                shares.stream()
                        .map(x -> x.getAgencyCode() + ":" + x.getMode())
                        .sorted()
                        .toList());
        return s;
    }

    void moveTo(CaseStatus newStatus, Outcome newOutcome, String note, boolean reopened, Instant at) {
        this.status = newStatus;
        if (reopened) {
            this.reopenCount++;
            this.outcome = null;
            this.reopenedAt = at;
            this.decidedAt = null;
            this.verifiedAt = null;
        } else if (newOutcome != null) {
            if (this.decidedAt == null
                    && (newOutcome == Outcome.RESOLVED
                            || newOutcome == Outcome.STABILIZED
                            || newOutcome == Outcome.TEMPORARILY_STABILIZED)) {
                this.decidedAt = at; // the resolution decision (a closing after monitoring keeps the first date)
            }
            this.outcome = newOutcome;
        }
        if (note != null) {
            this.outcomeNote = note;
        }
        this.closedAt = newStatus == CaseStatus.CLOSED ? at : null;
        this.updatedAt = at;
    }

    /** Filed at a level above the unit already handling the same matter. */
    void flagLevelSkipping(Instant at) {
        this.levelSkipping = true;
        this.updatedAt = at;
    }

    void flagHotspot(boolean raised, Instant at) {
        this.hotspot = raised;
        this.updatedAt = at;
    }

    void accept(String username, Complexity level, boolean sites, Instant at) {
        this.assignedOfficer = username;
        this.complexity = level == null ? Complexity.STANDARD : level;
        this.severalSites = this.severalSites || sites;
        this.acceptedAt = at;
        this.updatedAt = at;
    }

    void complexity(Complexity level, Instant at) {
        this.complexity = level;
        this.updatedAt = at;
    }

    /** The verification of every agency taking part is done (the solution can be proposed). */
    void verified(Instant at) {
        if (this.verifiedAt == null) {
            this.verifiedAt = at;
        }
    }

    /** Shares the case; a read-only share is upgraded to full. Returns whether anything changed. */
    boolean share(String agency, ShareMode mode, String reason, String by, Instant at) {
        if (agency.equals(leadAgency)) {
            return false;
        }
        Share existing = share(agency).orElse(null);
        if (existing == null) {
            shares.add(new Share(agency, mode, reason, by, at));
        } else if (existing.getMode() == ShareMode.READ_ONLY && mode == ShareMode.FULL) {
            existing.upgradeTo(mode, reason, by, at);
        } else {
            return false;
        }
        this.updatedAt = at;
        return true;
    }

    boolean unshare(String agency, Instant at) {
        boolean removed = shares.removeIf(s -> s.getAgencyCode().equals(agency));
        if (removed) {
            this.updatedAt = at;
        }
        return removed;
    }

    public Optional<Share> share(String agency) {
        return shares.stream().filter(s -> s.getAgencyCode().equals(agency)).findFirst();
    }

    /** The lead agency, or an agency sharing the case fully (not only asked for information). */
    public boolean takesFullPart(String agency) {
        return leadAgency.equals(agency)
                || share(agency).map(s -> s.getMode() == ShareMode.FULL).orElse(false);
    }

    public boolean isOpen() {
        return status != CaseStatus.CLOSED;
    }

    @PrePersist
    @PreUpdate
    void fold() {
        searchText = Folding.fold(1000, code, title);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public CaseType getType() {
        return type;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getLocation() {
        return location;
    }

    public Long getAreaId() {
        return areaId;
    }

    public String getAreaPath() {
        return areaPath;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getLeadAgency() {
        return leadAgency;
    }

    public String getAssignedOfficer() {
        return assignedOfficer;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public int getReopenCount() {
        return reopenCount;
    }

    public int getCrowdSize() {
        return crowdSize;
    }

    public boolean isCrowd() {
        return crowd;
    }

    public boolean isHotspot() {
        return hotspot;
    }

    public boolean isLevelSkipping() {
        return levelSkipping;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    /**
     * Records the rule variant facts known at intake: a remote area, the instance (1st or 2nd) of a complaint, a
     * denunciation about several sites, the day the complainant learned of the contested decision.
     */
    void variant(boolean remoteArea, int instance, boolean severalSites, LocalDate decisionKnownOn) {
        this.remoteArea = remoteArea;
        this.instance = instance;
        this.severalSites = severalSites;
        this.decisionKnownOn = decisionKnownOn;
    }

    /** An incident's facts from intake (null for grievances and for incidents recorded before they existed). */
    public IncidentFacts getIncident() {
        return incident; // Hibernate reads an embeddable whose columns are all null as null
    }

    void recordIncident(IncidentFacts facts) {
        this.incident = facts;
    }

    public boolean isRemoteArea() {
        return remoteArea;
    }

    public int getInstance() {
        return instance;
    }

    public boolean isComplex() {
        return complexity != Complexity.STANDARD;
    }

    public Complexity getComplexity() {
        return complexity;
    }

    public boolean isSeveralSites() {
        return severalSites;
    }

    /** When the complainant learned of the contested decision (complaints; opens the filing window), or null. */
    public LocalDate getDecisionKnownOn() {
        return decisionKnownOn;
    }

    /** When the resolution was decided (resolved, stabilized or temporarily stabilized), or null. */
    public Instant getDecidedAt() {
        return decidedAt;
    }

    /** When the case last reopened after a flare-up, or null. */
    public Instant getReopenedAt() {
        return reopenedAt;
    }

    /** When every agency's verification was done, or null. */
    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public Set<String> getSharedAgencies() {
        return shares.stream().map(Share::getAgencyCode).collect(Collectors.toUnmodifiableSet());
    }

    public List<Share> getShares() {
        return shares.stream()
                .sorted(Comparator.comparing(Share::getAgencyCode))
                .toList();
    }

    public List<Petitioner> getPetitioners() {
        return List.copyOf(petitioners);
    }

    /** Lead agency first, then the agencies the case is shared with. */
    public List<String> agencies() {
        List<String> all = new ArrayList<>();
        all.add(leadAgency);
        shares.stream()
                .map(Share::getAgencyCode)
                .filter(a -> !a.equals(leadAgency))
                .sorted()
                .forEach(all::add);
        return all;
    }
}
