package vn.tandem.reception;

import java.time.LocalDate;
import java.util.List;

/** A dialogue meeting as written: the agencies taking part, the participants, citizens, conclusions, cases. */
public record DialogueInput(
        LocalDate heldOn,
        String place,
        Long unitId,
        List<String> agencies,
        String participants,
        Integer citizens,
        String conclusions,
        List<String> caseCodes) {}
