package vn.tandem.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The dashboard's counts equal what the rules say for cases received at known times, and the number of open
 * cases in the database; each case counts once; visibility applies.
 */
@TandemIntegrationTest
class DashboardIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String RANGE = "from=2030-05-01&to=2030-06-30";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    void at(LocalDate day) {
        clock.setTime(LocalDateTime.of(day, LocalTime.of(9, 0)).atZone(VN).toInstant());
    }

    @Test
    void countsFollowTheRulesAndEqualTheDatabase() {
        Api officer = new Api(rest, "officer.congan");
        List<String> codes = new ArrayList<>();
        // complaints: acceptance 10 calendar days, target 5 (Law on Complaints art. 27); read on Friday 14/06/2030
        for (LocalDate received : List.of(
                LocalDate.of(2030, 6, 13),
                LocalDate.of(2030, 6, 9),
                LocalDate.of(2030, 6, 5),
                LocalDate.of(2030, 5, 30))) {
            at(received);
            codes.add(officer.createCase(2, "COMPLAINT", "Khiếu nại nhận ngày " + received));
        }
        at(LocalDate.of(2030, 6, 14));
        Api admin = new Api(rest, "admin");
        var summary = admin.get("/api/sla/summary?" + RANGE).getBody();
        // 13/06: 1 of 5 days used; 09/06: target is today (5 of 5, at risk); 05/06: target 10/06 passed;
        // 30/05: target passed and the statutory limit (Monday 10/06) too
        assertThat(summary)
                .containsEntry("onTrack", 1)
                .containsEntry("atRisk", 1)
                .containsEntry("breached", 2)
                .containsEntry("statutoryBreached", 1);
        Integer open = jdbc.queryForObject(
                "select count(*) from cases where status in ('RECEIVED', 'IN_PROGRESS') "
                        + "and received_at >= ? and received_at < ?",
                Integer.class,
                Timestamp.from(LocalDate.of(2030, 5, 1).atStartOfDay(VN).toInstant()),
                Timestamp.from(LocalDate.of(2030, 7, 1).atStartOfDay(VN).toInstant()));
        assertThat(open).isEqualTo(4);
        // each case once: accepting one moves it from the acceptance clock to the resolution clock
        assertThat(officer.complete(officer.taskId(codes.get(3), "Task_Accept"), Map.of("decision", "ACCEPT")))
                .isEqualTo(204);
        var after = admin.get("/api/sla/summary?" + RANGE).getBody();
        assertThat(after).containsEntry("onTrack", 2).containsEntry("breached", 1);
        // visibility: Dân vận sees only the accepted case (its verification task shared it), a commune supervisor
        // none of these province cases; officers have no dashboard
        assertThat(new Api(rest, "supervisor.danvan")
                        .get("/api/sla/summary?" + RANGE)
                        .getBody())
                .containsEntry("onTrack", 1)
                .containsEntry("atRisk", 0)
                .containsEntry("breached", 0);
        assertThat(new Api(rest, "supervisor.congan.minhxuan")
                        .get("/api/sla/summary?" + RANGE)
                        .getBody())
                .containsEntry("onTrack", 0)
                .containsEntry("atRisk", 0)
                .containsEntry("breached", 0);
        assertThat(officer.get("/api/sla/summary").getStatusCode().value()).isEqualTo(403);
        var page = rest.withBasicAuth("supervisor.congan", "demo").getForEntity("/dashboard?" + RANGE, String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains(codes.get(1), "trend-chart");
        String csv = rest.withBasicAuth("supervisor.congan", "demo")
                .getForObject("/dashboard.csv?table=closest&" + RANGE, String.class);
        assertThat(csv).contains(codes.get(0), codes.get(1), codes.get(2), "AT_RISK");
        assertThat(rest.withBasicAuth("officer.congan", "demo")
                        .getForEntity("/dashboard", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }
}
