package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lunar holidays computed for UTC+7, including the years where the Vietnamese new year differs from China's. */
class VietnameseLunarCalendarTest {

    @Test
    void lunarNewYearAndHungKingsDays() {
        assertThat(VietnameseLunarCalendar.toGregorian(1985, 1, 1)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(VietnameseLunarCalendar.toGregorian(2007, 1, 1)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(VietnameseLunarCalendar.toGregorian(2024, 1, 1)).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(VietnameseLunarCalendar.toGregorian(2025, 1, 1)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(VietnameseLunarCalendar.toGregorian(2026, 1, 1)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(VietnameseLunarCalendar.toGregorian(2027, 1, 1)).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(VietnameseLunarCalendar.toGregorian(2024, 3, 10)).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(VietnameseLunarCalendar.toGregorian(2025, 3, 10)).isEqualTo(LocalDate.of(2025, 4, 7));
        assertThat(VietnameseLunarCalendar.toGregorian(2026, 3, 10)).isEqualTo(LocalDate.of(2026, 4, 26));
    }

    @Test
    void defaultYearHasTheLabourCodeDaysAndSubstitutes() {
        List<LegalCalendar.DefaultHolidays.Day> days = LegalCalendar.DefaultHolidays.of(2026);
        assertThat(days)
                .extracting(LegalCalendar.DefaultHolidays.Day::date)
                .contains(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 2, 16),
                        LocalDate.of(2026, 2, 17),
                        LocalDate.of(2026, 2, 20),
                        LocalDate.of(2026, 4, 26),
                        LocalDate.of(2026, 4, 30),
                        LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 9, 1),
                        LocalDate.of(2026, 9, 2));
        // 26/04/2026 (Hùng Kings) is a Sunday: the next working day, Monday 27/04, is the substitute day off
        assertThat(days)
                .filteredOn(d -> "holiday.substitute".equals(d.name().key()))
                .extracting(LegalCalendar.DefaultHolidays.Day::date)
                .containsExactly(LocalDate.of(2026, 4, 27));
    }
}
