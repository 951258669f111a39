package vn.tandem.reception.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.tandem.reception.ReceptionInput;

/** The reception form; the matters one per line ("what was raised; VV-…"). */
public class ReceptionForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate heldOn;

    private boolean regular = true;
    private String place;
    private Long unitId;
    private String receivedBy;
    private Integer citizens;
    private String notes;
    private String matters;

    ReceptionInput input() {
        return new ReceptionInput(
                heldOn, regular, place, unitId, receivedBy, citizens, notes, ReceptionController.matters(matters));
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(LocalDate heldOn) {
        this.heldOn = heldOn;
    }

    public boolean isRegular() {
        return regular;
    }

    public void setRegular(boolean regular) {
        this.regular = regular;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getReceivedBy() {
        return receivedBy;
    }

    public void setReceivedBy(String receivedBy) {
        this.receivedBy = receivedBy;
    }

    public Integer getCitizens() {
        return citizens;
    }

    public void setCitizens(Integer citizens) {
        this.citizens = citizens;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getMatters() {
        return matters;
    }

    public void setMatters(String matters) {
        this.matters = matters;
    }
}
