package vn.tandem.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.Cases;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Unit;
import vn.tandem.process.TandemClock;
import vn.tandem.reception.DialogueInput;
import vn.tandem.reception.ReceptionInput;
import vn.tandem.reception.ReceptionLog;

/**
 * Two years of citizen reception in the demo province — the weekly reception day of each agency's provincial unit,
 * some ad hoc sessions in the communes — and dialogue meetings; recent matters are linked to the demo cases.
 */
@Component
@ConditionalOnProperty(name = "tandem.demo.enabled", havingValue = "true")
class DemoReception {

    private static final Logger log = LoggerFactory.getLogger(DemoReception.class);

    private static final List<String> MATTERS = List.of(
            "Đề nghị xem xét lại mức bồi thường khi thu hồi đất làm đường",
            "Phản ánh xưởng chế biến gỗ gây tiếng ồn, bụi",
            "Hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất (đã hướng dẫn)",
            "Tranh chấp ranh giới đất giữa hai hộ",
            "Kiến nghị sửa chữa đường liên thôn",
            "Phản ánh tình trạng cho vay lãi nặng",
            "Đề nghị giải quyết chế độ chính sách người có công",
            "Hỏi tiến độ giải quyết đơn đã gửi (đã trả lời)");

    private final ReceptionLog receptions;
    private final Directory directory;
    private final Cases cases;
    private final TandemClock clock;

    DemoReception(ReceptionLog receptions, Directory directory, Cases cases, TandemClock clock) {
        this.receptions = receptions;
        this.directory = directory;
        this.cases = cases;
        this.clock = clock;
    }

    void create(DemoSituation.RunAs runAs) {
        Random random = new Random(17);
        LocalDate today = LocalDate.now(clock);
        List<Case> recent = cases.findAll().stream()
                .filter(c -> c.getType().name().equals("COMPLAINT")
                        || c.getType().name().equals("PETITION"))
                .sorted(Comparator.comparing(Case::getReceivedAt))
                .toList();
        int sessions = 0;
        for (String unitCode : List.of("DV-TINH", "CA-TINH")) {
            Unit unit = unit(unitCode);
            DayOfWeek day = unitCode.startsWith("DV") ? DayOfWeek.THURSDAY : DayOfWeek.MONDAY;
            for (LocalDate d = today.minusYears(2).with(day); !d.isAfter(today); d = d.plusWeeks(1)) {
                if (d.isBefore(today.minusYears(2))) {
                    continue;
                }
                List<ReceptionInput.Matter> matters = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    String code = null;
                    if (!recent.isEmpty() && d.isAfter(today.minusWeeks(6)) && random.nextInt(3) == 0) {
                        Case c = recent.get(random.nextInt(recent.size()));
                        boolean theirs = c.getLeadAgency().equals(unit.getAgencyCode())
                                || c.getSharedAgencies().contains(unit.getAgencyCode());
                        code = theirs ? c.getCode() : null;
                    }
                    matters.add(new ReceptionInput.Matter(MATTERS.get(random.nextInt(MATTERS.size())), code));
                }
                ReceptionInput input = new ReceptionInput(
                        d,
                        true,
                        unitCode.startsWith("DV") ? "Trụ sở Tiếp công dân tỉnh" : "Phòng tiếp công dân Công an tỉnh",
                        unit.getId(),
                        unitCode.startsWith("DV")
                                ? "Đồng chí Phó Trưởng Ban Dân vận Tỉnh ủy"
                                : "Đồng chí Phó Giám đốc Công an tỉnh",
                        count + random.nextInt(4),
                        null,
                        matters);
                runAs.as(supervisorOf(unit), () -> receptions.record(input, Directory.currentUser()));
                sessions++;
            }
        }
        int dialogues = 0;
        List<Unit> communes = directory.units().stream()
                .filter(u -> !"PROVINCE".equals(u.getArea().getKind()))
                .toList();
        for (int i = 0; i < 16; i++) {
            Unit unit = communes.get(random.nextInt(communes.size()));
            LocalDate d = today.minusDays(10 + random.nextInt(700));
            DialogueInput input = new DialogueInput(
                    d,
                    "Nhà văn hóa " + unit.getArea().getName(),
                    unit.getId(),
                    directory.agencies().stream().map(a -> a.getCode()).toList(),
                    "Lãnh đạo " + unit.getName() + "; đại diện Khối Dân vận và Công an cơ sở; Mặt trận, các đoàn thể",
                    10 + random.nextInt(40),
                    "Giải thích chính sách bồi thường, hỗ trợ; tiếp thu ý kiến, hẹn trả lời bằng văn bản trong 15 ngày.",
                    List.of());
            runAs.as(supervisorOf(unit), () -> receptions.record(input, Directory.currentUser()));
            dialogues++;
        }
        log.info("Created {} demo reception sessions and {} dialogue meetings", sessions, dialogues);
    }

    private Unit unit(String code) {
        return directory.units().stream()
                .filter(u -> u.getCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static String supervisorOf(Unit unit) {
        return "CONGAN".equals(unit.getAgencyCode()) ? "supervisor.congan" : "supervisor.danvan";
    }
}
