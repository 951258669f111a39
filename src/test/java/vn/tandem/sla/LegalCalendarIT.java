package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.tandem.audit.AuditEntries;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/** Working days over the pre-filled holiday calendar, its API and the admin's edits. */
@TandemIntegrationTest
class LegalCalendarIT {

    @Autowired
    LegalCalendar calendar;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditEntries audit;

    @Test
    void sevenWorkingDaysFromJustBeforeTetSkipTheWholeHoliday() {
        // Thursday 12/02/2026: Friday 13 counts, Tết is 16–20/02, weekends skipped
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 7)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
        assertThat(calendar.addCalendarDays(LocalDate.of(2026, 4, 20), 10)).isEqualTo(LocalDate.of(2026, 5, 4));
    }

    @Test
    void workingDayArithmeticIsConsistent() {
        Random random = new Random(2026);
        for (int i = 0; i < 400; i++) {
            LocalDate start = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365 * 11));
            int n = 1 + random.nextInt(40);
            LocalDate due = calendar.addWorkingDays(start, n);
            assertThat(calendar.isWorkingDay(due))
                    .as("%s + %d = %s", start, n, due)
                    .isTrue();
            assertThat(calendar.workingDaysBetween(start, due)).isEqualTo(n);
            assertThat(calendar.addWorkingDays(start, n + 1)).isAfter(due);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiAnswersHolidaysAndWorkingDays() {
        Api api = new Api(rest, "officer.danvan");
        var year = api.get("/api/calendar/holidays?year=2026").getBody();
        assertThat(year).containsEntry("year", 2026);
        assertThat((List<Map<String, Object>>) year.get("days"))
                .extracting(d -> d.get("date"))
                .contains("2026-02-17", "2026-09-02");
        assertThat(api.get("/api/calendar/holidays?year=2040").getStatusCode().value())
                .isEqualTo(400);
        assertThat(api.get("/api/calendar/working-days?from=2026-02-12&days=7").getBody())
                .containsEntry("due", "2026-03-02")
                .containsEntry("days", 7);
        assertThat(api.get("/api/calendar/working-days?from=nonsense&days=7")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void adminsEditAYearAndEveryEditIsAudited() {
        long added = audit.findByActionOrderByIdAsc("HOLIDAY_ADDED").size();
        LocalDate saturday = LocalDate.of(2027, 2, 20);
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        var admin = new TestingAuthenticationToken("admin", null, "ROLE_ADMIN");
        SecurityContextHolder.getContext().setAuthentication(admin);
        try {
            calendar.add(saturday, Holiday.Kind.WORKING_DAY, "Làm bù cho ngày nghỉ Tết", null);
            assertThat(calendar.isWorkingDay(saturday)).isTrue();
            calendar.remove(saturday);
            assertThat(calendar.isWorkingDay(saturday)).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(audit.findByActionOrderByIdAsc("HOLIDAY_ADDED")).hasSize((int) added + 1);
        assertThat(audit.findByActionOrderByIdAsc("HOLIDAY_REMOVED")
                        .get(audit.findByActionOrderByIdAsc("HOLIDAY_REMOVED").size() - 1)
                        .getActor())
                .isEqualTo("admin");
        var refused = rest.withBasicAuth("officer.congan", "demo").getForEntity("/admin/calendar", String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("<html"); // a page refuses with the styled page, not JSON
        var page = rest.withBasicAuth("admin", "demo").getForEntity("/admin/calendar?year=2026", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("17/02/2026", "Tết Nguyên đán (mùng 1)", "Nghỉ bù: Giỗ Tổ Hùng Vương");
    }
}
