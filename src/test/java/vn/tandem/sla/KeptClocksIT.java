package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tandem.casefile.Cases;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The dashboard's counts come from the clocks kept beside the cases: day after day they equal the clocks computed
 * live for every open case, through acceptance, a pause and its end, an extension by decision, a change of the
 * rules (rows forgotten, counted live meanwhile, written again by the background pass).
 */
@TandemIntegrationTest
class KeptClocksIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    KeptClocks kept;

    @Autowired
    CaseClocks clocks;

    @Autowired
    Cases cases;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    vn.tandem.casefile.CaseImports imports;

    @AfterEach
    void reset() {
        clock.reset();
    }

    void at(LocalDate day) {
        clock.setTime(LocalDateTime.of(day, LocalTime.of(9, 0)).atZone(VN).toInstant());
    }

    /** On track, at risk, breached, past the statutory limit. */
    record Counts(long onTrack, long atRisk, long breached, long statutory) {}

    Counts keptCounts() {
        return kept.tallyAll().stream()
                .map(t -> new Counts(t.onTrack(), t.atRisk(), t.breached(), t.statutoryBreached()))
                .reduce(
                        new Counts(0, 0, 0, 0),
                        (a, b) -> new Counts(
                                a.onTrack + b.onTrack,
                                a.atRisk + b.atRisk,
                                a.breached + b.breached,
                                a.statutory + b.statutory));
    }

    /** Every open case's clocks computed from scratch, as the dashboard did before it kept them. */
    Counts liveCounts() {
        TransactionTemplate read = new TransactionTemplate(transactions);
        read.setReadOnly(true);
        return read.execute(tx -> {
            long[] n = new long[4];
            clocks.ofAll(cases.findByStatusIn(KeptClocks.COUNTED))
                    .values()
                    .forEach(all -> CaseClocks.current(all).ifPresent(c -> {
                        n[c.standing().state().ordinal()]++;
                        if (c.standing().statutoryBreached()) {
                            n[3]++;
                        }
                    }));
            return new Counts(n[0], n[1], n[2], n[3]);
        });
    }

    String keptAs(String code) {
        List<String> found = jdbc.queryForList(
                "select k.kept from case_clock_now k join cases c on c.id = k.case_id where c.code = ?",
                String.class,
                code);
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    void theKeptCountsEqualTheClocksComputedLiveDayAfterDay() {
        Api officer = new Api(rest, "officer.congan");
        Api supervisor = new Api(rest, "supervisor.congan");
        LocalDate first = LocalDate.of(2031, 3, 3);
        List<String> codes = new ArrayList<>();
        String[] types = {"COMPLAINT", "DENUNCIATION", "PETITION", "COMPLAINT", "DENUNCIATION", "PETITION"};
        for (int i = 0; i < types.length; i++) {
            at(first.plusDays(2L * i));
            codes.add(officer.createCase(2, types[i], "Vụ việc giữ đồng hồ " + i));
        }
        at(first.plusDays(12));
        assertThat(officer.complete(officer.taskId(codes.get(0), "Task_Accept"), Map.of("decision", "ACCEPT")))
                .isEqualTo(204);
        assertThat(officer.complete(officer.taskId(codes.get(1), "Task_Accept"), Map.of("decision", "ACCEPT")))
                .isEqualTo(204);
        assertThat(keptAs(codes.get(0))).isEqualTo("RUNNING");
        assertThat(keptCounts()).isEqualTo(liveCounts());

        // a paused clock is counted live while it stands still; its row says so
        assertThat(supervisor
                        .post("/api/cases/" + codes.get(3) + "/clock/pause", Map.of("reason", "Chờ công dân bổ sung"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(keptAs(codes.get(3))).isEqualTo("PAUSED");
        for (int day = 13; day <= 60; day += 4) {
            at(first.plusDays(day));
            assertThat(keptCounts()).as("day %d", day).isEqualTo(liveCounts());
            if (day == 29) {
                assertThat(supervisor
                                .post("/api/cases/" + codes.get(3) + "/clock/resume", Map.of())
                                .getStatusCode()
                                .value())
                        .isEqualTo(204);
                assertThat(keptAs(codes.get(3))).isEqualTo("RUNNING");
            }
        }

        // the rules changed: the rows that may be read are forgotten, the counts stay right, the pass writes them
        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> events.publishEvent(new KeptClocks.BasisChanged("test")));
        assertThat(codes).allSatisfy(code -> assertThat(keptAs(code)).isNull());
        assertThat(keptCounts()).isEqualTo(liveCounts());
        assertThat(kept.keepMissing()).isGreaterThanOrEqualTo(codes.size());
        assertThat(codes).allSatisfy(code -> assertThat(keptAs(code)).isNotNull());
        assertThat(keptCounts()).isEqualTo(liveCounts());
        assertThat(kept.keepMissing()).isZero();

        // the trend reads how closed cases ended their resolution clock from the rows: the same as computed live
        for (int late : new int[] {20, 80}) {
            Instant received = first.plusDays(5).atStartOfDay(VN).toInstant();
            imports.importSettled(
                    new vn.tandem.casefile.CaseImports.Settled(
                            vn.tandem.casefile.CaseType.COMPLAINT,
                            vn.tandem.casefile.Channel.LETTER,
                            "Khiếu nại đã giải quyết sau " + late + " ngày",
                            "Đã khép hồ sơ.",
                            2,
                            0,
                            false,
                            vn.tandem.casefile.Complexity.STANDARD,
                            received,
                            received.plus(java.time.Duration.ofDays(3)),
                            received.plus(java.time.Duration.ofDays(late)),
                            received.plus(java.time.Duration.ofDays(late + 2)),
                            vn.tandem.casefile.Outcome.RESOLVED,
                            "Đã giải quyết."),
                    "officer.congan");
        }
        at(first.plusDays(100));
        java.time.Instant since = first.atStartOfDay(VN).toInstant();
        var admin = directoryUser("admin");
        List<KeptClocks.Closed> fromRows = kept.closedSince(admin, vn.tandem.casefile.CaseScope.ALL, since);
        assertThat(fromRows).isNotEmpty();
        assertThat(fromRows.stream().map(KeptClocks.Closed::toString).sorted().toList())
                .isEqualTo(liveClosedSince(since).stream()
                        .map(KeptClocks.Closed::toString)
                        .sorted()
                        .toList());
    }

    @Autowired
    vn.tandem.identity.Directory directory;

    vn.tandem.identity.CurrentUser directoryUser(String name) {
        return directory.find(name).orElseThrow();
    }

    /** The cases closed since a moment with a finished resolution clock, computed from scratch. */
    List<KeptClocks.Closed> liveClosedSince(java.time.Instant since) {
        TransactionTemplate read = new TransactionTemplate(transactions);
        read.setReadOnly(true);
        return read.execute(tx -> {
            List<KeptClocks.Closed> closed = new ArrayList<>();
            var all = cases.findAll().stream()
                    .filter(c -> c.getClosedAt() != null && !c.getClosedAt().isBefore(since))
                    .filter(c -> c.getAcceptedAt() != null)
                    .toList();
            clocks.ofAll(all)
                    .forEach((id, caseClocks) -> caseClocks.stream()
                            .filter(x -> x.step() == LegalStep.RESOLVE && x.phase() == CaseClocks.Phase.DONE)
                            .findFirst()
                            .ifPresent(x -> closed.add(new KeptClocks.Closed(
                                    all.stream()
                                            .filter(c -> c.getId().equals(id))
                                            .findFirst()
                                            .orElseThrow()
                                            .getClosedAt(),
                                    x.end(),
                                    x.deadline().due(),
                                    x.deadline().statutoryDue()))));
            return closed;
        });
    }

    /**
     * A register imported from years the working calendar does not know: the import commits (the row is written in
     * its transaction and must not fail it), the case has no row, and the background pass does not stall on it.
     */
    @Test
    void aCaseFromBeforeTheCalendarIsImportedWithoutARow() {
        at(LocalDate.of(2031, 5, 5));
        Instant received = LocalDate.of(2019, 3, 4).atStartOfDay(VN).toInstant();
        var imported = imports.importSettled(
                new vn.tandem.casefile.CaseImports.Settled(
                        vn.tandem.casefile.CaseType.COMPLAINT,
                        vn.tandem.casefile.Channel.LETTER,
                        "Khiếu nại từ sổ cũ năm 2019",
                        "Nhập từ sổ theo dõi giấy.",
                        2,
                        0,
                        false,
                        vn.tandem.casefile.Complexity.STANDARD,
                        received,
                        received.plus(java.time.Duration.ofDays(3)),
                        received.plus(java.time.Duration.ofDays(30)),
                        received.plus(java.time.Duration.ofDays(32)),
                        vn.tandem.casefile.Outcome.RESOLVED,
                        "Đã giải quyết."),
                "officer.congan");
        assertThat(cases.findById(imported.getId())).isPresent();
        assertThat(keptAs(imported.getCode())).isNull();
        assertThat(kept.keepMissing()).isGreaterThanOrEqualTo(0);
        assertThat(keptCounts()).isEqualTo(liveCounts());
    }
}
