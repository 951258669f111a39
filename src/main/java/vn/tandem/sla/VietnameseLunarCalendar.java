package vn.tandem.sla;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The Vietnamese lunisolar calendar: ICU's Chinese calendar with its astronomy in UTC+7 (as ICU's
 * {@code DangiCalendar} does for Korea in UTC+9). The plain Chinese calendar computes for UTC+8, and the
 * Vietnamese and Chinese new years fall on different days in some years (e.g. 1985, 2007).
 */
final class VietnameseLunarCalendar extends ChineseCalendar {

    private static final long serialVersionUID = 1L;
    private static final TimeZone VIETNAM = new SimpleTimeZone(7 * 60 * 60 * 1000, "UTC+7");

    VietnameseLunarCalendar() {
        super(VIETNAM, ULocale.ROOT, VIETNAM);
    }

    /** The Gregorian date of lunar month/day (non-leap month) in the lunar year that starts in {@code year}. */
    static LocalDate toGregorian(int year, int lunarMonth, int lunarDay) {
        VietnameseLunarCalendar calendar = new VietnameseLunarCalendar();
        LocalDate newYear = null;
        for (LocalDate day = LocalDate.of(year, 1, 15);
                day.getYear() == year && day.getMonthValue() <= 3;
                day = day.plusDays(1)) {
            int[] lunar = lunar(calendar, day);
            if (lunar[0] == 1 && lunar[1] == 1 && lunar[2] == 0) {
                newYear = day;
                break;
            }
        }
        if (newYear == null) {
            throw new IllegalStateException("No lunar new year found in " + year);
        }
        for (LocalDate day = newYear; day.isBefore(newYear.plusDays(400)); day = day.plusDays(1)) {
            int[] lunar = lunar(calendar, day);
            if (lunar[0] == lunarMonth && lunar[1] == lunarDay && lunar[2] == 0) {
                return day;
            }
        }
        throw new IllegalStateException("Lunar " + lunarDay + "/" + lunarMonth + " not found after " + newYear);
    }

    /** {month (1-based), day, leap (0/1)} of a Gregorian date. */
    private static int[] lunar(VietnameseLunarCalendar calendar, LocalDate day) {
        calendar.clear();
        calendar.setTimeInMillis(day.atTime(12, 0).toEpochSecond(ZoneOffset.ofHours(7)) * 1000);
        return new int[] {calendar.get(MONTH) + 1, calendar.get(DAY_OF_MONTH), calendar.get(IS_LEAP_MONTH)};
    }
}
