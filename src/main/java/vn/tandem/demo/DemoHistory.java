package vn.tandem.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.CaseImports;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Channel;
import vn.tandem.casefile.Complexity;
import vn.tandem.casefile.Outcome;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Unit;
import vn.tandem.process.TandemClock;

/**
 * Two years of settled cases in the demo province's register, imported with their own dates, so the first period
 * summary reads like the province's own: acceptance within days, resolutions well inside the statutory limits,
 * mostly resolved or stabilized, a few transferred, refused or merged, some complex cases stabilized.
 */
@Component
@ConditionalOnProperty(name = "tandem.demo.enabled", havingValue = "true")
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private static final List<String> TITLES = List.of(
            "Tranh chấp ranh giới đất giữa hai hộ dân",
            "Khiếu nại mức bồi thường, hỗ trợ khi thu hồi đất",
            "Kiến nghị sửa chữa đường liên thôn xuống cấp",
            "Phản ánh cơ sở sản xuất gây ô nhiễm môi trường",
            "Tố cáo cán bộ thôn thu tiền trái quy định",
            "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất",
            "Phản ánh tình trạng cho vay lãi nặng",
            "Mâu thuẫn, xô xát giữa các nhóm thanh niên",
            "Kiến nghị giải quyết chế độ chính sách người có công",
            "Phản ánh tiếng ồn của xưởng chế biến gỗ",
            "Tranh chấp lối đi chung trong khu dân cư",
            "Tụ tập đông người phản đối dự án khai thác cát");

    private static final int CASES = 480;

    private final CaseImports imports;
    private final Directory directory;
    private final TandemClock clock;

    DemoHistory(CaseImports imports, Directory directory, TandemClock clock) {
        this.imports = imports;
        this.directory = directory;
        this.clock = clock;
    }

    void create(DemoSituation.RunAs runAs) {
        Random random = new Random(20);
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        List<Unit> units = directory.units().stream()
                .filter(u -> !"PROVINCE".equals(u.getArea().getKind()))
                .toList();
        for (int i = 0; i < CASES; i++) {
            Unit unit = units.get(random.nextInt(units.size()));
            int roll = random.nextInt(100);
            CaseType type = roll < 40
                    ? CaseType.COMPLAINT
                    : roll < 55 ? CaseType.DENUNCIATION : roll < 85 ? CaseType.PETITION : CaseType.INCIDENT;
            LocalDate received = today.minusDays(60 + random.nextInt(670));
            int o = random.nextInt(100);
            Outcome outcome = o < 45
                    ? Outcome.RESOLVED
                    : o < 70
                            ? Outcome.STABILIZED
                            : o < 80
                                    ? Outcome.TEMPORARILY_STABILIZED
                                    : o < 87 ? Outcome.TRANSFERRED : o < 95 ? Outcome.REFUSED : Outcome.MERGED;
            boolean settled = outcome == Outcome.RESOLVED
                    || outcome == Outcome.STABILIZED
                    || outcome == Outcome.TEMPORARILY_STABILIZED;
            Complexity complexity =
                    type != CaseType.PETITION && random.nextInt(100) < 15 ? Complexity.COMPLEX : Complexity.STANDARD;
            LocalDate accepted =
                    settled ? received.plusDays(1 + random.nextInt(type == CaseType.COMPLAINT ? 8 : 5)) : null;
            LocalDate decided =
                    settled ? accepted.plusDays(5 + random.nextInt(complexity == Complexity.COMPLEX ? 35 : 22)) : null;
            LocalDate closed = settled
                    ? (outcome == Outcome.TEMPORARILY_STABILIZED ? null : decided)
                    : received.plusDays(2 + random.nextInt(6));
            CaseImports.Settled s = new CaseImports.Settled(
                    type,
                    Channel.values()[random.nextInt(Channel.values().length)],
                    TITLES.get(random.nextInt(TITLES.size())),
                    "Vụ việc đã giải quyết trước khi dùng Tandem, nhập từ sổ theo dõi của đơn vị.",
                    unit.getId(),
                    random.nextInt(100) < 6 ? 5 + random.nextInt(20) : 1 + random.nextInt(3),
                    false,
                    complexity,
                    at(received, zone, 8 + random.nextInt(8)),
                    accepted == null ? null : at(accepted, zone, 9),
                    decided == null ? null : at(decided, zone, 15),
                    closed == null ? null : at(closed, zone, 16),
                    outcome,
                    "Nhập từ sổ theo dõi.");
            runAs.as("admin", () -> imports.importSettled(s, "admin"));
        }
        log.info("Imported {} settled demo cases of the last two years", CASES);
    }

    private static Instant at(LocalDate day, ZoneId zone, int hour) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }
}
