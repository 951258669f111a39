package vn.tandem.reception.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import vn.tandem.reception.DialogueInput;

/** The dialogue form; linked cases as codes separated by commas or spaces. */
public class DialogueForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate heldOn;

    private String place;
    private Long unitId;
    private List<String> agencies = new ArrayList<>();
    private String participants;
    private Integer citizens;
    private String conclusions;
    private String caseCodes;

    DialogueInput input() {
        return new DialogueInput(
                heldOn,
                place,
                unitId,
                agencies,
                participants,
                citizens,
                conclusions,
                ReceptionController.codes(caseCodes));
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(LocalDate heldOn) {
        this.heldOn = heldOn;
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

    public List<String> getAgencies() {
        return agencies;
    }

    public void setAgencies(List<String> agencies) {
        this.agencies = agencies;
    }

    public String getParticipants() {
        return participants;
    }

    public void setParticipants(String participants) {
        this.participants = participants;
    }

    public Integer getCitizens() {
        return citizens;
    }

    public void setCitizens(Integer citizens) {
        this.citizens = citizens;
    }

    public String getConclusions() {
        return conclusions;
    }

    public void setConclusions(String conclusions) {
        this.conclusions = conclusions;
    }

    public String getCaseCodes() {
        return caseCodes;
    }

    public void setCaseCodes(String caseCodes) {
        this.caseCodes = caseCodes;
    }
}
