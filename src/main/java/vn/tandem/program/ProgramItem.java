package vn.tandem.program;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import vn.tandem.common.Folding;

/** A campaign, emulation drive or Dân vận khéo model, led by a unit of one agency. */
@Entity
@Table(name = "program_item")
public class ProgramItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private ProgramKind kind;

    private String title;
    private String agencyCode;
    private Long unitId;
    private String areaPath;

    @Enumerated(EnumType.STRING)
    private ModelField field;

    private String occasion;
    private LocalDate startDate;
    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    private ProgramStatus status;

    private String description;
    private String results;
    private String commendations;
    private String searchText;
    private String createdBy;
    private Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "program_item_unit", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "unit_id")
    private Set<Long> unitIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "program_item_case", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "case_id")
    private Set<Long> caseIds = new LinkedHashSet<>();

    protected ProgramItem() {}

    ProgramItem(ProgramKind kind, String by, Instant at) {
        this.kind = kind;
        this.createdBy = by;
        this.createdAt = at;
    }

    /** Sets everything the input says (already checked), the lead unit's agency and area, and who changed it. */
    void apply(ProgramInput in, String agency, String area, Set<Long> units, Set<Long> cases, String by, Instant at) {
        this.title = in.title().strip();
        this.unitId = in.unitId();
        this.agencyCode = agency;
        this.areaPath = area;
        this.field = kind == ProgramKind.MODEL ? in.field() : null;
        this.occasion = blankToNull(in.occasion());
        this.startDate = in.startDate();
        this.endDate = in.endDate();
        this.status = in.status();
        this.description = blankToNull(in.description());
        this.results = blankToNull(in.results());
        this.commendations = blankToNull(in.commendations());
        this.unitIds = new LinkedHashSet<>(units);
        this.caseIds = new LinkedHashSet<>(cases);
        this.searchText = Folding.fold(1000, title, occasion, description, results);
        this.updatedBy = by;
        this.updatedAt = at;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public ProgramKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
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

    public ModelField getField() {
        return field;
    }

    public String getOccasion() {
        return occasion;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public ProgramStatus getStatus() {
        return status;
    }

    public String getDescription() {
        return description;
    }

    public String getResults() {
        return results;
    }

    public String getCommendations() {
        return commendations;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public Set<Long> getUnitIds() {
        return Set.copyOf(unitIds);
    }

    public Set<Long> getCaseIds() {
        return Set.copyOf(caseIds);
    }
}
