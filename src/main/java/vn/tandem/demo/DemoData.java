package vn.tandem.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseFilter;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Channel;
import vn.tandem.casefile.Detection;
import vn.tandem.casefile.Hotspots;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.inbox.TaskActions;
import vn.tandem.intake.Intake;
import vn.tandem.intake.IntakeForm;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.IncidentHandling;
import vn.tandem.process.TandemClock;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.Workflow;

/** Creates the demo users and, at first start, about 30 cases at every stage of the process. */
@Component
@Order(10)
@ConditionalOnProperty(name = "tandem.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";

    private final Directory directory;
    private final Intake intake;
    private final TaskActions tasks;
    private final Workflow workflow;
    private final CaseFiles caseFiles;
    private final Hotspots hotspots;
    private final TandemClock clock;
    private final boolean createCases;
    private final DemoSituation situation;
    private final DemoProgram program;
    private final DemoReception reception;
    private final DemoHistory history;

    DemoData(
            Directory directory,
            Intake intake,
            TaskActions tasks,
            Workflow workflow,
            CaseFiles caseFiles,
            Hotspots hotspots,
            TandemClock clock,
            DemoSituation situation,
            DemoProgram program,
            DemoReception reception,
            DemoHistory history,
            @Value("${tandem.demo.cases:true}") boolean createCases) {
        this.situation = situation;
        this.program = program;
        this.reception = reception;
        this.history = history;
        this.directory = directory;
        this.intake = intake;
        this.tasks = tasks;
        this.workflow = workflow;
        this.caseFiles = caseFiles;
        this.hotspots = hotspots;
        this.clock = clock;
        this.createCases = createCases;
    }

    @Override
    public void run(ApplicationArguments args) {
        createUsers();
        log.info(
                "Demo logins (password '{}'): officer.congan, officer.danvan, supervisor.congan, supervisor.danvan, "
                        + "designer, admin; commune level: officer.congan.minhxuan, officer.danvan.minhxuan, "
                        + "supervisor.congan.minhxuan, supervisor.danvan.minhxuan",
                PASSWORD);
        if (createCases
                && runAs(
                                "admin",
                                () -> caseFiles
                                        .search(
                                                new CaseFilter(null, null, null),
                                                Pageable.ofSize(1),
                                                Directory.currentUser())
                                        .getTotalElements())
                        == 0) {
            createCases();
            situation.create(this::runAs);
            program.create(this::runAs);
            reception.create(this::runAs);
            history.create(this::runAs);
        }
    }

    void createUsers() {
        user("officer.danvan", "Nguyễn Thị Hoa", "DV-TINH", Role.OFFICER);
        user("officer.congan", "Trần Văn Hùng", "CA-TINH", Role.OFFICER);
        user("supervisor.danvan", "Lê Thị Mai", "DV-TINH", Role.SUPERVISOR);
        user("supervisor.congan", "Phạm Quốc Tuấn", "CA-TINH", Role.SUPERVISOR);
        user("designer", "Đỗ Minh Khoa", "DV-TINH", Role.DESIGNER);
        user("admin", "Vũ Thanh Bình", "CA-TINH", Role.ADMIN);
        user("officer.danvan.minhxuan", "Hoàng Thị Lan", "DV-MINHXUAN", Role.OFFICER);
        user("officer.congan.minhxuan", "Đặng Văn Nam", "CA-MINHXUAN", Role.OFFICER);
        user("supervisor.danvan.minhxuan", "Bùi Thị Thu", "DV-MINHXUAN", Role.SUPERVISOR);
        user("supervisor.congan.minhxuan", "Ngô Đức Long", "CA-MINHXUAN", Role.SUPERVISOR);
    }

    private void user(String username, String fullName, String unit, Role role) {
        if (!directory.exists(username)) {
            directory.createUser(username, PASSWORD, fullName, username + "@tandem.local", unit, Set.of(role));
        }
    }

    /** The stages a demo case is driven to. */
    enum Stage {
        RECEIVED,
        TRANSFERRED,
        REFUSED,
        MERGED,
        VERIFYING,
        PROPOSING,
        APPROVING,
        RETURNED,
        IMPLEMENTING,
        RESOLVED,
        STABILIZED,
        MONITORING,
        /** An incident settled on the spot at its first response. */
        SETTLED
    }

    record Spec(
            String officer,
            String unit,
            CaseType type,
            Channel channel,
            String title,
            String description,
            int crowd,
            boolean levelSkipping,
            List<IntakeForm.PetitionerForm> people,
            Stage stage,
            int daysAgo) {}

    void createCases() {
        Instant start = clock.instant();
        int created = 0;
        for (Spec spec : DemoCases.all()) {
            try {
                clock.setTime(start.minus(Duration.ofDays(spec.daysAgo())));
                drive(spec);
                created++;
            } finally {
                clock.reset();
            }
        }
        log.info("Created {} demo cases", created);
    }

    private void drive(Spec spec) {
        IntakeForm form = new IntakeForm();
        form.setType(spec.type());
        form.setChannel(spec.channel());
        form.setTitle(spec.title());
        form.setDescription(spec.description());
        form.setUnitId(directory.units().stream()
                .filter(u -> u.getCode().equals(spec.unit()))
                .findFirst()
                .orElseThrow()
                .getId());
        form.setCrowdSize(spec.crowd());
        form.setLevelSkipping(spec.levelSkipping());
        form.setPetitioners(new ArrayList<>(spec.people()));
        LocalDate received = clock.instant().atZone(clock.getZone()).toLocalDate();
        if (spec.type() == CaseType.COMPLAINT) {
            // the contested decision became known some weeks earlier; the complaint by letter that waits for
            // acceptance came after the 90-day filing window (its acceptance step warns)
            form.setDecisionKnownOn(received.minusDays(
                    spec.channel() == Channel.LETTER && spec.stage() == Stage.RECEIVED ? 120 : 20 + spec.crowd()));
        }
        form.setSeveralSites(spec.type() == CaseType.DENUNCIATION && spec.crowd() >= 5);
        if (spec.type() == CaseType.INCIDENT) {
            // what an incident says at intake: when (a few hours before it was recorded), how it came to light
            form.setOccurredAt(clock.instant()
                    .atZone(clock.getZone())
                    .toLocalDateTime()
                    .minusHours(3 + spec.crowd() % 5)
                    .withSecond(0)
                    .withNano(0));
            form.setDetectedBy(
                    switch (spec.channel()) {
                        case GRASSROOTS -> Detection.SIGNAL;
                        case HOTLINE -> Detection.HOTLINE;
                        default -> Detection.POLICE_REPORT;
                    });
            form.setPeopleInvolved(spec.crowd());
            form.setHarm("Chưa ghi nhận thương tích; chưa có thiệt hại tài sản.");
            form.setForcesOnScene("Công an xã và cán bộ dân vận cơ sở có mặt nắm tình hình.");
        }
        Case c = runAs(spec.officer(), () -> intake.receive(form, Directory.currentUser()));
        String lead = c.getLeadAgency().toLowerCase(Locale.ROOT);
        String supervisor = spec.officer().replace("officer", "supervisor");
        Stage stage = spec.stage();
        if (stage.ordinal() >= Stage.RESOLVED.ordinal()
                || stage.ordinal() <= Stage.MERGED.ordinal() && stage != Stage.RECEIVED) {
            handleHotspot(c, supervisor);
        }
        if (spec.type() == CaseType.INCIDENT) {
            driveIncident(c, spec);
            return;
        }
        switch (stage) {
            case RECEIVED -> {
                return;
            }
            case TRANSFERRED -> {
                complete(
                        c,
                        CaseHandling.TASK_ACCEPT,
                        spec.officer(),
                        Map.of(
                                "decision",
                                "TRANSFER",
                                "competentBody",
                                "Thanh tra tỉnh",
                                "reason",
                                "Nội dung thuộc thẩm quyền giải quyết của Thanh tra tỉnh."));
                return;
            }
            case REFUSED -> {
                complete(
                        c,
                        CaseHandling.TASK_ACCEPT,
                        spec.officer(),
                        Map.of(
                                "decision",
                                "REFUSE",
                                "reason",
                                "Đơn không ghi rõ nội dung, đã hướng dẫn công dân bổ sung theo quy định."));
                return;
            }
            case MERGED -> {
                String target = runAs(
                        "admin",
                        () -> caseFiles
                                .search(
                                        new CaseFilter(null, null, "Tranh chấp đất"),
                                        Pageable.ofSize(1),
                                        Directory.currentUser())
                                .getContent()
                                .get(0)
                                .getCode());
                complete(
                        c,
                        CaseHandling.TASK_ACCEPT,
                        spec.officer(),
                        Map.of(
                                "decision",
                                "MERGE",
                                "mergeInto",
                                target,
                                "reason",
                                "Cùng nội dung với vụ việc đang giải quyết."));
                return;
            }
            default ->
                complete(
                        c,
                        CaseHandling.TASK_ACCEPT,
                        spec.officer(),
                        Map.of(
                                "decision",
                                "ACCEPT",
                                CaseHandling.FIELD_COMPLEXITY,
                                spec.crowd() >= 15 ? "VERY_COMPLEX" : spec.crowd() >= 5 ? "COMPLEX" : "STANDARD",
                                CaseHandling.FIELD_SEVERAL_SITES,
                                false));
        }
        if (stage == Stage.VERIFYING) {
            complete(c, verifyKey(lead), spec.officer(), verification(lead));
            return;
        }
        String partnerOfficer = lead.equals("congan")
                ? spec.officer().replace("congan", "danvan")
                : spec.officer().replace("danvan", "congan");
        complete(c, verifyKey(lead), spec.officer(), verification(lead));
        String partner = lead.equals("congan") ? "danvan" : "congan";
        complete(c, verifyKey(partner), partnerOfficer, verification(partner));
        if (stage == Stage.PROPOSING) {
            return;
        }
        complete(
                c,
                CaseHandling.TASK_PROPOSE,
                spec.officer(),
                Map.of(
                        "plan",
                        "Phối hợp tổ chức đối thoại với công dân, giải thích chính sách, rà soát hồ sơ và đề xuất hỗ trợ phù hợp.",
                        "measures",
                        "Ban Dân vận chủ trì đối thoại; Công an nắm tình hình, bảo đảm an ninh trật tự.",
                        "dialogueRequired",
                        true));
        if (decidePlan(
                c,
                CaseHandling.TASK_APPROVE,
                supervisor,
                stage,
                "Bổ sung phương án bảo đảm an ninh trật tự khi đối thoại đông người.")) {
            return;
        }
        complete(
                c,
                CaseHandling.TASK_IMPLEMENT,
                spec.officer(),
                Map.of(
                        "dialogueDate",
                        LocalDate.now(clock).toString(),
                        "actionsTaken",
                        "Đã tổ chức đối thoại, công dân đồng thuận với hướng giải quyết; đã thực hiện các biện pháp theo phương án."));
        recordOutcome(
                c,
                spec.officer(),
                stage,
                "Tình hình đã được kiểm soát, công dân chấp hành; tiếp tục nắm tình hình tại cơ sở.");
    }

    /**
     * The supervisor's decision on a plan as far as the stage goes: none yet (APPROVING), returned (RETURNED),
     * approved. Returns whether the case stops here.
     */
    private boolean decidePlan(Case c, String key, String supervisor, Stage stage, String returnComment) {
        if (stage == Stage.APPROVING) {
            return true;
        }
        if (stage == Stage.RETURNED) {
            complete(c, key, supervisor, Map.of("approvalDecision", "RETURN", "comments", returnComment));
            return true;
        }
        complete(c, key, supervisor, Map.of("approvalDecision", "APPROVE"));
        return stage == Stage.IMPLEMENTING;
    }

    private void recordOutcome(Case c, String officer, Stage stage, String summary) {
        String outcome = switch (stage) {
            case RESOLVED -> "RESOLVED";
            case STABILIZED -> "STABILIZED";
            default -> "TEMPORARILY_STABILIZED";
        };
        complete(c, CaseHandling.TASK_OUTCOME, officer, Map.of("outcome", outcome, "outcomeSummary", summary));
    }

    /**
     * An incident on its own process: the police officer at the recording officer's level answers first, both
     * agencies assess, the police draw up the response plan, their supervisor decides, and so on to the stage.
     */
    private void driveIncident(Case c, Spec spec) {
        Stage stage = spec.stage();
        if (stage == Stage.RECEIVED) {
            return;
        }
        String police = spec.officer().replace("danvan", "congan");
        String danvan = police.replace("congan", "danvan");
        String supervisor = police.replace("officer", "supervisor");
        boolean settled = stage == Stage.SETTLED;
        complete(
                c,
                IncidentHandling.TASK_FIRST_RESPONSE,
                police,
                Map.of(
                        IncidentHandling.FIELD_SITUATION,
                        "Khi tổ công tác có mặt, khoảng " + Math.max(spec.crowd(), 2)
                                + " người đang tranh cãi gay gắt, chưa có hành vi bạo lực.",
                        IncidentHandling.FIELD_FORCES,
                        "Công an xã (4 đồng chí), cán bộ Dân vận xã, trưởng thôn.",
                        IncidentHandling.FIELD_IMMEDIATE_MEASURES,
                        settled
                                ? "Hòa giải tại chỗ, các bên thống nhất tự tháo dỡ vật cản và cam kết không tái diễn."
                                : "Tách các bên, ghi nhận sự việc, mời đại diện lên trụ sở làm việc.",
                        IncidentHandling.FIELD_FIRST_RESPONSE_RESULT,
                        settled ? IncidentHandling.RESULT_SETTLED : IncidentHandling.RESULT_ASSESS,
                        CaseHandling.FIELD_COMPLEXITY,
                        spec.crowd() >= 15 ? "COMPLEX" : "STANDARD"));
        if (settled) {
            return;
        }
        complete(c, IncidentHandling.TASK_ASSESS, police, assessment("congan"));
        if (stage == Stage.VERIFYING) {
            return;
        }
        complete(c, IncidentHandling.TASK_ASSESS, danvan, assessment("danvan"));
        if (stage == Stage.PROPOSING) {
            return;
        }
        complete(
                c,
                IncidentHandling.TASK_PLAN,
                police,
                Map.of(
                        CaseHandling.FIELD_PLAN,
                        "Ổn định tình hình tại chỗ, làm rõ nguyên nhân, giải quyết dứt điểm mâu thuẫn và phòng ngừa tái phát.",
                        IncidentHandling.FIELD_DIALOGUE,
                        "Ban Dân vận xã chủ trì đối thoại với đại diện các bên tại trụ sở UBND xã.",
                        IncidentHandling.FIELD_PERSUASION,
                        "Cán bộ dân vận, trưởng thôn gặp gỡ từng hộ, giải thích quy định, vận động chấp hành.",
                        IncidentHandling.FIELD_FORCES_PRESENCE,
                        "Công an xã bố trí tổ tuần tra khu vực trong 7 ngày."));
        if (decidePlan(
                c,
                IncidentHandling.TASK_APPROVE_PLAN,
                supervisor,
                stage,
                "Bổ sung biện pháp xử lý đối với người có hành vi kích động.")) {
            return;
        }
        complete(
                c,
                IncidentHandling.TASK_RESPOND,
                police,
                Map.of(
                        "actionsTaken",
                        "Đã tổ chức đối thoại, các bên cam kết không tái diễn; tổ tuần tra duy trì có mặt tại khu vực."));
        recordOutcome(
                c, police, stage, "Tình hình an ninh, trật tự tại địa bàn đã được kiểm soát; tiếp tục nắm tình hình.");
    }

    private static Map<String, Object> assessment(String agency) {
        return Map.of(
                CaseHandling.FIELD_FINDINGS,
                agency.equals("congan")
                        ? "Mâu thuẫn phát sinh từ tranh chấp quyền lợi; có đối tượng quá khích, chưa có dấu hiệu tội phạm."
                        : "Người dân bức xúc vì kiến nghị chậm được trả lời; đa số sẵn sàng đối thoại.",
                CaseHandling.FIELD_RISK_LEVEL,
                agency.equals("congan") ? "HIGH" : "MEDIUM",
                CaseHandling.FIELD_RECOMMENDATION,
                agency.equals("congan")
                        ? "Duy trì lực lượng tại khu vực, xử lý nghiêm hành vi gây rối."
                        : "Tổ chức đối thoại sớm, công khai thông tin.");
    }

    /** Both supervisors order urgent measures, then the lead supervisor clears the flag (for settled cases). */
    private void handleHotspot(Case c, String leadSupervisor) {
        if (caseFiles.byId(c.getId()).map(x -> !x.isHotspot()).orElse(true)) {
            return;
        }
        String province = leadSupervisor.endsWith(".minhxuan") ? ".minhxuan" : "";
        complete(
                c,
                CaseHandling.TASK_HOTSPOT,
                "supervisor.danvan" + province,
                Map.of("hotspotMeasures", "Chỉ đạo cán bộ dân vận xuống cơ sở gặp gỡ, nắm tâm tư của người dân."));
        complete(
                c,
                CaseHandling.TASK_HOTSPOT,
                "supervisor.congan" + province,
                Map.of("hotspotMeasures", "Bố trí lực lượng nắm tình hình, bảo đảm an ninh trật tự tại địa bàn."));
        runAs(leadSupervisor, () -> {
            hotspots.clear(
                    c.getCode(), "Tình hình đã được kiểm soát, người dân không còn tụ tập.", Directory.currentUser());
            return null;
        });
    }

    private static String verifyKey(String agencyGroupPrefix) {
        return CaseHandling.TASK_VERIFY; // one per agency: the user's candidacy picks the agency's task
    }

    private static Map<String, Object> verification(String prefix) {
        Map<String, Object> values = new HashMap<>();
        values.put(
                CaseHandling.FIELD_FINDINGS,
                prefix.equals("congan")
                        ? "Đã xác minh tại địa bàn: chưa phát hiện dấu hiệu lôi kéo, kích động; tình hình an ninh trật tự ổn định."
                        : "Đã gặp gỡ, nắm tâm tư nguyện vọng của công dân; ý kiến chủ yếu về chính sách bồi thường, hỗ trợ.");
        values.put(CaseHandling.FIELD_RISK_LEVEL, "MEDIUM");
        values.put(CaseHandling.FIELD_RECOMMENDATION, "Tổ chức đối thoại sớm, công khai chính sách.");
        return values;
    }

    private void complete(Case c, String key, String username, Map<String, ?> values) {
        runAs(username, () -> {
            var user = Directory.currentUser();
            TaskSnapshot task = workflow.openTasks(c.getId().toString()).stream()
                    .filter(t -> t.key().equals(key))
                    .filter(t -> t.isCandidate(user.username(), user.groups()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(c.getCode() + " has no " + key));
            tasks.complete(task.id(), values, Directory.currentUser());
            return null;
        });
    }

    private <T> T runAs(String username, Supplier<T> action) {
        TandemPrincipal principal = directory.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
