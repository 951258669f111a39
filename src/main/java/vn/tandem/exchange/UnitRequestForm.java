package vn.tandem.exchange;

import java.time.LocalDate;

/**
 * A request for information to the other agency about a unit's area and a topic, without a case. Checked by
 * {@link Exchange#askAboutUnit} field by field.
 *
 * @param toAgency the agency asked, by code
 * @param unitId the unit (of either agency) whose area the request is about; in the asker's area
 * @param topic what it is about, in a few words
 * @param question what is asked
 * @param dueDate the day the answer is due; empty for the information-request rule in force (5 working days)
 * @param urgency {@code NORMAL} (the default) or {@code URGENT}
 */
public record UnitRequestForm(
        String toAgency, Long unitId, String topic, String question, LocalDate dueDate, String urgency) {

    public static final int TOPIC_MAX = 200;
}
