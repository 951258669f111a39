package vn.tandem.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.sla.CaseClocks;
import vn.tandem.support.Api;
import vn.tandem.support.ReportOracle;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Every number of the period summary equals an independent query written here, not the report's code: over the
 * whole test database as an administrator sees it (the demo program and reception days, and every case the other
 * tests drove through the engine), and over a generated province district of 20,000 cases in two years inserted
 * with SQL, whose step times this test computes itself from the rules, the holiday table and the weekends.
 */
@TandemIntegrationTest
class SummaryReportIT {

    static final long GEN_AREA = 9900;
    static final long GEN_UNIT_DV = 9900;
    static final long GEN_UNIT_CA = 9901;
    static final String GEN_PATH = "/1/9900/";
    static final LocalDate GEN_FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate GEN_TO = LocalDate.of(2025, 12, 31);
    static final int GEN_CASES = 20_000;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    CaseClocks clocks;

    static JdbcTemplate cleanup;

    @AfterAll
    static void removeGenerated() {
        if (cleanup != null) {
            cleanup.update(
                    "delete from timeline_entry where case_id in (select id from cases where area_path = ?)", GEN_PATH);
            cleanup.update(
                    "delete from information_request where case_id in (select id from cases where area_path = ?)",
                    GEN_PATH);
            cleanup.update("delete from cases where area_path = ?", GEN_PATH);
            cleanup.update("delete from program_item where area_path = ?", GEN_PATH);
            cleanup.update("delete from reception where area_path = ?", GEN_PATH);
            cleanup.update("delete from unit where area_id = ?", GEN_AREA);
            cleanup.update("delete from area where id = ?", GEN_AREA);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> figures(Map<String, Object> report) {
        return (Map<String, Object>) report.get("figures");
    }

    ReportOracle oracle() {
        return new ReportOracle(jdbc, clock);
    }

    long count(String sql, Object... args) {
        return oracle().count(sql, args);
    }

    Timestamp start(LocalDate day) {
        return oracle().start(day);
    }

    Timestamp end(LocalDate day) {
        return oracle().end(day);
    }

    void assertCounts(Map<String, Object> f, String path, LocalDate from, LocalDate to) {
        oracle().assertCounts(f, path, from, to);
    }

    static void assertSteps(Map<String, Object> f, List<CaseClocks.Measure> measured) {
        ReportOracle.assertSteps(f, measured);
    }

    @Test
    void everyFigureOfTheWholeTestDatabaseEqualsAnIndependentQuery() {
        Api admin = new Api(rest, "admin");
        var response = admin.get("/api/reports/summary");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> report = response.getBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> period = (Map<String, Object>) report.get("period");
        LocalDate from = LocalDate.parse((String) period.get("from"));
        LocalDate to = LocalDate.parse((String) period.get("to"));
        assertThat(to).isEqualTo(LocalDate.now(clock));
        assertThat(ChronoUnit.DAYS.between(from, to) + 1).isEqualTo(((Number) period.get("days")).longValue());
        assertCounts(figures(report), "/", from, to);
        @SuppressWarnings("unchecked")
        Map<String, Object> previous = (Map<String, Object>) report.get("previous");
        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) previous.get("period");
        assertThat(LocalDate.parse((String) before.get("to"))).isEqualTo(from.minusDays(1));
        assertCounts(figures(previous), "/", LocalDate.parse((String) before.get("from")), from.minusDays(1));
        assertThat((String) report.get("narrative")).startsWith("Từ ngày ").contains("vụ việc");

        // step times: the clocks of every case (the case page's deadlines), selected and summed here
        List<CaseClocks.Measure> measured = new ArrayList<>();
        for (Long id : jdbc.queryForList("select id from cases", Long.class)) {
            var c = caseFiles.byId(id).orElseThrow();
            for (var s : clocks.of(c)) {
                if (s.phase() == CaseClocks.Phase.DONE
                        && s.step().kind() == vn.tandem.sla.LegalStep.Kind.STEP
                        && SummaryReport.STEPS.contains(s.step())
                        && s.deadline().statutoryDue() != null
                        && !s.end().isBefore(from)
                        && !s.end().isAfter(to)) {
                    long used = Math.max(0, ChronoUnit.DAYS.between(s.deadline().start(), s.end()));
                    long allowed = ChronoUnit.DAYS.between(
                            s.deadline().start(), s.deadline().statutoryDue());
                    measured.add(new CaseClocks.Measure(
                            s.step(),
                            s.end(),
                            used,
                            allowed,
                            !s.end().isAfter(s.deadline().due()),
                            !s.end().isAfter(s.deadline().statutoryDue())));
                }
            }
        }
        assertSteps(figures(report), measured);
    }

    // ---- the generated district ----

    /** A generated case: what was inserted, kept to compute its step times here. */
    record Gen(
            String type,
            String complexity,
            LocalDate received,
            LocalDate accepted,
            LocalDate decided,
            LocalDate closed,
            String outcome) {}

    /** Inserts the district, its two units, 20,000 cases over two years and some program, reception and hot spots. */
    List<Gen> generate() {
        cleanup = jdbc;
        removeGenerated();
        jdbc.update(
                "insert into area (id, code, name, kind, parent_id, path) values (?, 'X-GEN', 'Xã Sinh Dữ Liệu', 'COMMUNE', 1, ?)",
                GEN_AREA,
                GEN_PATH);
        jdbc.update(
                "insert into unit (id, code, name, agency_code, area_id) values (?, 'DV-GEN', 'Khối Dân vận xã Sinh Dữ Liệu', 'DANVAN', ?)",
                GEN_UNIT_DV,
                GEN_AREA);
        jdbc.update(
                "insert into unit (id, code, name, agency_code, area_id) values (?, 'CA-GEN', 'Công an xã Sinh Dữ Liệu', 'CONGAN', ?)",
                GEN_UNIT_CA,
                GEN_AREA);
        Random random = new Random(16);
        String[] types = {"COMPLAINT", "DENUNCIATION", "PETITION", "INCIDENT"};
        String[] channels = {"LETTER", "HOTLINE", "ONLINE", "GRASSROOTS"};
        String[] settled = {"RESOLVED", "STABILIZED", "TEMPORARILY_STABILIZED", "REFUSED", "MERGED"};
        List<Gen> gens = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        long days = ChronoUnit.DAYS.between(GEN_FROM, GEN_TO) + 1;
        ZoneId zone = clock.getZone();
        for (int i = 0; i < GEN_CASES; i++) {
            String type = types[random.nextInt(types.length)];
            LocalDate received = GEN_FROM.plusDays(random.nextInt((int) days));
            String outcome = random.nextInt(10) < 2 ? null : settled[random.nextInt(settled.length)];
            LocalDate accepted = null;
            LocalDate decided = null;
            LocalDate closed = null;
            String status = "IN_PROGRESS";
            if ("REFUSED".equals(outcome) || "MERGED".equals(outcome)) {
                closed = received.plusDays(random.nextInt(12));
                status = "CLOSED";
            } else {
                accepted = received.plusDays(random.nextInt(14));
                if (outcome != null) {
                    decided = accepted.plusDays(random.nextInt(50));
                    if ("TEMPORARILY_STABILIZED".equals(outcome)) {
                        status = "MONITORING";
                    } else {
                        closed = decided;
                        status = "CLOSED";
                    }
                }
            }
            boolean dv = random.nextBoolean();
            String complexity = random.nextInt(8) == 0 ? "COMPLEX" : "STANDARD";
            if ("COMPLAINT".equals(type) && "COMPLEX".equals(complexity)) {
                complexity =
                        "STANDARD"; // a complex complaint has its own rule; the generated set keeps to the standard
                // ones
            }
            gens.add(new Gen(type, complexity, received, accepted, decided, closed, outcome));
            rows.add(new Object[] {
                "GEN-" + i,
                type,
                channels[random.nextInt(channels.length)],
                "Vụ việc sinh dữ liệu số " + i,
                "Nội dung sinh tự động.",
                GEN_AREA,
                GEN_PATH,
                dv ? GEN_UNIT_DV : GEN_UNIT_CA,
                dv ? "DANVAN" : "CONGAN",
                status,
                outcome,
                random.nextInt(30) == 0,
                random.nextInt(50) == 0,
                at(received, zone, 9),
                "generator",
                at(received, zone, 9),
                closed == null ? null : at(closed, zone, 16),
                accepted == null ? null : at(accepted, zone, 10),
                decided == null ? null : at(decided, zone, 15),
                complexity,
                "vu viec sinh du lieu so " + i
            });
        }
        jdbc.batchUpdate(
                "insert into cases (code, type, channel, title, description, area_id, area_path, unit_id, lead_agency,"
                        + " status, outcome, crowd, level_skipping, received_at, created_by, updated_at, closed_at,"
                        + " accepted_at, decided_at, complexity, search_text) values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        // hot spots raised on some open cases, a few program items and reception days
        jdbc.update(
                "insert into timeline_entry (case_id, at, actor, kind, title, title_text) select id, received_at, 'generator',"
                        + " 'HOTSPOT', 'timeline.hotspot', 'Điểm nóng' from cases where area_path = ? and mod(id, 97) = 0",
                GEN_PATH);
        for (int i = 0; i < 40; i++) {
            String kind = i < 4 ? "CAMPAIGN" : i < 16 ? "DRIVE" : "MODEL";
            LocalDate startDate = GEN_FROM.plusDays(random.nextInt((int) days));
            jdbc.update(
                    "insert into program_item (kind, title, agency_code, unit_id, area_path, field, start_date, end_date,"
                            + " status, search_text, created_by, created_at, updated_by, updated_at) values"
                            + " (?, ?, 'DANVAN', ?, ?, ?, ?, ?, ?, ?, 'generator', ?, 'generator', ?)",
                    kind,
                    "Mục sinh dữ liệu " + i,
                    GEN_UNIT_DV,
                    GEN_PATH,
                    "MODEL".equals(kind) ? "ECONOMY" : null,
                    startDate,
                    i % 5 == 0 ? startDate.plusDays(200) : null,
                    i % 9 == 0 ? "PLANNED" : "ACTIVE",
                    "muc sinh du lieu " + i,
                    Timestamp.from(Instant.now()),
                    Timestamp.from(Instant.now()));
        }
        for (int i = 0; i < 104; i++) {
            jdbc.update(
                    "insert into reception (held_on, regular, place, agency_code, unit_id, area_path, received_by, citizens,"
                            + " search_text, created_by, created_at, updated_by, updated_at) values"
                            + " (?, ?, 'Trụ sở xã', 'DANVAN', ?, ?, 'Lãnh đạo xã', ?, 'tru so xa', 'generator', ?, 'generator', ?)",
                    GEN_FROM.plusWeeks(i),
                    i % 4 != 0,
                    GEN_UNIT_DV,
                    GEN_PATH,
                    1 + random.nextInt(9),
                    Timestamp.from(Instant.now()),
                    Timestamp.from(Instant.now()));
        }
        return gens;
    }

    static Timestamp at(LocalDate day, ZoneId zone, int hour) {
        return Timestamp.from(day.atTime(hour, 0).atZone(zone).toInstant());
    }

    @Test
    void everyFigureOfTwentyThousandGeneratedCasesEqualsAnIndependentComputation() {
        List<Gen> gens = generate();
        Api admin = new Api(rest, "admin");
        LocalDate from = LocalDate.of(2024, 7, 1);
        LocalDate to = LocalDate.of(2025, 6, 30);
        var response = admin.get("/api/reports/summary?from={f}&to={t}&unitId={u}", from, to, GEN_UNIT_DV);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> report = response.getBody();
        Map<String, Object> f = figures(report);
        assertThat(((Number) f.get("casesReceived")).longValue()).isGreaterThan(9000);
        assertCounts(f, GEN_PATH, from, to);
        List<CaseClocks.Measure> steps = expectedSteps(gens, from, to);
        assertThat(steps).hasSizeGreaterThan(10_000);
        assertThat(((Map<?, ?>) f.get("timeSavedByStep")).keySet().stream().map(String::valueOf))
                .contains("ACCEPT", "RESOLVE");
        assertThat(((Number) f.get("hotspots")).longValue()).isPositive();
        assertSteps(f, steps);
        // the previous year too
        @SuppressWarnings("unchecked")
        Map<String, Object> previous = figures((Map<String, Object>) report.get("previous"));
        assertCounts(previous, GEN_PATH, from.minusYears(1), from.minusDays(1));
        assertSteps(previous, expectedSteps(gens, from.minusYears(1), from.minusDays(1)));
        // one agency only: the cases it leads
        var police = admin.get("/api/reports/summary?from={f}&to={t}&unitId={u}&agency=CONGAN", from, to, GEN_UNIT_DV);
        assertThat(((Number) figures(police.getBody()).get("casesReceived")).longValue())
                .isEqualTo(count(
                        "select count(*) from cases where lead_agency = 'CONGAN' and area_path = ? and received_at >= ? and received_at < ?",
                        GEN_PATH,
                        start(from),
                        end(to)));
        assertThat(figures(police.getBody()).get("receptions")).isEqualTo(0);
    }

    /** The generated cases' finished steps, computed here from the rules, the holiday table and the weekends. */
    List<CaseClocks.Measure> expectedSteps(List<Gen> gens, LocalDate from, LocalDate to) {
        Map<LocalDate, String> holidays = new HashMap<>();
        jdbc.query("select holiday_date, kind from holiday", rs -> {
            holidays.put(rs.getDate(1).toLocalDate(), rs.getString(2));
        });
        List<CaseClocks.Measure> out = new ArrayList<>();
        for (Gen g : gens) {
            LocalDate acceptEnd = g.accepted() != null ? g.accepted() : g.closed();
            if (acceptEnd != null) {
                Rule r = rule(g.type(), "ACCEPT", g.received());
                if (r == null) {
                    r = rule(g.type(), "INFORM", g.received());
                }
                measure(out, "ACCEPT", r, g.received(), acceptEnd, holidays, from, to);
            }
            LocalDate resolveEnd = g.decided() != null ? g.decided() : g.closed();
            if (g.accepted() != null && resolveEnd != null) {
                measure(
                        out,
                        "RESOLVE",
                        rule(g.type(), "RESOLVE", g.accepted(), g.complexity()),
                        g.accepted(),
                        resolveEnd,
                        holidays,
                        from,
                        to);
                measure(
                        out,
                        "VERIFY",
                        rule(g.type(), "VERIFY", g.accepted(), g.complexity()),
                        g.accepted(),
                        resolveEnd,
                        holidays,
                        from,
                        to);
            }
        }
        return out;
    }

    record Rule(Integer days, String unit, Integer targetDays, Integer targetPercent) {}

    /** The rule of a step for a case of this complexity: its variant's, else the standard one. */
    Rule rule(String type, String step, LocalDate on, String complexity) {
        Rule r = "STANDARD".equals(complexity) ? null : rule(type, step, on, complexity, true);
        return r != null ? r : rule(type, step, on);
    }

    Rule rule(String type, String step, LocalDate on) {
        return rule(type, step, on, "STANDARD", true);
    }

    Rule rule(String type, String step, LocalDate on, String variant, boolean unused) {
        List<Rule> rules = jdbc.query(
                "select duration_days, unit, target_days, target_percent from legal_rule where step = ? and variant = ?"
                        + " and (case_type = ? or case_type is null) and (instance_no is null or instance_no = 1)"
                        + " and effective_from <= ? and (effective_to is null or effective_to >= ?)"
                        + " order by case when case_type is null then 1 else 0 end, case when instance_no is null then 1 else 0 end, id",
                (rs, n) -> new Rule((Integer) rs.getObject(1), rs.getString(2), (Integer) rs.getObject(3), (Integer)
                        rs.getObject(4)),
                step,
                variant,
                type,
                on,
                on);
        return rules.isEmpty() ? null : rules.get(0);
    }

    void measure(
            List<CaseClocks.Measure> out,
            String step,
            Rule rule,
            LocalDate start,
            LocalDate end,
            Map<LocalDate, String> holidays,
            LocalDate from,
            LocalDate to) {
        if (rule == null || rule.days() == null || end.isBefore(from) || end.isAfter(to)) {
            return;
        }
        LocalDate statutory = due(rule.unit(), start, rule.days(), holidays);
        Integer targetDays = rule.targetDays() != null
                ? rule.targetDays()
                : rule.targetPercent() != null ? Math.max(1, rule.days() * (100 - rule.targetPercent()) / 100) : null;
        LocalDate target = targetDays == null ? statutory : due(rule.unit(), start, targetDays, holidays);
        out.add(new CaseClocks.Measure(
                vn.tandem.sla.LegalStep.valueOf(step),
                end,
                Math.max(0, ChronoUnit.DAYS.between(start, end)),
                ChronoUnit.DAYS.between(start, statutory),
                !end.isAfter(target),
                !end.isAfter(statutory)));
    }

    static boolean working(LocalDate day, Map<LocalDate, String> holidays) {
        String kind = holidays.get(day);
        if (kind != null) {
            return "WORKING_DAY".equals(kind);
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    static LocalDate due(String unit, LocalDate start, int days, Map<LocalDate, String> holidays) {
        if ("WORKING_DAYS".equals(unit)) {
            LocalDate day = start;
            for (int counted = 0; counted < days; ) {
                day = day.plusDays(1);
                if (working(day, holidays)) {
                    counted++;
                }
            }
            return day;
        }
        LocalDate day = start.plusDays(days);
        while (!working(day, holidays)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
