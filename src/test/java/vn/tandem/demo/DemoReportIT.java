package vn.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.identity.Directory;
import vn.tandem.oversight.SummaryReport;
import vn.tandem.sla.CaseClocks;
import vn.tandem.support.ReportOracle;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The demo province's two years, as the first start imports them (the register's settled cases, on top of the demo
 * program and reception days): every figure of its period summary equals an independent query. Run in one
 * transaction that is rolled back, so the shared test database is left as it was.
 */
@TandemIntegrationTest
@Transactional
class DemoReportIT {

    @Autowired
    DemoHistory history;

    @Autowired
    SummaryReport report;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    EntityManager entities;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    CaseClocks clocks;

    @Autowired
    ObjectMapper json;

    @Test
    @SuppressWarnings("unchecked")
    void theDemoProvincesTwoYearSummaryEqualsIndependentQueries() {
        history.create(new DemoSituation.RunAs() {
            @Override
            public <T> T as(String username, Supplier<T> action) {
                return action.get();
            }
        });
        entities.flush();
        var admin = directory.find("admin").orElseThrow();
        SummaryReport.Report r = report.report(new SummaryReport.Query(null, null, null, null), admin);
        Map<String, Object> figures = json.convertValue(r.figures(), Map.class);
        LocalDate to = r.period().to();
        LocalDate from = r.period().from();
        assertThat(ChronoUnit.DAYS.between(from, to) + 1).isEqualTo(r.period().days());
        assertThat(r.figures().casesReceived()).isGreaterThanOrEqualTo(400);
        new ReportOracle(jdbc, clock).assertCounts(figures, "/", from, to);

        List<CaseClocks.Measure> measured = new ArrayList<>();
        for (Long id : jdbc.queryForList("select id from cases", Long.class)) {
            for (var s : clocks.of(caseFiles.byId(id).orElseThrow())) {
                if (s.phase() == CaseClocks.Phase.DONE
                        && SummaryReport.STEPS.contains(s.step())
                        && s.deadline().statutoryDue() != null
                        && !s.end().isBefore(from)
                        && !s.end().isAfter(to)) {
                    measured.add(new CaseClocks.Measure(
                            s.step(),
                            s.end(),
                            Math.max(0, ChronoUnit.DAYS.between(s.deadline().start(), s.end())),
                            ChronoUnit.DAYS.between(
                                    s.deadline().start(), s.deadline().statutoryDue()),
                            !s.end().isAfter(s.deadline().due()),
                            !s.end().isAfter(s.deadline().statutoryDue())));
                }
            }
        }
        assertThat(measured).hasSizeGreaterThan(300);
        ReportOracle.assertSteps(figures, measured);
    }
}
