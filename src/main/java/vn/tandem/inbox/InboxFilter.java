package vn.tandem.inbox;

import java.util.Locale;
import vn.tandem.common.InvalidInputException;

/**
 * Inbox filters; every field optional. {@code dueWithinDays}: due in the next N days (overdue ones included);
 * {@code followUp}: which tasks by their follow-up date (by default those set aside until a later day are left out).
 */
public record InboxFilter(
        String caseType, String taskKey, Boolean overdue, Integer dueWithinDays, String text, FollowUp followUp) {

    /** Which tasks a view shows by their follow-up date. */
    public enum FollowUp {
        /** Tasks without a follow-up date or whose day has come (the default). */
        DUE,
        /** Only the tasks set aside until a later day. */
        LATER,
        /** Every task. */
        ALL;

        /** Reads {@code due}, {@code later} or {@code all} (blank: {@code due}); anything else is refused. */
        public static FollowUp parse(String value) {
            if (value == null || value.isBlank()) {
                return DUE;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("followUp", "validation.option");
            }
        }
    }

    public InboxFilter {
        followUp = followUp == null ? FollowUp.DUE : followUp;
    }

    public InboxFilter(String caseType, String taskKey, Boolean overdue, Integer dueWithinDays, String text) {
        this(caseType, taskKey, overdue, dueWithinDays, text, FollowUp.DUE);
    }

    public static InboxFilter none() {
        return new InboxFilter(null, null, null, null, null);
    }
}
