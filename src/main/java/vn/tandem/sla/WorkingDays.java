package vn.tandem.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working-day arithmetic (DESIGN §5): counting starts the day after the start date and skips days off. Days off
 * are Saturdays and Sundays for now; public holidays join when the holiday calendar exists.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The date {@code days} working days after {@code start} (the start day itself does not count). */
    public static LocalDate add(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
