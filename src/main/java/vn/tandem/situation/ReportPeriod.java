package vn.tandem.situation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How often a unit reports: weekly (Monday to Sunday, the default), fortnightly (two weeks from Monday 1/1/2024,
 * so every unit's fortnights line up) or monthly (calendar months).
 */
public enum ReportPeriod {
    WEEKLY,
    FORTNIGHTLY,
    MONTHLY;

    private static final LocalDate FORTNIGHT_ANCHOR = LocalDate.of(2024, 1, 1);

    /** The first day of the period that contains {@code day}. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.with(DayOfWeek.MONDAY);
            case FORTNIGHTLY ->
                FORTNIGHT_ANCHOR.plusDays(Math.floorDiv(ChronoUnit.DAYS.between(FORTNIGHT_ANCHOR, day), 14) * 14);
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the period before the one starting on {@code start}. */
    public LocalDate previous(LocalDate start) {
        return switch (this) {
            case WEEKLY -> start.minusWeeks(1);
            case FORTNIGHTLY -> start.minusWeeks(2);
            case MONTHLY -> start.minusMonths(1);
        };
    }
}
