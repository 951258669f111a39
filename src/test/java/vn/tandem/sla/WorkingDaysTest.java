package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Counting starts the day after the start date and skips weekends. */
class WorkingDaysTest {

    @Test
    void skipsWeekendsAndNeverLandsOnOne() {
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        assertThat(WorkingDays.add(thursday, 1)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(WorkingDays.add(thursday, 2)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(WorkingDays.add(thursday, 5)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 28), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        for (int start = 0; start < 14; start++) {
            for (int n = 1; n <= 15; n++) {
                LocalDate due = WorkingDays.add(thursday.plusDays(start), n);
                assertThat(WorkingDays.isWorkingDay(due)).isTrue();
                assertThat(WorkingDays.add(thursday.plusDays(start), n + 1)).isAfter(due);
            }
        }
    }
}
