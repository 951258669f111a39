package vn.tandem.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a period report covers: the days {@code from}–{@code to} (both included), one agency or both ({@code agency}
 * null), and the area subtree under {@code areaPath} (a unit's area; "/" is the whole province). Each module counts
 * its own records in a scope; the caller has already narrowed it to what the user may see.
 */
public record ReportScope(LocalDate from, LocalDate to, String agency, String areaPath) {

    public ReportScope {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a report period needs from <= to");
        }
        agency = agency == null || agency.isBlank() ? null : agency;
        areaPath = areaPath == null || areaPath.isBlank() ? "/" : areaPath;
    }

    /** The first instant of the period in the zone. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in the zone. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether a day falls within the period. */
    public boolean covers(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    /** The {@code LIKE} pattern of the area subtree. */
    public String areaPattern() {
        return areaPath.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Whether a record of this agency and area falls within the scope. */
    public boolean includes(String recordAgency, String recordAreaPath) {
        return (agency == null || agency.equals(recordAgency))
                && recordAreaPath != null
                && recordAreaPath.startsWith(areaPath);
    }
}
