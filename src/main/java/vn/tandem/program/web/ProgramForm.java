package vn.tandem.program.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import vn.tandem.program.ModelField;
import vn.tandem.program.ProgramInput;
import vn.tandem.program.ProgramItem;
import vn.tandem.program.ProgramStatus;

/** The program item form; linked cases as codes separated by commas, spaces or lines. */
public class ProgramForm {

    private String title;
    private Long unitId;
    private ModelField field;
    private String occasion;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;

    private ProgramStatus status = ProgramStatus.ACTIVE;
    private String description;
    private String results;
    private String commendations;
    private List<Long> unitIds = new ArrayList<>();
    private String caseCodes;
    private Long version;

    static ProgramForm of(ProgramItem i, List<String> codes) {
        ProgramForm f = new ProgramForm();
        f.title = i.getTitle();
        f.unitId = i.getUnitId();
        f.field = i.getField();
        f.occasion = i.getOccasion();
        f.startDate = i.getStartDate();
        f.endDate = i.getEndDate();
        f.status = i.getStatus();
        f.description = i.getDescription();
        f.results = i.getResults();
        f.commendations = i.getCommendations();
        f.unitIds = new ArrayList<>(i.getUnitIds());
        f.caseCodes = String.join(", ", codes);
        f.version = i.getVersion();
        return f;
    }

    ProgramInput input() {
        List<String> codes = caseCodes == null || caseCodes.isBlank()
                ? List.of()
                : Arrays.stream(caseCodes.split("[,;\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        return new ProgramInput(
                title,
                unitId,
                field,
                occasion,
                startDate,
                endDate,
                status,
                description,
                results,
                commendations,
                unitIds,
                codes);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public ModelField getField() {
        return field;
    }

    public void setField(ModelField field) {
        this.field = field;
    }

    public String getOccasion() {
        return occasion;
    }

    public void setOccasion(String occasion) {
        this.occasion = occasion;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public ProgramStatus getStatus() {
        return status;
    }

    public void setStatus(ProgramStatus status) {
        this.status = status;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getResults() {
        return results;
    }

    public void setResults(String results) {
        this.results = results;
    }

    public String getCommendations() {
        return commendations;
    }

    public void setCommendations(String commendations) {
        this.commendations = commendations;
    }

    public List<Long> getUnitIds() {
        return unitIds;
    }

    public void setUnitIds(List<Long> unitIds) {
        this.unitIds = unitIds;
    }

    public String getCaseCodes() {
        return caseCodes;
    }

    public void setCaseCodes(String caseCodes) {
        this.caseCodes = caseCodes;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
