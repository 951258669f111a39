package vn.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import vn.tandem.casefile.CaseImports;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Channel;
import vn.tandem.casefile.Complexity;
import vn.tandem.casefile.Outcome;
import vn.tandem.identity.AccessTokens;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Unit;
import vn.tandem.inbox.TaskActions;
import vn.tandem.intake.Intake;
import vn.tandem.intake.IntakeForm;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TandemClock;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.internal.BareEngine;

/**
 * Issue 19's harness: Tandem measured side by side with a bare Camunda 7 engine and with Camunda's own REST API, in
 * one run, on one database server, on one machine; every figure a ratio. Run by
 * {@code ./mvnw -Pbench verify -Dbench.size=quick|full [-Dbench.db=postgres]} (docs/benchmarks.md), never by
 * {@code ./mvnw verify}. The JVM runs with {@code -Xmx512m}. Fails (so the build exits non-zero) when a target is
 * missed; the report is printed and written to {@code target/benchmarks/bench-<db>-<size>.md}.
 *
 * <p>Phases, in order: the case flow at 1, 2 and 4 client threads (which also warms the code up); SLA warnings
 * falling due at once; the data set (open cases made through the processes, historic cases cloned from imported ones); the
 * inbox and the dashboard under requests; memory.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TandemBenchIT.Profiles.class)
class TandemBenchIT {

    static final String DB = System.getProperty("bench.db", "h2");
    static final BenchSize SIZE = BenchSize.of(System.getProperty("bench.size", "quick"));
    /** {@code all}, or some of {@code sla,flow,data} (data also measures the inbox, the dashboard and memory). */
    static final String PHASES = System.getProperty("bench.phases", "all");

    static boolean phase(String name) {
        return "all".equals(PHASES) || List.of(PHASES.split(",")).contains(name);
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A Monday, 09:00 in the province: the run's clock starts here and only moves forward. */
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    /** {@code bench} (H2 file under target/bench), plus {@code bench-postgres} with {@code -Dbench.db=postgres}. */
    static class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            if ("postgres".equals(DB)) {
                resetPostgres();
                return new String[] {"bench", "bench-postgres"};
            }
            if (!"h2".equals(DB)) {
                throw new IllegalArgumentException("bench.db is h2 or postgres, not " + DB);
            }
            resetH2();
            return new String[] {"bench"};
        }
    }

    /** The bare engine's database on the same PostgreSQL server. */
    static final String BARE_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/tandem_bench_bare";

    /** Every run starts from empty databases ({@code tandem_bench} and {@code tandem_bench_bare}, owned by tandem). */
    static void resetPostgres() {
        for (String url : List.of("jdbc:postgresql://127.0.0.1:5432/tandem_bench", BARE_POSTGRES)) {
            try (var connection = java.sql.DriverManager.getConnection(url, "tandem", "tandem");
                    var statement = connection.createStatement()) {
                statement.execute("drop schema public cascade");
                statement.execute("create schema public");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(
                        "bench.db=postgres needs the databases tandem_bench and tandem_bench_bare owned by tandem", e);
            }
        }
    }

    /** Every run starts from empty databases. */
    static void resetH2() {
        try (Stream<Path> files = Files.exists(Path.of("target/bench")) ? Files.walk(Path.of("target/bench")) : null) {
            if (files != null) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Intake intake;

    @Autowired
    TaskActions actions;

    @Autowired
    Directory directory;

    @Autowired
    AccessTokens tokens;

    @Autowired
    CaseImports imports;

    @Autowired
    TandemClock clock;

    @Value("${spring.datasource.url}")
    String tandemUrl;

    @Value("${spring.datasource.username:sa}")
    String dbUser;

    @Value("${spring.datasource.password:}")
    String dbPassword;

    static BareEngine bare;

    final Figures figures = new Figures();
    CurrentUser officer;
    CurrentUser danvan;
    CurrentUser supervisor;
    List<Long> units;
    Http officerToken;
    Http danvanToken;
    Http supervisorToken;
    Http adminToken;
    final AtomicLong sequence = new AtomicLong();

    @AfterAll
    static void closeBare() {
        if (bare != null) {
            bare.close();
        }
    }

    @Test
    void tandemAgainstTheBareEngineAndCamundaRest() throws Exception {
        clock.setTime(T0);
        openBare();
        officer = directory.find("officer.congan").orElseThrow();
        danvan = directory.find("officer.danvan").orElseThrow();
        supervisor = directory.find("supervisor.congan").orElseThrow();
        units = directory.units().stream()
                .filter(u -> "CONGAN".equals(u.getAgencyCode()))
                .map(Unit::getId)
                .toList();
        officerToken = Http.token(
                port, tokens.issue(officer, "bench", AccessTokens.MAX_DAYS).secret());
        danvanToken = Http.token(
                port, tokens.issue(danvan, "bench", AccessTokens.MAX_DAYS).secret());
        supervisorToken = Http.token(
                port, tokens.issue(supervisor, "bench", AccessTokens.MAX_DAYS).secret());
        adminToken = Http.token(
                port,
                tokens.issue(directory.find("admin").orElseThrow(), "bench", AccessTokens.MAX_DAYS)
                        .secret());
        figures.line("Run of " + LocalDate.now() + ": size " + SIZE.name() + ", database " + DB + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, heap limit "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB.");

        if (phase("flow")) {
            caseFlow();
        }
        if (phase("sla")) {
            slaWarnings();
        }
        if (phase("data")) {
            dataSet();
            long gcBefore = Figures.gcMs();
            long wallBefore = System.nanoTime();
            double bareP95 = inbox();
            dashboard(bareP95);
            memory(gcBefore, wallBefore);
        }
        if (!"all".equals(PHASES)) {
            figures.line("Only the phases " + PHASES + " ran: this run proves nothing about the others.");
        }

        Path file = Path.of("target/benchmarks/bench-" + DB + "-" + SIZE.name() + ".md");
        figures.finish("Tandem benchmark — " + SIZE.name() + " run on " + DB, file);
        System.out.println("Report: " + file.toAbsolutePath());
        if (!figures.missed().isEmpty()) {
            throw new AssertionError("Targets missed: " + figures.missed());
        }
    }

    void openBare() throws Exception {
        if ("postgres".equals(DB)) {
            bare = BareEngine.open("bare", BARE_POSTGRES, "tandem", "tandem");
        } else {
            bare = BareEngine.open(
                    "bare", "jdbc:h2:file:./target/bench/bare;WRITE_DELAY=0;LOCK_TIMEOUT=10000", "sa", "");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // SLA warnings

    /**
     * {@code slaCases} cases whose acceptance warning falls due at the same moment: how long Tandem's job executor
     * takes from the first warning raised to the last (one alert per case, no more, no breach), against the bare
     * engine's job executor firing the same number of warning timers. Each engine's wake-up after the clock jump
     * (its acquisition's idle back-off) is reported apart, not counted. A first round of a fifth of the cases warms
     * both up and is not reported.
     */
    void slaWarnings() throws Exception {
        figures.heading("SLA warnings falling due at once (" + SIZE.slaCases() + " cases)");
        slaRound(Math.max(20, SIZE.slaCases() / 5), T0.plus(Duration.ofDays(30)), false);
        slaRound(SIZE.slaCases(), T0.plus(Duration.ofDays(120)), true);
    }

    /** Lets both engines run every job due now (breaches, escalations, statutory limits), then stops the bare one. */
    void drainAll() throws Exception {
        bare.startJobExecutor();
        while (bare.dueTimers() > 0 || tandemDueJobs() > 0) {
            Thread.sleep(100);
        }
        bare.stopJobExecutor();
    }

    void slaRound(int n, Instant base, boolean report) throws Exception {
        long bareBefore = bare.firedTimers("Event_AcceptAtRisk");
        clock.setTime(base);
        long offset = sequence.addAndGet(n);
        parallel(2, n, i -> bare.start(offset + i, bareVariables(1_000_000 + offset + i, "COMPLAINT")));
        clock.setTime(base.plus(Duration.ofDays(21)));
        long firstCase = parallel(2, n, i -> receive(CaseType.COMPLAINT)).stream()
                .mapToLong(Long::longValue)
                .min()
                .orElseThrow();
        // each batch: every warning due, no breach yet; the bare batch's warnings well before Tandem's
        // (an earlier round's breach timers are still there, all before this round's base)
        Instant bareWarn = bare.timerDue("Event_AcceptAtRisk", true, base);
        check(bareWarn.isBefore(bare.timerDue("Event_AcceptBreached", false, base)), "bare warnings before breaches");
        Instant tandemWarn = tandemTimerDue("Event_AcceptAtRisk", true, base);
        check(
                tandemWarn.isBefore(tandemTimerDue("Event_AcceptBreached", false, base)),
                "Tandem warnings before breaches");
        check(bareWarn.isBefore(tandemWarn.minusSeconds(1)), "the two batches' warnings fall apart");

        clock.setTime(bareWarn.plusSeconds(1));
        long jump = System.nanoTime();
        bare.startJobExecutor();
        double[] bareTimes = drain(() -> bare.firedTimers("Event_AcceptAtRisk") - bareBefore, n, jump);
        bare.stopJobExecutor();
        check(bare.firedTimers("Event_AcceptAtRisk") - bareBefore == n, "bare warnings fired once each");

        // this round's cases only (their ids follow every earlier case's)
        String alerts = "select count(*) from sla_alert where threshold = 'WARNING' and case_id >= " + firstCase;
        String breaches = "select count(*) from sla_alert where threshold <> 'WARNING' and case_id >= " + firstCase;
        clock.setTime(tandemWarn.plusSeconds(1));
        jump = System.nanoTime();
        double[] tandemTimes = drain(() -> jdbc.queryForObject(alerts, Long.class), n, jump);
        while (tandemDueJobs() > 0) {
            Thread.sleep(50);
        }
        long raised = jdbc.queryForObject(alerts, Long.class);
        long escalations = jdbc.queryForObject(breaches, Long.class);
        check(raised == n, "one warning per case, got " + raised);
        check(escalations == 0, "no breach before its time, got " + escalations);
        // the round's breaches and statutory limits are let run now, so they do not load the next round
        clock.setTime(base.plus(Duration.ofDays(80)));
        drainAll();
        if (!report) {
            return;
        }
        figures.line("Drain: from the first warning to the last. Wake-up: from the clock's jump to the first warning"
                + " (the job executor's idle back-off, not counted).");
        figures.line("");
        figures.table("", "cases", "drain s", "warnings per second", "wake-up s", "effects");
        figures.row("bare engine (warning timers fired)", n, bareTimes[1], n / bareTimes[1], bareTimes[0], n);
        figures.row(
                "Tandem (alerts raised, ladder run)", n, tandemTimes[1], n / tandemTimes[1], tandemTimes[0], raised);
        figures.target("SLA warnings: Tandem drain time / bare drain time", tandemTimes[1], bareTimes[1], 1.5);
    }

    interface Count {
        long get() throws Exception;
    }

    /** Polls until {@code n} effects exist: {seconds until the first, seconds from the first to the last}. */
    static double[] drain(Count count, int n, long jump) throws Exception {
        long first = 0;
        while (true) {
            long c = count.get();
            long now = System.nanoTime();
            if (c > 0 && first == 0) {
                first = now;
            }
            if (c >= n) {
                return new double[] {(first - jump) / 1e9, (now - first) / 1e9};
            }
            Thread.sleep(5);
        }
    }

    Instant tandemTimerDue(String activity, boolean latest, Instant after) {
        return jdbc.queryForObject(
                        "select " + (latest ? "max" : "min") + "(j.DUEDATE_) from ACT_RU_JOB j join ACT_RU_JOBDEF d"
                                + " on j.JOB_DEF_ID_ = d.ID_ where d.ACT_ID_ = ? and j.DUEDATE_ > ?",
                        java.sql.Timestamp.class,
                        activity,
                        java.sql.Timestamp.from(after))
                .toInstant();
    }

    long tandemDueJobs() {
        return jdbc.queryForObject(
                "select count(*) from ACT_RU_JOB where DUEDATE_ <= ? and RETRIES_ > 0",
                Long.class,
                java.sql.Timestamp.from(clock.instant()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Case flow

    /** The happy path of case-handling (accept, verify by both agencies, propose, approve, implement, outcome). */
    interface Flow {
        void run(int i) throws Exception;
    }

    void caseFlow() throws Exception {
        figures.heading("Case flow: the happy path of case-handling.bpmn (7 user tasks)");
        clock.setTime(T0);
        Map<String, Flow> flows = new LinkedHashMap<>();
        flows.put("a. bare engine, in-process", this::bareFlow);
        flows.put("b. Tandem services, in-process", this::tandemFlow);
        flows.put("c. Tandem /api over HTTP (token)", this::apiFlow);
        flows.put("d. Camunda engine REST, Tasklist's calls (token)", this::engineRestFlow);
        warmUp(flows);
        int[] threads = {1, 2, 4};
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int round = 0; round < SIZE.flowRounds(); round++) {
            for (int t : threads) {
                for (var e : flows.entrySet()) {
                    double jvm0 = Figures.jvmCpuMs();
                    double pg0 = Figures.postgresCpuMs();
                    double jit0 = Figures.compileCpuMs();
                    long gc0 = Figures.gcMs();
                    long start = System.nanoTime();
                    int cases = SIZE.flowCases() * t;
                    Flow flow = e.getValue();
                    parallel(t, cases, i -> {
                        flow.run(i);
                        return null;
                    });
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double jvm = (Figures.jvmCpuMs() - jvm0) / cases;
                    double pg = "postgres".equals(DB) ? (Figures.postgresCpuMs() - pg0) / cases : 0;
                    double jit = (Figures.compileCpuMs() - jit0) / cases;
                    double gc = (Figures.gcMs() - gc0) / (double) cases;
                    results.computeIfAbsent(e.getKey() + "@" + t, k -> new ArrayList<>())
                            .add(new double[] {jvm, pg, cases / seconds, jit, gc});
                }
            }
        }
        figures.line("Each cell: the median of " + SIZE.flowRounds() + " rounds (min–max), " + SIZE.flowCases()
                + " cases per client thread per round, variants interleaved round by round.");
        figures.line("");
        figures.line("The JVM's CPU includes its JIT compilers and garbage collector; their columns show how much of it"
                + " each cell spent compiling and collecting (a cell still compiling is not at steady state).");
        figures.line("");
        figures.table(
                "variant",
                "threads",
                "JVM CPU-ms/case",
                "of which JIT CPU-ms/case",
                "of which GC ms/case",
                "DB server CPU-ms/case",
                "total CPU-ms/case",
                "cases/s");
        Map<String, Double> cpu = new HashMap<>();
        for (var e : results.entrySet()) {
            List<double[]> rounds = e.getValue();
            List<Double> jvm = rounds.stream().map(r -> r[0]).toList();
            List<Double> pg = rounds.stream().map(r -> r[1]).toList();
            List<Double> total = rounds.stream().map(r -> r[0] + r[1]).toList();
            List<Double> rate = rounds.stream().map(r -> r[2]).toList();
            List<Double> jit = rounds.stream().map(r -> r[3]).toList();
            List<Double> gc = rounds.stream().map(r -> r[4]).toList();
            String[] key = e.getKey().split("@");
            cpu.merge(key[0], Figures.median(total), Double::sum);
            figures.row(
                    key[0],
                    key[1],
                    spread(jvm),
                    spread(jit),
                    spread(gc),
                    "postgres".equals(DB) ? spread(pg) : "(in the JVM)",
                    spread(total),
                    spread(rate));
        }
        String a = "a. bare engine, in-process";
        String b = "b. Tandem services, in-process";
        String c = "c. Tandem /api over HTTP (token)";
        String d = "d. Camunda engine REST, Tasklist's calls (token)";
        figures.line("");
        figures.line(String.format(
                java.util.Locale.ROOT,
                "CPU per case summed over 1, 2 and 4 threads: in-process %.2f× the bare engine, over HTTP %.2f×"
                        + " the Camunda-REST way.",
                cpu.get(b) / cpu.get(a),
                cpu.get(c) / cpu.get(d)));
        figures.target("Case flow in-process: Tandem CPU/case / bare engine CPU/case", cpu.get(b), cpu.get(a), 1.5);
        figures.target("Case flow over HTTP: Tandem /api CPU/case / engine REST CPU/case", cpu.get(c), cpu.get(d), 1.0);
    }

    /**
     * Warms every variant up until the JIT compilers have settled: rounds of {@code warmUpCases} cases per variant on
     * two threads, until a round spends less than {@value #SETTLED_JIT_SHARE} of the JVM's CPU compiling (at most
     * {@value #WARM_UP_ROUNDS} rounds). Measured rounds then show steady-state cost, not the compilation of the code
     * each variant runs first (which made up half of the JVM's CPU with a fixed ten-case warm-up).
     */
    void warmUp(Map<String, Flow> flows) throws Exception {
        double share = 1;
        int round = 0;
        while (round < WARM_UP_ROUNDS && share >= SETTLED_JIT_SHARE) {
            double cpu0 = Figures.jvmCpuMs();
            double jit0 = Figures.compileCpuMs();
            for (Flow flow : flows.values()) {
                parallel(2, SIZE.warmUpCases(), i -> {
                    flow.run(i);
                    return null;
                });
            }
            share = (Figures.compileCpuMs() - jit0) / Math.max(1, Figures.jvmCpuMs() - cpu0);
            round++;
        }
        figures.line(String.format(
                java.util.Locale.ROOT,
                "Warm-up: %d round(s) of %d cases per variant; the last spent %.0f%% of the JVM's CPU compiling.",
                round,
                SIZE.warmUpCases(),
                100 * share));
    }

    static final double SETTLED_JIT_SHARE = 0.1;
    static final int WARM_UP_ROUNDS = 8;

    static String spread(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(java.util.Locale.ROOT, "%.2f (%.2f–%.2f)", Figures.median(values), min, max);
    }

    Map<String, Object> bareVariables(long id, String type) {
        Map<String, Object> vars = BareEngine.startVariables(
                id,
                "BARE-" + id,
                type,
                LocalDate.ofInstant(clock.instant(), ZONE).toString());
        return vars;
    }

    static final Map<String, Object> ACCEPT = Map.of("decision", "ACCEPT", "complexity", "STANDARD");
    static final Map<String, Object> VERIFY_CA =
            Map.of("findings", "Không có dấu hiệu kích động, tình hình ổn định.", "riskLevel", "LOW");
    static final Map<String, Object> VERIFY_DV =
            Map.of("findings", "Đã nắm tình hình tại cơ sở, người dân mong được đối thoại.", "riskLevel", "LOW");
    static final Map<String, Object> PROPOSE = Map.of(
            "plan", "Tổ chức đối thoại và hỗ trợ các hộ dân theo chính sách hiện hành.", "dialogueRequired", true);
    static final Map<String, Object> APPROVE = Map.of("approvalDecision", "APPROVE");
    static final Map<String, Object> OUTCOME =
            Map.of("outcome", "RESOLVED", "outcomeSummary", "Đã giải quyết dứt điểm, công dân rút đơn.");

    Map<String, Object> implement() {
        return Map.of(
                "actionsTaken",
                "Đã đối thoại, công dân đồng thuận với phương án.",
                "dialogueDate",
                LocalDate.ofInstant(clock.instant(), ZONE).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    }

    /**
     * The implementation step's values for the engine's own API: the dialogue day as a date value (the engine's date
     * form type parses a text with one shared {@code SimpleDateFormat}, which is not thread-safe — Camunda Tasklist
     * sends a date value, too).
     */
    Map<String, Object> implementAsDate() {
        return Map.of(
                "actionsTaken",
                "Đã đối thoại, công dân đồng thuận với phương án.",
                "dialogueDate",
                java.util.Date.from(LocalDate.ofInstant(clock.instant(), ZONE)
                        .atStartOfDay(ZONE)
                        .toInstant()));
    }

    void bareFlow(int i) {
        long id = 5_000_000 + sequence.incrementAndGet();
        String pi = bare.start(id, bareVariables(id, "COMPLAINT"));
        bare.submit(pi, CaseHandling.TASK_ACCEPT, null, "officer.congan", ACCEPT);
        bare.submit(pi, CaseHandling.TASK_VERIFY, "congan-officer", "officer.congan", VERIFY_CA);
        bare.submit(pi, CaseHandling.TASK_VERIFY, "danvan-officer", "officer.danvan", VERIFY_DV);
        bare.submit(pi, CaseHandling.TASK_PROPOSE, null, "officer.congan", PROPOSE);
        bare.submit(pi, CaseHandling.TASK_APPROVE, null, "supervisor.congan", APPROVE);
        bare.submit(pi, CaseHandling.TASK_IMPLEMENT, null, "officer.congan", implementAsDate());
        bare.submit(pi, CaseHandling.TASK_OUTCOME, null, "officer.congan", OUTCOME);
        check(bare.ended(pi), "bare case ended");
    }

    long receive(CaseType type) {
        IntakeForm form = new IntakeForm();
        Sample sample = new Sample(sequence.incrementAndGet());
        form.setType(type);
        form.setChannel(Channel.RECEPTION);
        form.setTitle(sample.title());
        form.setDescription(sample.description());
        form.setUnitId(units.get(sample.nextInt(units.size())));
        form.setCrowdSize(1 + sample.nextInt(4));
        form.setPetitioners(new ArrayList<>(List.of(new IntakeForm.PetitionerForm(
                sample.fullName(), sample.idNumber(), sample.phone(), sample.place(), false))));
        return intake.receive(form, officer).getId();
    }

    void work(long caseId, CurrentUser user, String key, Map<String, Object> values) {
        TaskSnapshot task = actions.nextOnCase(caseId, user)
                .filter(t -> t.key().equals(key))
                .orElseThrow(() -> new IllegalStateException("no " + key + " for " + user.username()));
        actions.complete(task.id(), values, user);
    }

    void tandemFlow(int i) {
        long id = receive(CaseType.COMPLAINT);
        work(id, officer, CaseHandling.TASK_ACCEPT, ACCEPT);
        work(id, officer, CaseHandling.TASK_VERIFY, VERIFY_CA);
        work(id, danvan, CaseHandling.TASK_VERIFY, VERIFY_DV);
        work(id, officer, CaseHandling.TASK_PROPOSE, PROPOSE);
        work(id, supervisor, CaseHandling.TASK_APPROVE, APPROVE);
        work(id, officer, CaseHandling.TASK_IMPLEMENT, implement());
        work(id, officer, CaseHandling.TASK_OUTCOME, OUTCOME);
        check(actions.nextOnCase(id, officer).isEmpty(), "Tandem case ended");
    }

    void apiFlow(int i) throws Exception {
        Sample sample = new Sample(sequence.incrementAndGet());
        Map<String, Object> body = new HashMap<>();
        body.put("type", "COMPLAINT");
        body.put("channel", "RECEPTION");
        body.put("title", sample.title());
        body.put("description", sample.description());
        body.put("unitId", units.get(sample.nextInt(units.size())));
        body.put("crowdSize", 2);
        body.put(
                "petitioners",
                List.of(Map.of(
                        "fullName", sample.fullName(),
                        "idNumber", sample.idNumber(),
                        "phone", sample.phone(),
                        "address", sample.place())));
        String code = officerToken.postJson("/api/cases", body, 201).get("code").asText();
        apiStep(officerToken, code, CaseHandling.TASK_ACCEPT, null, ACCEPT);
        apiStep(officerToken, code, CaseHandling.TASK_VERIFY, "congan-officer", VERIFY_CA);
        apiStep(danvanToken, code, CaseHandling.TASK_VERIFY, "danvan-officer", VERIFY_DV);
        apiStep(officerToken, code, CaseHandling.TASK_PROPOSE, null, PROPOSE);
        apiStep(supervisorToken, code, CaseHandling.TASK_APPROVE, null, APPROVE);
        apiStep(officerToken, code, CaseHandling.TASK_IMPLEMENT, null, implement());
        apiStep(officerToken, code, CaseHandling.TASK_OUTCOME, null, OUTCOME);
    }

    /** A client's step: read the case's open tasks, complete the one with this key (for this group). */
    void apiStep(Http http, String code, String key, String group, Map<String, Object> values) throws Exception {
        JsonNode detail = http.getJson("/api/cases/" + code);
        String id = null;
        for (JsonNode task : detail.get("currentTasks")) {
            if (key.equals(task.get("key").asText())
                    && (group == null || task.get("candidateGroups").toString().contains("\"" + group + "\""))) {
                id = task.get("id").asText();
            }
        }
        check(id != null, "open task " + key + " on " + code);
        http.post("/api/tasks/" + id + "/complete", values, 204);
    }

    void engineRestFlow(int i) throws Exception {
        long id = 7_000_000 + sequence.incrementAndGet();
        Map<String, Object> start =
                Map.of("businessKey", Long.toString(id), "variables", typed(bareVariables(id, "COMPLAINT")));
        String pi = adminToken
                .postJson("/engine-rest/engine/bare/process-definition/key/case-handling/start", start, 200)
                .get("id")
                .asText();
        restStep(pi, CaseHandling.TASK_ACCEPT, null, "officer.congan", ACCEPT);
        restStep(pi, CaseHandling.TASK_VERIFY, "congan-officer", "officer.congan", VERIFY_CA);
        restStep(pi, CaseHandling.TASK_VERIFY, "danvan-officer", "officer.danvan", VERIFY_DV);
        restStep(pi, CaseHandling.TASK_PROPOSE, null, "officer.congan", PROPOSE);
        restStep(pi, CaseHandling.TASK_APPROVE, null, "supervisor.congan", APPROVE);
        restStep(pi, CaseHandling.TASK_IMPLEMENT, null, "officer.congan", implementAsDate());
        restStep(pi, CaseHandling.TASK_OUTCOME, null, "officer.congan", OUTCOME);
    }

    /**
     * Tasklist's calls for one task: the task list (here: the instance's task with this key), the task, its form
     * variables, claim (unless assigned), submit the form.
     */
    void restStep(String pi, String key, String group, String user, Map<String, Object> values) throws Exception {
        String list = "/engine-rest/engine/bare/task?processInstanceId=" + pi + "&taskDefinitionKey=" + key
                + (group == null ? "" : "&candidateGroup=" + group);
        JsonNode tasks = adminToken.getJson(list);
        check(tasks.size() == 1, "one open task " + key + " in " + pi);
        String id = tasks.get(0).get("id").asText();
        JsonNode task = adminToken.getJson("/engine-rest/engine/bare/task/" + id);
        adminToken.getJson("/engine-rest/engine/bare/task/" + id + "/form-variables");
        if (task.get("assignee").isNull()) {
            adminToken.post("/engine-rest/engine/bare/task/" + id + "/claim", Map.of("userId", user), 204);
        }
        adminToken.post(
                "/engine-rest/engine/bare/task/" + id + "/submit-form", Map.of("variables", typed(values)), 204);
    }

    static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** Variables in the engine REST API's typed form. */
    static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Map<String, Object> value = new HashMap<>();
            if (v instanceof java.util.Date date) {
                value.put("value", REST_DATE.format(date.toInstant().atZone(ZONE)));
                value.put("type", "Date");
                typed.put(k, value);
                return;
            }
            value.put("value", v);
            value.put(
                    "type",
                    v instanceof Boolean
                            ? "Boolean"
                            : v instanceof Long ? "Long" : v instanceof Integer ? "Integer" : "String");
            typed.put(k, value);
        });
        return typed;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Data set

    /**
     * The open cases, made through the processes in ten batches two days apart (so the oldest are overdue when the
     * clock reaches the end), in both engines alike: 50% waiting for acceptance, 30% accepted and being verified by
     * both agencies, 20% verified and with the officer for a proposal. Then every timer due by then is let run
     * (alerts, escalations), as in a system in use. Historic cases: imported through {@link CaseImports} (200 of
     * them), then cloned in SQL with new codes to the size wanted — the clones are the same rows the import wrote.
     */
    void dataSet() throws Exception {
        figures.heading("Data set");
        int open = SIZE.openCases() - SIZE.slaCases();
        int batches = 10;
        long started = System.nanoTime();
        Instant first = T0.plus(Duration.ofDays(250));
        String[] types = {"COMPLAINT", "DENUNCIATION", "PETITION", "COMPLAINT"};
        List<String> batchSeconds = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            long batchStarted = System.nanoTime();
            clock.setTime(first.plus(Duration.ofDays(2L * b)));
            int count = open / batches;
            parallel(2, count, i -> {
                String type = types[i % types.length];
                long id = receive(CaseType.valueOf(type));
                int stage = i % 10;
                if (stage >= 5) {
                    work(id, officer, CaseHandling.TASK_ACCEPT, ACCEPT);
                }
                if (stage >= 8) {
                    work(id, officer, CaseHandling.TASK_VERIFY, VERIFY_CA);
                    work(id, danvan, CaseHandling.TASK_VERIFY, VERIFY_DV);
                }
                return null;
            });
            long batch = b;
            parallel(2, count, i -> {
                long id = 10_000_000L + batch * 1_000_000L + i;
                Map<String, Object> vars = bareVariables(id, types[i % types.length]);
                Sample sample = new Sample(id);
                vars.put("caseTitle", sample.title());
                vars.put("unitName", "Công an xã " + sample.place());
                String pi = bare.start(id, vars);
                int stage = i % 10;
                if (stage >= 5) {
                    bare.submit(pi, CaseHandling.TASK_ACCEPT, null, "officer.congan", ACCEPT);
                }
                if (stage >= 8) {
                    bare.submit(pi, CaseHandling.TASK_VERIFY, "congan-officer", "officer.congan", VERIFY_CA);
                    bare.submit(pi, CaseHandling.TASK_VERIFY, "danvan-officer", "officer.danvan", VERIFY_DV);
                }
                return pi;
            });
            batchSeconds.add(String.format(java.util.Locale.ROOT, "%.0f", (System.nanoTime() - batchStarted) / 1e9));
            System.out.println("bench: open cases, batch " + (b + 1) + " of " + batches + " made in "
                    + batchSeconds.get(b) + " s");
        }
        double openSeconds = (System.nanoTime() - started) / 1e9;
        clock.setTime(first.plus(Duration.ofDays(2L * batches + 1)));
        long drained = System.nanoTime();
        drainAll();
        bare.dateOpenTasks();
        double drainSeconds = (System.nanoTime() - drained) / 1e9;
        long historicStart = System.nanoTime();
        historic(SIZE.historicCases());
        double historicSeconds = (System.nanoTime() - historicStart) / 1e9;
        long openTandem = jdbc.queryForObject(
                "select count(*) from cases where status in ('RECEIVED','IN_PROGRESS')", Long.class);
        long closedTandem = jdbc.queryForObject("select count(*) from cases where status = 'CLOSED'", Long.class);
        long inboxRows = jdbc.queryForObject("select count(*) from inbox_item", Long.class);
        long alerts = jdbc.queryForObject("select count(*) from sla_alert", Long.class);
        figures.table("", "Tandem", "bare engine");
        figures.row("open cases (made through the processes)", openTandem, "same shape");
        figures.row("open tasks", inboxRows + " (inbox rows)", bare.openTasks());
        figures.row("historic (closed) cases", closedTandem, "—");
        figures.row("SLA alerts raised while the clock moved", alerts, "—");
        if ("h2".equals(DB)) {
            figures.row("H2 file, MiB", fileMiB("target/bench/tandem.mv.db"), fileMiB("target/bench/bare.mv.db"));
        }
        figures.line("");
        figures.line(String.format(
                java.util.Locale.ROOT,
                "Made in %.0f s (open cases, both engines), timers due at the end drained in %.0f s, historic cases in"
                        + " %.0f s.",
                openSeconds,
                drainSeconds,
                historicSeconds));
        figures.line("Each batch of " + open / batches + " open cases in each engine, in order (s): "
                + String.join(", ", batchSeconds) + " — a later batch as fast as the first shows intake does not"
                + " slow down as the register grows.");
    }

    static long fileMiB(String file) {
        try {
            return Files.size(Path.of(file)) / (1024 * 1024);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    void historic(int total) {
        int templates = 200;
        Sample sample = new Sample(42);
        Outcome[] outcomes = {Outcome.RESOLVED, Outcome.RESOLVED, Outcome.STABILIZED, Outcome.RESOLVED};
        CaseType[] types = {CaseType.COMPLAINT, CaseType.DENUNCIATION, CaseType.PETITION, CaseType.COMPLAINT};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < templates; i++) {
            Instant received = T0.minus(Duration.ofDays(30 + sample.nextInt(700)));
            ids.add(imports.importSettled(
                            new CaseImports.Settled(
                                    types[i % types.length],
                                    Channel.RECEPTION,
                                    sample.title(),
                                    sample.description(),
                                    units.get(sample.nextInt(units.size())),
                                    1 + sample.nextInt(5),
                                    false,
                                    Complexity.STANDARD,
                                    received,
                                    received.plus(Duration.ofDays(3)),
                                    received.plus(Duration.ofDays(25)),
                                    received.plus(Duration.ofDays(27)),
                                    outcomes[i % outcomes.length],
                                    "Đã giải quyết xong."),
                            "officer.congan")
                    .getId());
        }
        List<String> columns = jdbc.query("select * from cases where 1 = 0", rs -> {
            List<String> names = new ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                names.add(rs.getMetaData().getColumnName(c).toLowerCase(java.util.Locale.ROOT));
            }
            return names;
        });
        columns.removeAll(List.of("id", "code", "version"));
        String list = String.join(", ", columns);
        long low = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long high = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        for (int copy = 1; (long) copy * templates < total; copy++) {
            jdbc.update(
                    "insert into cases (" + list + ", code, version) select " + list + ", concat('LS-', ?, '-', id), 0"
                            + " from cases where id between ? and ?",
                    copy,
                    low,
                    high);
            // the clock kept beside each case, as the application wrote it for the imported original
            jdbc.update(
                    "insert into case_clock_now (case_id, kept, step, warning_on, due_on, statutory_due_on,"
                            + " resolve_end_on, resolve_due_on, resolve_statutory_due_on, refreshed_at)"
                            + " select n.id, k.kept, k.step, k.warning_on, k.due_on, k.statutory_due_on,"
                            + " k.resolve_end_on, k.resolve_due_on, k.resolve_statutory_due_on, k.refreshed_at"
                            + " from case_clock_now k join cases n on n.code = concat('LS-', ?, '-', k.case_id)"
                            + " where k.case_id between ? and ?",
                    copy,
                    low,
                    high);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Inbox

    /** Returns the bare task query's p95 without filters (the dashboard's baseline). */
    double inbox() throws Exception {
        figures.heading("Inbox: one 50-row page of the tasks offered to the officer's groups, due date first");
        Http session = Http.session(port, "officer.congan", "demo");
        String firstTask = jdbc.queryForObject("select min(task_id) from inbox_item", String.class);
        String dueBefore = REST_DATE.format(clock.instant().atZone(ZONE));
        Map<String, String[]> filters = new LinkedHashMap<>();
        filters.put("no filter", new String[] {"", null, "false"});
        filters.put("case type = complaint", new String[] {"&type=COMPLAINT", "COMPLAINT", "false"});
        filters.put("overdue", new String[] {"&overdue=true", null, "true"});
        figures.line(SIZE.requests() + " requests per cell after 20 warm-up requests, the four ways interleaved"
                + " request by request, a write to each store before every request (no query-cache hits).");
        figures.line("");
        figures.table(
                "filter",
                "Tandem inbox page (HTML)",
                "Tandem /api/tasks",
                "bare TaskQuery",
                "Tasklist REST calls",
                "rows");
        double bareNoFilter = 0;
        for (var f : filters.entrySet()) {
            String query = f.getValue()[0];
            String type = f.getValue()[1];
            boolean overdue = Boolean.parseBoolean(f.getValue()[2]);
            Map<String, Object> restBody = new HashMap<>();
            restBody.put("candidateGroup", "congan-officer");
            restBody.put("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")));
            if (type != null) {
                restBody.put("processVariables", List.of(Map.of("name", "caseType", "operator", "eq", "value", type)));
            }
            if (overdue) {
                restBody.put("dueBefore", dueBefore);
            }
            List<Callable<Integer>> ways = List.of(
                    () -> {
                        String html = session.get("/inbox?scope=group&size=50" + query);
                        return html.split(" data-task=\"", -1).length - 1;
                    },
                    () -> officerToken
                            .getJson("/api/tasks?scope=group&size=50" + query)
                            .get("items")
                            .size(),
                    () -> bare.taskPage("congan-officer", type, overdue, 50),
                    () -> {
                        JsonNode page = adminToken.postJson(
                                "/engine-rest/engine/bare/task?firstResult=0&maxResults=50", restBody, 200);
                        adminToken.postJson("/engine-rest/engine/bare/task/count", restBody, 200);
                        List<String> instances = new ArrayList<>();
                        page.forEach(
                                t -> instances.add(t.get("processInstanceId").asText()));
                        if (!instances.isEmpty()) {
                            adminToken.postJson(
                                    "/engine-rest/engine/bare/variable-instance",
                                    Map.of(
                                            "processInstanceIdIn",
                                            instances,
                                            "variableNameIn",
                                            List.of("caseCode", "caseTitle", "caseType", "unitName")),
                                    200);
                        }
                        return page.size();
                    });
            double[][] ms = new double[ways.size()][SIZE.requests()];
            int[] rows = new int[ways.size()];
            for (int r = -20; r < SIZE.requests(); r++) {
                for (int w = 0; w < ways.size(); w++) {
                    jdbc.update("update inbox_item set priority = priority where task_id = ?", firstTask);
                    bare.touch();
                    long start = System.nanoTime();
                    rows[w] = ways.get(w).call();
                    if (r >= 0) {
                        ms[w][r] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            figures.row(
                    f.getKey(),
                    p(ms[0]),
                    p(ms[1]),
                    p(ms[2]),
                    p(ms[3]),
                    rows[0] + " / " + rows[1] + " / " + rows[2] + " / " + rows[3]);
            double bareP95 = Figures.percentile(ms[2], 95);
            double restP95 = Figures.percentile(ms[3], 95);
            if (bareNoFilter == 0) {
                bareNoFilter = bareP95;
            }
            String[] tandemWays = {"Inbox page", "/api/tasks"};
            for (int w = 0; w < tandemWays.length; w++) {
                double p95 = Figures.percentile(ms[w], 95);
                figures.target(tandemWays[w] + " p95 / bare TaskQuery p95 (" + f.getKey() + ")", p95, bareP95, 0.25);
                figures.target(tandemWays[w] + " p95 / Tasklist REST p95 (" + f.getKey() + ")", p95, restP95, 1.0);
            }
        }
        figures.line("");
        figures.line("Cells: p50 / p95 ms. Rows: rows on the page for each way.");
        return bareNoFilter;
    }

    static String p(double[] ms) {
        return String.format(
                java.util.Locale.ROOT, "%.1f / %.1f", Figures.percentile(ms, 50), Figures.percentile(ms, 95));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Dashboard

    void dashboard(double bareP95) throws Exception {
        figures.heading("Dashboard (supervisor of the lead agency)");
        Http session = Http.session(port, "supervisor.congan", "demo");
        String firstTask = jdbc.queryForObject("select min(task_id) from inbox_item", String.class);
        int requests = SIZE.dashboardRequests();
        double[] summary = new double[requests];
        double[] page = new double[requests];
        for (int r = -10; r < requests; r++) {
            jdbc.update("update inbox_item set priority = priority where task_id = ?", firstTask);
            long start = System.nanoTime();
            supervisorToken.getJson("/api/sla/summary");
            if (r >= 0) {
                summary[r] = (System.nanoTime() - start) / 1e6;
            }
            jdbc.update("update inbox_item set priority = priority where task_id = ?", firstTask);
            start = System.nanoTime();
            session.get("/dashboard");
            if (r >= 0) {
                page[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        // every open escalation the supervisor sees, in full (no target: the list and its export grow with them)
        int listRequests = Math.max(10, requests / 10);
        double[] list = new double[listRequests];
        double[] export = new double[listRequests];
        int listed = 0;
        for (int r = -2; r < listRequests; r++) {
            long start = System.nanoTime();
            listed = supervisorToken.getJson("/api/escalations").size();
            if (r >= 0) {
                list[r] = (System.nanoTime() - start) / 1e6;
            }
            start = System.nanoTime();
            session.get("/dashboard.csv?table=escalations");
            if (r >= 0) {
                export[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        JsonNode counts = supervisorToken.getJson("/api/sla/summary");
        figures.table("request", "p50 / p95 ms", "bare TaskQuery p95 ms");
        figures.row("GET /api/sla/summary", p(summary), bareP95);
        figures.row("GET /dashboard (HTML)", p(page), bareP95);
        figures.row("GET /api/escalations (" + listed + " open, no target)", p(list), "—");
        figures.row("GET /dashboard.csv?table=escalations (no target)", p(export), "—");
        figures.line("");
        figures.line("Summary answered: " + counts);
        figures.target("/api/sla/summary p95 / bare TaskQuery p95", Figures.percentile(summary, 95), bareP95, 0.25);
        figures.target("Dashboard page p95 / bare TaskQuery p95", Figures.percentile(page, 95), bareP95, 0.25);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Memory

    void memory(long gcBefore, long wallBefore) {
        figures.heading("Memory while serving the data set");
        double wall = (System.nanoTime() - wallBefore) / 1e6;
        double gc = Figures.gcMs() - gcBefore;
        Runtime runtime = Runtime.getRuntime();
        long maxMiB = runtime.maxMemory() / (1024 * 1024);
        figures.table("heap limit MiB", "heap used MiB at the end", "GC ms", "wall ms", "GC share");
        figures.row(
                maxMiB,
                (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024),
                gc,
                wall,
                String.format(java.util.Locale.ROOT, "%.2f%%", 100 * gc / wall));
        check(maxMiB <= 512, "the run has -Xmx512m (heap limit " + maxMiB + " MiB)");
        figures.target("GC time share while serving (limit 5%)", gc, wall, 0.05);
    }

    // ---------------------------------------------------------------------------------------------------------

    interface Job<T> {
        T run(int i) throws Exception;
    }

    /** Runs {@code count} jobs on {@code threads} threads; returns their results; fails on the first failure. */
    static <T> List<T> parallel(int threads, int count, Job<T> job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> job.run(n)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            // never interrupt a job that runs: an interrupt inside H2's file I/O closes the file for every connection
            // (one failed job then showed as "IO Exception" in all the others)
            for (Future<T> f : futures) {
                f.cancel(false);
            }
            pool.shutdown();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("benchmark precondition failed: " + what);
        }
    }
}
