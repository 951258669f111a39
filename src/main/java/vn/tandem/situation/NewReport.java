package vn.tandem.situation;

import java.time.LocalDate;
import java.util.List;

/** A situation report as a unit's officer submits it, with its signals. */
public record NewReport(
        Long unitId, LocalDate periodFrom, LocalDate periodTo, Assessment assessment, List<NewSignal> signals) {

    /** One signal of the report, with the people it names (optional). */
    public record NewSignal(
            SignalCategory category,
            String place,
            Integer peopleInvolved,
            SignalRisk risk,
            String description,
            String source,
            List<NewPerson> petitioners) {}

    /** A person a signal names: a petitioner or someone involved, with an ID number or phone when known. */
    public record NewPerson(String fullName, String idNumber, String phone) {}
}
