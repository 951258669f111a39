package vn.tandem.demo;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Unit;
import vn.tandem.process.TandemClock;
import vn.tandem.program.ModelField;
import vn.tandem.program.ProgramInput;
import vn.tandem.program.ProgramKind;
import vn.tandem.program.ProgramStatus;
import vn.tandem.program.Programs;

/**
 * Two years of the demo province's coordination program: a few campaigns, a dozen emulation drives tied to the
 * agencies' traditional days and Tết, and a few dozen "Dân vận khéo" models in the communes.
 */
@Component
@ConditionalOnProperty(name = "tandem.demo.enabled", havingValue = "true")
class DemoProgram {

    private static final Logger log = LoggerFactory.getLogger(DemoProgram.class);

    private record Campaign(String title, String unit, int monthsAgo, ProgramStatus status, String results) {}

    private static final List<Campaign> CAMPAIGNS = List.of(
            new Campaign(
                    "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
                    "DV-TINH",
                    24,
                    ProgramStatus.ACTIVE,
                    "12 xã đạt chuẩn nông thôn mới nâng cao; 46 km đường giao thông nông thôn do nhân dân hiến đất,"
                            + " góp công."),
            new Campaign(
                    "Người Việt Nam ưu tiên dùng hàng Việt Nam",
                    "DV-TINH",
                    22,
                    ProgramStatus.COMPLETED,
                    "35 phiên chợ hàng Việt về nông thôn; 18 sản phẩm OCOP của tỉnh được giới thiệu."),
            new Campaign(
                    "Dân vận khéo trong giải quyết khiếu nại, tranh chấp tại cơ sở",
                    "CA-TINH",
                    18,
                    ProgramStatus.ACTIVE,
                    "Phối hợp giải quyết dứt điểm 46 vụ việc phức tạp; không phát sinh điểm nóng, khiếu kiện vượt cấp."));

    private record Occasion(String title, String occasion, Month month, int day, String unit) {}

    private static final List<Occasion> OCCASIONS = List.of(
            new Occasion(
                    "Đợt thi đua cao điểm chào mừng Ngày truyền thống Công an nhân dân",
                    "Ngày truyền thống Công an nhân dân (19/8)",
                    Month.AUGUST,
                    19,
                    "CA-TINH"),
            new Occasion(
                    "Đợt thi đua chào mừng Ngày truyền thống công tác dân vận của Đảng",
                    "Ngày truyền thống công tác dân vận (15/10)",
                    Month.OCTOBER,
                    15,
                    "DV-TINH"),
            new Occasion(
                    "Thi đua bảo đảm an ninh trật tự Tết Nguyên đán", "Tết Nguyên đán", Month.FEBRUARY, 1, "CA-TINH"),
            new Occasion(
                    "Thi đua \"Dân vận khéo\" chào mừng Ngày hội Đại đoàn kết toàn dân tộc",
                    "Ngày hội Đại đoàn kết toàn dân tộc (18/11)",
                    Month.NOVEMBER,
                    18,
                    "DV-TINH"),
            new Occasion(
                    "Phong trào Toàn dân bảo vệ an ninh Tổ quốc — đợt cao điểm",
                    "Ngày hội Toàn dân bảo vệ an ninh Tổ quốc (19/8)",
                    Month.JULY,
                    1,
                    "CA-TINH"),
            new Occasion("Thi đua chào mừng Quốc khánh", "Quốc khánh (2/9)", Month.AUGUST, 1, "DV-TINH"));

    private record ModelSample(String title, ModelField field, String results) {}

    private static final List<ModelSample> MODELS = List.of(
            new ModelSample(
                    "Tổ hòa giải ở cơ sở gắn với Ban công tác Mặt trận",
                    ModelField.SECURITY_ORDER,
                    "Hòa giải thành %d vụ tranh chấp đất đai, hôn nhân gia đình ngay tại thôn."),
            new ModelSample(
                    "Camera an ninh khu dân cư do nhân dân đóng góp",
                    ModelField.SECURITY_ORDER,
                    "Lắp %d camera; giúp làm rõ 3 vụ trộm cắp."),
            new ModelSample(
                    "Dòng họ, khu dân cư không có người vi phạm pháp luật",
                    ModelField.CULTURE_SOCIETY,
                    "%d dòng họ đăng ký, ký cam kết."),
            new ModelSample(
                    "Hỗ trợ hộ nghèo phát triển chăn nuôi",
                    ModelField.ECONOMY,
                    "%d hộ được hỗ trợ con giống; 5 hộ thoát nghèo."),
            new ModelSample(
                    "Đối thoại định kỳ giữa chính quyền và nhân dân mỗi quý",
                    ModelField.POLITICAL_SYSTEM,
                    "Tổ chức %d buổi đối thoại; tiếp thu 27 ý kiến."),
            new ModelSample(
                    "Tuyến đường tự quản xanh – sạch – đẹp",
                    ModelField.CULTURE_SOCIETY,
                    "%d km đường được trồng hoa, thắp sáng."),
            new ModelSample(
                    "Vận động hiến đất mở rộng đường giao thông nông thôn",
                    ModelField.ECONOMY,
                    "%d hộ hiến đất, không phát sinh khiếu nại."),
            new ModelSample(
                    "Tổ tự quản an ninh trật tự ở khu dân cư",
                    ModelField.SECURITY_ORDER,
                    "%d tổ hoạt động; tình hình an ninh trật tự ổn định."));

    private final Programs programs;
    private final Directory directory;
    private final TandemClock clock;

    DemoProgram(Programs programs, Directory directory, TandemClock clock) {
        this.programs = programs;
        this.directory = directory;
        this.clock = clock;
    }

    void create(DemoSituation.RunAs runAs) {
        Random random = new Random(16);
        LocalDate today = LocalDate.now(clock);
        int created = 0;
        for (Campaign c : CAMPAIGNS) {
            Unit unit = unit(c.unit());
            LocalDate start = today.minusMonths(c.monthsAgo()).withDayOfMonth(1);
            ProgramInput input = new ProgramInput(
                    c.title(),
                    unit.getId(),
                    null,
                    null,
                    start,
                    c.status() == ProgramStatus.COMPLETED ? start.plusMonths(12) : null,
                    c.status(),
                    "Triển khai trên toàn tỉnh, phối hợp giữa Ban Dân vận Tỉnh ủy và Công an tỉnh.",
                    c.results(),
                    c.status() == ProgramStatus.COMPLETED ? "Bằng khen của Ủy ban nhân dân tỉnh" : null,
                    directory.units().stream().map(Unit::getId).toList(),
                    List.of());
            runAs.as(supervisorOf(unit), () -> programs.create(ProgramKind.CAMPAIGN, input, Directory.currentUser()));
            created++;
        }
        for (int year = today.getYear() - 2; year <= today.getYear(); year++) {
            for (Occasion o : OCCASIONS) {
                LocalDate end = LocalDate.of(year, o.month(), o.day());
                LocalDate start = end.minusDays(60);
                if (start.isAfter(today) || end.isBefore(today.minusYears(2))) {
                    continue;
                }
                Unit unit = unit(o.unit());
                ProgramInput input = new ProgramInput(
                        o.title() + " năm " + year,
                        unit.getId(),
                        null,
                        o.occasion(),
                        start,
                        end,
                        end.isBefore(today) ? ProgramStatus.COMPLETED : ProgramStatus.ACTIVE,
                        "Các đơn vị đăng ký chỉ tiêu, sơ kết sau đợt thi đua.",
                        (10 + random.nextInt(30)) + " tập thể, " + (20 + random.nextInt(60))
                                + " cá nhân đăng ký; hoàn thành các chỉ tiêu đề ra.",
                        end.isBefore(today) ? "Giấy khen cho " + (3 + random.nextInt(8)) + " tập thể" : null,
                        List.of(),
                        List.of());
                runAs.as(supervisorOf(unit), () -> programs.create(ProgramKind.DRIVE, input, Directory.currentUser()));
                created++;
            }
        }
        List<Unit> communes = directory.units().stream()
                .filter(u -> !"PROVINCE".equals(u.getArea().getKind()))
                .toList();
        for (Unit unit : communes) {
            int count = 4 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                ModelSample m = MODELS.get(random.nextInt(MODELS.size()));
                LocalDate start = today.minusDays(30 + random.nextInt(700));
                ProgramStatus status =
                        random.nextInt(6) == 0 && !start.plusMonths(6).isAfter(today)
                                ? ProgramStatus.COMPLETED
                                : ProgramStatus.ACTIVE;
                ProgramInput input = new ProgramInput(
                        m.title() + " — " + unit.getArea().getName(),
                        unit.getId(),
                        m.field(),
                        null,
                        start,
                        status == ProgramStatus.COMPLETED ? start.plusMonths(6) : null,
                        status,
                        "Mô hình do " + unit.getName() + " xây dựng, nhân dân cùng làm, cùng giám sát.",
                        String.format(m.results(), 3 + random.nextInt(20)),
                        random.nextInt(4) == 0 ? "Biểu dương tại hội nghị điển hình tiên tiến" : null,
                        List.of(unit.getId()),
                        List.of());
                runAs.as(supervisorOf(unit), () -> programs.create(ProgramKind.MODEL, input, Directory.currentUser()));
                created++;
            }
        }
        log.info("Created {} demo program items", created);
    }

    private Unit unit(String code) {
        return directory.units().stream()
                .filter(u -> u.getCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** The province's supervisor of the unit's agency (covers every commune). */
    private static String supervisorOf(Unit unit) {
        return "CONGAN".equals(unit.getAgencyCode()) ? "supervisor.congan" : "supervisor.danvan";
    }
}
