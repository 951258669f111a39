package vn.tandem.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.CaseType;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Unit;
import vn.tandem.process.SituationRounds;
import vn.tandem.process.TandemClock;
import vn.tandem.situation.Assessment;
import vn.tandem.situation.NewReport;
import vn.tandem.situation.SignalCategory;
import vn.tandem.situation.SignalRisk;
import vn.tandem.situation.Situation;

/**
 * Two years of weekly situation reports from every commune unit of both agencies, with their signals; the last
 * weeks' most serious signals promoted to incidents, some watched, older small ones dismissed. Deterministic.
 */
@Component
@ConditionalOnProperty(name = "tandem.demo.enabled", havingValue = "true")
class DemoSituation {

    private static final Logger log = LoggerFactory.getLogger(DemoSituation.class);
    static final int WEEKS = 104;
    /** Units whose report on last week has not come: the week's run gives them an overdue report task. */
    static final java.util.Set<String> LATE_LAST_WEEK = java.util.Set.of("CA-YENSON", "DV-HAMYEN");

    /** Runs an action as a demo user. */
    interface RunAs {
        <T> T as(String username, Supplier<T> action);
    }

    private record Sample(SignalCategory category, String place, String description, String source) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample(
                    SignalCategory.LAND,
                    "Thôn 2",
                    "Hai hộ tranh chấp ranh giới đất vườn sau khi đo đạc lại, đã lời qua tiếng lại.",
                    "Trưởng thôn 2"),
            new Sample(
                    SignalCategory.CLEARANCE,
                    "Khu tái định cư",
                    "Một số hộ chưa đồng thuận đơn giá bồi thường, bàn nhau không bàn giao mặt bằng.",
                    "Cán bộ địa chính xã"),
            new Sample(
                    SignalCategory.ENVIRONMENT,
                    "Khu vực bãi tập kết rác",
                    "Người dân phản ánh mùi hôi từ bãi rác, có ý kiến kêu gọi chặn xe rác.",
                    "Chi hội phụ nữ"),
            new Sample(
                    SignalCategory.LABOUR,
                    "Cụm công nghiệp",
                    "Công nhân một xưởng may bàn tán việc chậm trả lương hai tháng.",
                    "Công đoàn cơ sở"),
            new Sample(
                    SignalCategory.RELIGION_ETHNIC,
                    "Bản Nà Vài",
                    "Xuất hiện người lạ đến tuyên truyền đạo trái phép tại nhà dân.",
                    "Người có uy tín trong bản"),
            new Sample(
                    SignalCategory.CROWD,
                    "Trước trụ sở UBND",
                    "Khoảng 20 người dân tập trung đề nghị giải quyết kiến nghị về đường dân sinh.",
                    "Công an xã"),
            new Sample(
                    SignalCategory.RUMOUR,
                    "Nhóm mạng xã hội của thôn",
                    "Lan truyền tin thất thiệt về việc thu hồi đất mở rộng dự án.",
                    "Đoàn thanh niên"),
            new Sample(
                    SignalCategory.CRIME,
                    "Quán nước đầu cầu",
                    "Nhóm thanh niên tụ tập đánh bạc vào buổi tối, có biểu hiện sử dụng ma túy.",
                    "Tổ an ninh cơ sở"),
            new Sample(
                    SignalCategory.OTHER,
                    "Chợ trung tâm",
                    "Tiểu thương phàn nàn về việc thu phí vệ sinh tăng, chưa được giải thích.",
                    "Ban quản lý chợ"));

    private final Situation situation;
    private final Directory directory;
    private final TandemClock clock;

    DemoSituation(Situation situation, Directory directory, TandemClock clock, SituationRounds rounds) {
        this.rounds = rounds;
        this.situation = situation;
        this.directory = directory;
        this.clock = clock;
    }

    private final SituationRounds rounds;

    void create(RunAs runAs) {
        Random random = new Random(14);
        Instant now = clock.instant();
        LocalDate thisMonday = LocalDate.now(clock).with(DayOfWeek.MONDAY);
        List<Unit> communes = directory.units().stream()
                .filter(u -> u.getArea().getPath().chars().filter(c -> c == '/').count() > 2)
                .toList();
        List<Long> recentSerious = new ArrayList<>();
        List<Long> recentMedium = new ArrayList<>();
        List<Long> oldSmall = new ArrayList<>();
        int reports = 0;
        int signals = 0;
        try {
            for (int week = WEEKS; week >= 1; week--) {
                LocalDate from = thisMonday.minusWeeks(week);
                LocalDate to = from.plusDays(6);
                clock.setTime(
                        to.atTime(LocalTime.of(16, 30)).atZone(clock.getZone()).toInstant());
                for (Unit unit : communes) {
                    if (week == 1 && LATE_LAST_WEEK.contains(unit.getCode())) {
                        continue; // these two still owe last week's report: their tasks open, late
                    }
                    List<NewReport.NewSignal> list = new ArrayList<>();
                    int count = random.nextInt(10) < 6 ? random.nextInt(3) : 0;
                    for (int i = 0; i < count; i++) {
                        Sample sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
                        SignalRisk risk = SignalRisk.values()[Math.min(3, random.nextInt(10) / 3)];
                        list.add(new NewReport.NewSignal(
                                sample.category(),
                                sample.place() + ", " + unit.getArea().getName(),
                                sample.category() == SignalCategory.CROWD ? 10 + random.nextInt(30) : random.nextInt(8),
                                risk,
                                sample.description(),
                                sample.source(),
                                List.of()));
                    }
                    Assessment assessment = list.stream().anyMatch(s -> s.risk().ordinal() >= 2)
                            ? Assessment.COMPLEX
                            : list.isEmpty() ? Assessment.STABLE : Assessment.WATCH;
                    String reporter = reporter(unit);
                    Situation.Filed filed = runAs.as(
                            reporter,
                            () -> situation.submit(
                                    new NewReport(unit.getId(), from, to, assessment, list),
                                    "demo-" + unit.getCode() + "-" + from,
                                    Directory.currentUser()));
                    reports++;
                    signals += filed.signals().size();
                    for (var s : filed.signals()) {
                        if (week <= 3 && s.getRisk().ordinal() >= 2) {
                            recentSerious.add(s.getId());
                        } else if (week <= 4 && s.getRisk() == SignalRisk.MEDIUM) {
                            recentMedium.add(s.getId());
                        } else if (week > 8 && s.getRisk() == SignalRisk.LOW && random.nextInt(3) == 0) {
                            oldSmall.add(s.getId());
                        }
                    }
                }
            }
        } finally {
            clock.reset();
        }
        triage(runAs, recentSerious, recentMedium, oldSmall, now);
        // an ad hoc report this week naming a petitioner of an earlier case (the signal's page lists that case)
        directory.units().stream()
                .filter(u -> u.getCode().equals("CA-HAMYEN"))
                .findFirst()
                .ifPresent(unit -> runAs.as(
                        reporter(unit),
                        () -> situation.submit(
                                new NewReport(
                                        unit.getId(),
                                        thisMonday,
                                        LocalDate.now(clock),
                                        Assessment.WATCH,
                                        List.of(new NewReport.NewSignal(
                                                SignalCategory.LAND,
                                                "Thôn Làng Chẵng, "
                                                        + unit.getArea().getName(),
                                                6,
                                                SignalRisk.MEDIUM,
                                                "Một số hộ thôn Làng Chẵng lại bàn nhau lên huyện hỏi về đất rừng"
                                                        + " giao khoán, sau buổi đối thoại chưa thống nhất.",
                                                "Trưởng thôn Làng Chẵng",
                                                List.of(new NewReport.NewPerson(
                                                        "Hoàng Văn Sáng", "008081004567", "0987 654 321"))))),
                                "demo-adhoc-" + unit.getCode(),
                                Directory.currentUser())));
        // this week's run of the report rounds, as on Monday morning: last week's rounds are filed, except the two
        // units above, whose tasks are overdue by now and escalate
        try {
            clock.setTime(thisMonday
                    .atTime(LocalTime.of(1, 0))
                    .atZone(clock.getZone())
                    .toInstant());
            rounds.runNow();
        } finally {
            clock.reset();
        }
        log.info("Created {} demo situation reports with {} signals", reports, signals);
    }

    /** The police promote the most serious recent signals; Dân vận watches some, dismisses old small ones. */
    private void triage(RunAs runAs, List<Long> serious, List<Long> medium, List<Long> small, Instant now) {
        for (Long id : serious.stream().limit(4).toList()) {
            runAs.as(
                    "officer.congan",
                    () -> situation.promote(
                            id, new Situation.Promotion(CaseType.INCIDENT, null, null), Directory.currentUser()));
        }
        LocalDate inAWeek = LocalDate.ofInstant(now.plus(Duration.ofDays(7)), clock.getZone());
        for (Long id : medium.stream().limit(6).toList()) {
            runAs.as("officer.danvan", () -> situation.watch(id, inAWeek, Directory.currentUser()));
        }
        for (Long id : small.stream().limit(40).toList()) {
            runAs.as(
                    "officer.danvan",
                    () -> situation.dismiss(
                            id, "Đã xác minh, sự việc được giải quyết tại cơ sở.", Directory.currentUser()));
        }
    }

    /** The commune's own officer where the demo has one, else the agency's provincial officer. */
    private static String reporter(Unit unit) {
        String agency = unit.getAgencyCode().equals("CONGAN") ? "congan" : "danvan";
        return unit.getCode().endsWith("MINHXUAN") ? "officer." + agency + ".minhxuan" : "officer." + agency;
    }
}
