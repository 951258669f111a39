package vn.tandem.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Channel;
import vn.tandem.casefile.Detection;
import vn.tandem.casefile.NewCase;
import vn.tandem.common.FieldProblem;

/** What an officer enters at intake (the web form and {@code POST /api/cases} share it). */
public class IntakeForm {

    @NotNull(message = "{validation.required}")
    private CaseType type;

    @NotNull(message = "{validation.required}")
    private Channel channel;

    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size.max}")
    private String title;

    @NotBlank(message = "{validation.required}")
    @Size(max = 10000, message = "{validation.size.max}")
    private String description;

    @Size(max = 500, message = "{validation.size.max}")
    private String location;

    @NotNull(message = "{validation.required}")
    private Long unitId;

    @Min(value = 0, message = "{validation.value.min}")
    @Max(value = 100000, message = "{validation.value.max}")
    private int crowdSize;

    private boolean levelSkipping;

    /** For a complaint: 1st or 2nd instance (khiếu nại lần hai). */
    @Min(value = 1, message = "{validation.value.min}")
    @Max(value = 2, message = "{validation.value.max}")
    private int instance = 1;

    /** A denunciation about violations at several sites (its acceptance has 10 working days instead of 7). */
    private boolean severalSites;

    /** For a complaint: when the complainant learned of the contested decision (opens the 90-day filing window). */
    @PastOrPresent(message = "{validation.notAfterToday}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate decisionKnownOn;

    /** Petitioners: at least one for a grievance; an incident may have none (a patrol saw it). */
    @Size(max = 50, message = "{validation.size.max}")
    private List<@NotNull(message = "{validation.required}") @Valid PetitionerForm> petitioners = new ArrayList<>();

    /** An incident: when it happened (local time of the province). */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime occurredAt;

    /** An incident: how it came to light. */
    private Detection detectedBy;

    /** An incident: how many people were involved. */
    @Min(value = 0, message = "{validation.value.min}")
    @Max(value = 100000, message = "{validation.value.max}")
    private Integer peopleInvolved;

    /** An incident: injuries or damage. */
    @Size(max = 1000, message = "{validation.size.max}")
    private String harm;

    /** An incident: forces on scene. */
    @Size(max = 1000, message = "{validation.size.max}")
    private String forcesOnScene;

    /**
     * What the annotations cannot say: a grievance needs a petitioner; an incident needs when it happened (not in
     * the future) and how it was detected.
     */
    public List<FieldProblem> problems(Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        if (type == CaseType.INCIDENT) {
            if (occurredAt == null) {
                problems.add(new FieldProblem("occurredAt", "validation.required"));
            } else if (occurredAt.isAfter(LocalDateTime.now(clock).plusMinutes(5))) {
                problems.add(new FieldProblem("occurredAt", "validation.notAfterNow"));
            }
            if (detectedBy == null) {
                problems.add(new FieldProblem("detectedBy", "validation.required"));
            }
        } else if (petitioners.stream().allMatch(p -> p == null || p.isEmpty())) {
            problems.add(new FieldProblem("petitioners", "validation.petitioners"));
        }
        return problems;
    }

    /** One petitioner. */
    public static class PetitionerForm {

        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.size.max}")
        private String fullName;

        @Pattern(regexp = "^$|^[0-9]{9}$|^[0-9]{12}$", message = "{validation.idNumber}")
        private String idNumber;

        @Pattern(regexp = "^$|^\\+?[0-9 .-]{8,15}$", message = "{validation.phone}")
        private String phone;

        @Size(max = 500, message = "{validation.size.max}")
        private String address;

        private boolean confidential;

        public PetitionerForm() {}

        public PetitionerForm(String fullName, String idNumber, String phone, String address, boolean confidential) {
            this.fullName = fullName;
            this.idNumber = idNumber;
            this.phone = phone;
            this.address = address;
            this.confidential = confidential;
        }

        public boolean isEmpty() {
            return isBlank(fullName) && isBlank(idNumber) && isBlank(phone) && isBlank(address);
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = idNumber;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public boolean isConfidential() {
            return confidential;
        }

        public void setConfidential(boolean confidential) {
            this.confidential = confidential;
        }
    }

    NewCase toNewCase(ZoneId zone) {
        return new NewCase(
                type,
                channel,
                title,
                description,
                location,
                unitId,
                crowdSize,
                levelSkipping,
                petitioners.stream()
                        .filter(p -> !p.isEmpty())
                        .map(p -> new NewCase.NewPetitioner(p.fullName, p.idNumber, p.phone, p.address, p.confidential))
                        .toList(),
                instance,
                severalSites,
                decisionKnownOn,
                type == CaseType.INCIDENT
                        ? new NewCase.NewIncident(
                                occurredAt == null
                                        ? null
                                        : occurredAt.atZone(zone).toInstant(),
                                detectedBy,
                                peopleInvolved,
                                harm,
                                forcesOnScene)
                        : null);
    }

    /** Drops the empty rows a browser form submits. */
    public void dropEmptyPetitioners() {
        petitioners.removeIf(p -> p == null || p.isEmpty());
    }

    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(LocalDateTime occurredAt) {
        this.occurredAt = occurredAt;
    }

    public Detection getDetectedBy() {
        return detectedBy;
    }

    public void setDetectedBy(Detection detectedBy) {
        this.detectedBy = detectedBy;
    }

    public Integer getPeopleInvolved() {
        return peopleInvolved;
    }

    public void setPeopleInvolved(Integer peopleInvolved) {
        this.peopleInvolved = peopleInvolved;
    }

    public String getHarm() {
        return harm;
    }

    public void setHarm(String harm) {
        this.harm = harm;
    }

    public String getForcesOnScene() {
        return forcesOnScene;
    }

    public void setForcesOnScene(String forcesOnScene) {
        this.forcesOnScene = forcesOnScene;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public boolean isSeveralSites() {
        return severalSites;
    }

    public void setSeveralSites(boolean severalSites) {
        this.severalSites = severalSites;
    }

    public LocalDate getDecisionKnownOn() {
        return decisionKnownOn;
    }

    public void setDecisionKnownOn(LocalDate decisionKnownOn) {
        this.decisionKnownOn = decisionKnownOn;
    }

    public CaseType getType() {
        return type;
    }

    public void setType(CaseType type) {
        this.type = type;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public int getCrowdSize() {
        return crowdSize;
    }

    public void setCrowdSize(int crowdSize) {
        this.crowdSize = crowdSize;
    }

    public boolean isLevelSkipping() {
        return levelSkipping;
    }

    public int getInstance() {
        return instance;
    }

    public void setInstance(int instance) {
        this.instance = instance;
    }

    public void setLevelSkipping(boolean levelSkipping) {
        this.levelSkipping = levelSkipping;
    }

    public List<PetitionerForm> getPetitioners() {
        return petitioners;
    }

    public void setPetitioners(List<PetitionerForm> petitioners) {
        this.petitioners = petitioners;
    }
}
