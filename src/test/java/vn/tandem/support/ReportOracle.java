package vn.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.sla.CaseClocks;

/**
 * The period summary's figures computed independently of the report's code: SQL written here over the tables, and
 * the step times aggregated here from measures the caller selected.
 */
public final class ReportOracle {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ReportOracle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    public Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    public Timestamp end(LocalDate day) {
        return Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    Map<String, Long> grouped(String sql, Object... args) {
        Map<String, Long> map = new TreeMap<>();
        jdbc.query(
                sql,
                rs -> {
                    map.put(rs.getString(1), rs.getLong(2));
                },
                args);
        return map;
    }

    static Map<String, Long> nonZero(Object map) {
        Map<String, Long> out = new TreeMap<>();
        ((Map<?, ?>) map).forEach((k, v) -> {
            long n = ((Number) v).longValue();
            if (n != 0) {
                out.put((String) k, n);
            }
        });
        return out;
    }

    /** The counts every report shows, each from its own SQL over the scope (area path prefix, period). */
    public void assertCounts(Map<String, Object> f, String path, LocalDate from, LocalDate to) {
        String like = path + "%";
        Timestamp s = start(from);
        Timestamp e = end(to);
        assertThat(((Number) f.get("campaigns")).longValue())
                .isEqualTo(count(
                        "select count(*) from program_item where kind = 'CAMPAIGN' and status <> 'PLANNED'"
                                + " and start_date between ? and ? and area_path like ?",
                        from,
                        to,
                        like));
        assertThat(((Number) f.get("drives")).longValue())
                .isEqualTo(count(
                        "select count(*) from program_item where kind = 'DRIVE' and status <> 'PLANNED'"
                                + " and start_date between ? and ? and area_path like ?",
                        from,
                        to,
                        like));
        assertThat(((Number) f.get("models")).longValue())
                .isEqualTo(count(
                        "select count(*) from program_item where kind = 'MODEL' and status <> 'PLANNED'"
                                + " and start_date between ? and ? and area_path like ?",
                        from,
                        to,
                        like));
        assertThat(((Number) f.get("modelsActive")).longValue())
                .isEqualTo(count(
                        "select count(*) from program_item where kind = 'MODEL' and status <> 'PLANNED'"
                                + " and start_date <= ? and (end_date is null or end_date >= ?) and area_path like ?",
                        to,
                        from,
                        like));
        assertThat(((Number) f.get("receptions")).longValue())
                .isEqualTo(count(
                        "select count(*) from reception where held_on between ? and ? and area_path like ?",
                        from,
                        to,
                        like));
        assertThat(((Number) f.get("citizensReceived")).longValue())
                .isEqualTo(count(
                        "select coalesce(sum(citizens), 0) from reception where held_on between ? and ? and area_path like ?",
                        from,
                        to,
                        like));
        assertThat(((Number) f.get("dialogues")).longValue())
                .isEqualTo(count(
                        "select count(*) from dialogue where held_on between ? and ? and area_path like ?",
                        from,
                        to,
                        like));
        assertThat(((Number) f.get("casesReceived")).longValue())
                .isEqualTo(count(
                        "select count(*) from cases where received_at >= ? and received_at < ? and area_path like ?",
                        s,
                        e,
                        like));
        assertThat(nonZero(f.get("casesReceivedByType")))
                .isEqualTo(grouped(
                        "select type, count(*) from cases where received_at >= ? and received_at < ? and area_path like ?"
                                + " group by type",
                        s,
                        e,
                        like));
        assertThat(nonZero(f.get("casesReceivedByChannel")))
                .isEqualTo(grouped(
                        "select channel, count(*) from cases where received_at >= ? and received_at < ? and area_path like ?"
                                + " group by channel",
                        s,
                        e,
                        like));
        String outcomeAt = "(case when outcome in ('RESOLVED', 'STABILIZED', 'TEMPORARILY_STABILIZED')"
                + " then coalesce(decided_at, closed_at) else closed_at end)";
        Map<String, Long> outcomes = grouped(
                "select outcome, count(*) from cases where outcome is not null and " + outcomeAt + " >= ? and "
                        + outcomeAt + " < ? and area_path like ? group by outcome",
                s,
                e,
                like);
        long open = count(
                "select count(*) from cases where received_at < ? and (closed_at is null or closed_at >= ?)"
                        + " and area_path like ? and (outcome is null or " + outcomeAt + " >= ?)",
                e,
                s,
                like,
                e);
        if (open > 0) {
            outcomes.put("OPEN", open);
        }
        assertThat(nonZero(f.get("casesByOutcome"))).isEqualTo(outcomes);
        assertThat(((Number) f.get("complexStabilized")).longValue())
                .isEqualTo(count(
                        "select count(*) from cases where outcome in ('STABILIZED', 'TEMPORARILY_STABILIZED')"
                                + " and complexity <> 'STANDARD' and " + outcomeAt + " >= ? and " + outcomeAt
                                + " < ? and area_path like ?",
                        s,
                        e,
                        like));
        assertThat(((Number) f.get("reopened")).longValue())
                .isEqualTo(count(
                        "select count(*) from cases where reopened_at >= ? and reopened_at < ? and area_path like ?",
                        s,
                        e,
                        like));
        assertThat(((Number) f.get("hotspots")).longValue())
                .isEqualTo(count(
                        "select count(distinct t.case_id) from timeline_entry t join cases c on c.id = t.case_id"
                                + " where t.kind = 'HOTSPOT' and t.at >= ? and t.at < ? and c.area_path like ?",
                        s,
                        e,
                        like));
        assertThat(((Number) f.get("crowd")).longValue())
                .isEqualTo(count(
                        "select count(*) from cases where crowd = true and received_at >= ? and received_at < ?"
                                + " and area_path like ?",
                        s,
                        e,
                        like));
        assertThat(((Number) f.get("levelSkipping")).longValue())
                .isEqualTo(count(
                        "select count(*) from cases where level_skipping = true and received_at >= ? and received_at < ?"
                                + " and area_path like ?",
                        s,
                        e,
                        like));
        assertThat(((Number) f.get("signals")).longValue())
                .isEqualTo(count(
                        "select count(*) from signal where reported_at >= ? and reported_at < ? and area_path like ?",
                        s,
                        e,
                        like));
        String requests = " from information_request r where r.requested_at >= ? and r.requested_at < ?"
                + " and ((r.case_id is null and r.area_path like ?)"
                + " or r.case_id in (select c.id from cases c where c.area_path like ?))";
        assertThat(((Number) f.get("informationRequests")).longValue())
                .isEqualTo(count("select count(*)" + requests, s, e, like, like));
        assertThat(((Number) f.get("informationAnsweredOnTime")).longValue())
                .isEqualTo(count(
                        "select count(*)" + requests + " and r.answered_at is not null"
                                + " and (r.due_at is null or r.answered_at <= r.due_at)",
                        s,
                        e,
                        like,
                        like));
    }

    @SuppressWarnings("unchecked")
    public static void assertSteps(Map<String, Object> f, List<CaseClocks.Measure> measured) {
        assertThat(((Number) f.get("stepsMeasured")).longValue()).isEqualTo(measured.size());
        if (measured.isEmpty()) {
            assertThat(f.get("onTimeRate")).isNull();
            return;
        }
        assertThat(((Number) f.get("onTimeRate")).doubleValue())
                .isCloseTo(
                        100.0
                                * measured.stream()
                                        .filter(CaseClocks.Measure::onTarget)
                                        .count()
                                / measured.size(),
                        within(0.051));
        assertThat(((Number) f.get("onTimeStatutoryRate")).doubleValue())
                .isCloseTo(
                        100.0
                                * measured.stream()
                                        .filter(CaseClocks.Measure::onStatutory)
                                        .count()
                                / measured.size(),
                        within(0.051));
        double saved = measured.stream()
                .mapToDouble(m -> 100.0 * (m.daysAllowed() - m.daysUsed()) / m.daysAllowed())
                .average()
                .orElseThrow();
        assertThat(((Number) f.get("timeSavedPercent")).doubleValue()).isCloseTo(saved, within(0.051));
        Map<String, Object> bySteps = (Map<String, Object>) f.get("timeSavedByStep");
        Map<String, List<CaseClocks.Measure>> grouped = new LinkedHashMap<>();
        measured.forEach(m ->
                grouped.computeIfAbsent(m.step().name(), k -> new ArrayList<>()).add(m));
        assertThat(bySteps.keySet()).containsExactlyInAnyOrderElementsOf(grouped.keySet());
        grouped.forEach((step, list) -> {
            Map<String, Object> s = (Map<String, Object>) bySteps.get(step);
            long[] used = list.stream()
                    .mapToLong(CaseClocks.Measure::daysUsed)
                    .sorted()
                    .toArray();
            double median = used.length % 2 == 1
                    ? used[used.length / 2]
                    : (used[used.length / 2 - 1] + used[used.length / 2]) / 2.0;
            assertThat(((Number) s.get("count")).longValue()).as(step).isEqualTo(list.size());
            assertThat(((Number) s.get("averageDaysUsed")).doubleValue())
                    .as(step)
                    .isCloseTo(java.util.Arrays.stream(used).average().orElseThrow(), within(0.051));
            assertThat(((Number) s.get("medianDaysUsed")).doubleValue())
                    .as(step)
                    .isCloseTo(median, within(0.051));
            assertThat(((Number) s.get("averageDaysAllowed")).doubleValue())
                    .as(step)
                    .isCloseTo(
                            list.stream()
                                    .mapToLong(CaseClocks.Measure::daysAllowed)
                                    .average()
                                    .orElseThrow(),
                            within(0.051));
            assertThat(((Number) s.get("timeSavedPercent")).doubleValue())
                    .as(step)
                    .isCloseTo(
                            list.stream()
                                    .mapToDouble(m -> 100.0 * (m.daysAllowed() - m.daysUsed()) / m.daysAllowed())
                                    .average()
                                    .orElseThrow(),
                            within(0.051));
            assertThat(((Number) s.get("onTimeRate")).doubleValue())
                    .as(step)
                    .isCloseTo(
                            100.0
                                    * list.stream()
                                            .filter(CaseClocks.Measure::onTarget)
                                            .count()
                                    / list.size(),
                            within(0.051));
            assertThat(((Number) s.get("onTimeStatutoryRate")).doubleValue())
                    .as(step)
                    .isCloseTo(
                            100.0
                                    * list.stream()
                                            .filter(CaseClocks.Measure::onStatutory)
                                            .count()
                                    / list.size(),
                            within(0.051));
        });
    }
}
