package vn.tandem.inbox;

/**
 * Inbox filters; every field optional. {@code dueWithinDays}: due in the next N days (overdue ones included).
 */
public record InboxFilter(String caseType, String taskKey, Boolean overdue, Integer dueWithinDays, String text) {

    public static InboxFilter none() {
        return new InboxFilter(null, null, null, null, null);
    }
}
