package vn.tandem.reception;

import java.time.LocalDate;
import java.util.List;

/** A reception session as written: the matters raised, each with the code of the case it opened or joined. */
public record ReceptionInput(
        LocalDate heldOn,
        Boolean regular,
        String place,
        Long unitId,
        String receivedBy,
        Integer citizens,
        String notes,
        List<Matter> matters) {

    /** A matter raised; {@code caseCode} empty when it was settled by explanation on the spot. */
    public record Matter(String summary, String caseCode) {}
}
