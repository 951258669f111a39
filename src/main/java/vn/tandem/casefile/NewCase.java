package vn.tandem.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The facts recorded at intake. */
public record NewCase(
        CaseType type,
        Channel channel,
        String title,
        String description,
        String location,
        Long unitId,
        int crowdSize,
        boolean levelSkipping,
        List<NewPetitioner> petitioners,
        int instance,
        boolean severalSites,
        LocalDate decisionKnownOn,
        NewIncident incident) {

    /** An incident's facts as entered at intake. */
    public record NewIncident(
            Instant occurredAt, Detection detectedBy, Integer peopleInvolved, String harm, String forcesOnScene) {}

    /** A petitioner as entered at intake. */
    public record NewPetitioner(String fullName, String idNumber, String phone, String address, boolean confidential) {}
}
