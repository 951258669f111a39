package vn.tandem.inbox;

import java.util.Locale;
import vn.tandem.common.InvalidInputException;

/**
 * The inbox's order: {@code due}, {@code received}, {@code case}, {@code step} or {@code type}, ascending, or with a
 * leading {@code -} descending (as {@code GET /api/tasks?sort=-received}); ties go by task id, so paging is stable.
 */
public record InboxSort(String field, boolean descending) {

    public static final InboxSort DEFAULT = new InboxSort("due", false);

    /** Parses a sort parameter; null or blank is by due date; anything else unknown is a 400. */
    public static InboxSort parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        boolean descending = v.startsWith("-");
        String field = descending ? v.substring(1) : v;
        if (attribute(field) == null) {
            throw new InvalidInputException("sort", "validation.option");
        }
        return new InboxSort(field, descending);
    }

    /** The read model's attribute the field sorts on. */
    public String attribute() {
        return attribute(field);
    }

    private static String attribute(String field) {
        return switch (field) {
            case "due" -> "dueAt";
            case "received" -> "createdAt";
            case "case" -> "caseCode";
            case "step" -> "taskName";
            case "type" -> "caseType";
            default -> null;
        };
    }

    /** The parameter value ({@code -due} when descending). */
    public String value() {
        return (descending ? "-" : "") + field;
    }

    /** The same field in the other direction (the column header's link). */
    public InboxSort toggled(String column) {
        return column.equals(field) ? new InboxSort(field, !descending) : new InboxSort(column, false);
    }
}
