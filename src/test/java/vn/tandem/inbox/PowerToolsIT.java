package vn.tandem.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/** The inbox's and the audit's power tools over the API: order, page size, tabs, saved filters, bulk, folded search. */
@TandemIntegrationTest
class PowerToolsIT {

    @Autowired
    TestRestTemplate rest;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> r) {
        return (List<Map<String, Object>>) r.getBody().get("items");
    }

    static long total(ResponseEntity<Map<String, Object>> r) {
        return ((Number) r.getBody().get("total")).longValue();
    }

    @Test
    void searchIgnoresDiacriticsAndCaseWithRightTotals() {
        Api officer = new Api(rest, "officer.congan");
        String a = officer.createCase(2, "COMPLAINT", "Tranh chấp ĐẤT ĐAI ở xóm Đồng Quýt");
        String b = officer.createCase(2, "COMPLAINT", "Khiếu nại đất đai về đường điện Đồng Quýt");
        officer.createCase(2, "COMPLAINT", "Phản ánh tiếng ồn quán karaoke");
        for (String q : List.of("dat dai", "ĐẤT ĐAI", "Đất Đai", "  dat   DAI ", "xom dong quyt")) {
            var cases = officer.get("/api/cases?q=" + q + "&size=1");
            assertThat(items(cases)).as(q).hasSize(1);
            assertThat(total(cases)).as(q).isGreaterThanOrEqualTo(q.contains("xom") ? 1 : 2);
        }
        var exact = officer.get("/api/cases?q=dong quyt&size=50");
        assertThat(items(exact)).extracting(c -> c.get("code")).contains(a, b);
        var inbox = officer.get("/api/tasks?scope=all&q=dong quyt&size=50");
        assertThat(items(inbox)).extracting(t -> t.get("caseCode")).contains(a, b);
        assertThat(total(inbox)).isEqualTo(items(inbox).size());
        // a percent sign typed is a character, not a wildcard
        assertThat(total(officer.get("/api/cases?q={q}", "%%%"))).isZero();
    }

    @Test
    void tasksSortAndPageAndTheWatchTabHoldsWhatICannotWork() {
        Api officer = new Api(rest, "officer.congan");
        for (int i = 0; i < 3; i++) {
            officer.createCase(2, "PETITION", "Kiến nghị sắp xếp thứ tự " + i);
        }
        List<String> ascending = codes(officer.get("/api/tasks?scope=all&sort=case&size=100"));
        List<String> descending = codes(officer.get("/api/tasks?scope=all&sort=-case&size=100"));
        assertThat(ascending).isSortedAccordingTo(String::compareTo);
        assertThat(descending).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(items(officer.get("/api/tasks?scope=all&size=2"))).hasSize(2);
        assertThat(officer.get("/api/tasks?scope=all&sort=colour")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        // an officer's task is work for the officers; their supervisor only watches it
        String watched = officer.createCase(2, "PETITION", "Kiến nghị chỉ theo dõi");
        Api supervisor = new Api(rest, "supervisor.congan");
        assertThat(codes(supervisor.get("/api/tasks?scope=watch&size=100"))).contains(watched);
        assertThat(codes(supervisor.get("/api/tasks?scope=all&size=100"))).doesNotContain(watched);
        assertThat(codes(officer.get("/api/tasks?scope=all&size=100"))).contains(watched);
        assertThat(codes(officer.get("/api/tasks?scope=watch&size=100"))).doesNotContain(watched);
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(ResponseEntity<Map<String, Object>> r) {
        return items(r).stream().map(t -> (String) t.get("caseCode")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void savedFiltersAreMineOrSharedWithMyUnitAndOnlyTheOwnerDeletes() {
        Api officer = new Api(rest, "officer.congan");
        Api colleague = new Api(rest, "supervisor.congan");
        var mine = officer.post(
                "/api/inbox/filters",
                Map.of(
                        "name",
                        "Quá hạn khiếu nại",
                        "scope",
                        "all",
                        "criteria",
                        Map.of("type", "COMPLAINT", "overdue", "true"),
                        "shared",
                        false));
        assertThat(mine.getStatusCode().value()).isEqualTo(201);
        var shared = officer.post(
                "/api/inbox/filters",
                Map.of(
                        "name",
                        "Đất đai của đơn vị",
                        "scope",
                        "group",
                        "criteria",
                        Map.of("q", "dat dai", "sort", "-received"),
                        "shared",
                        true));
        long sharedId = ((Number) shared.getBody().get("id")).longValue();
        var seen = rest.withBasicAuth("supervisor.congan", "demo")
                .exchange("/api/inbox/filters", HttpMethod.GET, HttpEntity.EMPTY, List.class)
                .getBody();
        assertThat((List<Map<String, Object>>) seen)
                .extracting(f -> f.get("name"))
                .contains("Đất đai của đơn vị")
                .doesNotContain("Quá hạn khiếu nại");
        assertThat(colleague.delete("/api/inbox/filters/" + sharedId)).isEqualTo(403);
        assertThat(new Api(rest, "officer.danvan").delete("/api/inbox/filters/" + sharedId))
                .isEqualTo(404);
        var bad = officer.post(
                "/api/inbox/filters", Map.of("name", " ", "scope", "everything", "criteria", Map.of("colour", "red")));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().toString()).contains("name", "scope", "criteria.colour");
        assertThat(officer.delete("/api/inbox/filters/" + sharedId)).isEqualTo(204);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bulkClaimAndAssignAnswerPerTask() {
        Api officer = new Api(rest, "officer.congan");
        String one = officer.createCase(2, "PETITION", "Kiến nghị nhận hàng loạt một");
        String two = officer.createCase(2, "PETITION", "Kiến nghị nhận hàng loạt hai");
        String t1 = officer.taskId(one, CaseHandling.TASK_ACCEPT);
        String t2 = officer.taskId(two, CaseHandling.TASK_ACCEPT);
        var claimed = rest.withBasicAuth("officer.congan", "demo")
                .postForEntity("/api/tasks/claim", Map.of("ids", List.of(t1, t2, "no-such-task")), List.class);
        assertThat(claimed.getStatusCode().value()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) claimed.getBody())
                .extracting(o -> o.get("id") + ":" + o.get("status"))
                .containsExactly(t1 + ":200", t2 + ":200", "no-such-task:404");
        // a supervisor is no candidate for an officer's step: 403 for that task alone
        var again = rest.withBasicAuth("supervisor.congan", "demo")
                .postForEntity("/api/tasks/claim", Map.of("ids", List.of(t1)), List.class);
        assertThat((List<Map<String, Object>>) again.getBody())
                .extracting(o -> o.get("status"))
                .containsExactly(403);
        var assigned = rest.withBasicAuth("supervisor.congan", "demo")
                .postForEntity(
                        "/api/tasks/assign",
                        Map.of("ids", List.of(t1, t2, "no-such-task"), "userId", "officer.congan"),
                        List.class);
        assertThat((List<Map<String, Object>>) assigned.getBody())
                .extracting(o -> o.get("status"))
                .containsExactly(200, 200, 404);
        assertThat(rest.withBasicAuth("officer.congan", "demo")
                        .postForEntity("/api/tasks/claim", Map.of("ids", List.of()), Map.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void theAuditFindsPartsWithoutDiacriticsAndRefusesAReversedPeriod() {
        Api officer = new Api(rest, "officer.congan");
        String code = officer.createCase(2, "COMPLAINT", "Khiếu nại về giải phóng mặt bằng Quỳnh Lưu");
        Api admin = new Api(rest, "admin");
        var found = admin.get("/api/audit?text=giai phong mat bang quynh luu");
        assertThat(items(found)).extracting(e -> e.get("caseCode")).contains(code);
        assertThat(items(admin.get(
                        "/api/audit?actor=CONGAN&caseCode=" + code.substring(3).toLowerCase())))
                .extracting(e -> e.get("caseCode"))
                .containsOnly(code);
        var reversed = admin.get("/api/audit?from=2030-02-01&to=2030-01-01");
        assertThat(reversed.getStatusCode().value()).isEqualTo(400);
        assertThat(reversed.getBody().toString()).contains("audit.reversedRange");
        var page =
                rest.withBasicAuth("admin", "demo").getForEntity("/audit?from=2030-02-01&to=2030-01-01", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.");
    }

    @Test
    void dashboardFiguresLeadToTheirCasesAndCsvCellsAreNeverNull() {
        Api officer = new Api(rest, "officer.congan");
        String code = officer.createCase(2, "DENUNCIATION", "Tố cáo về thu phí sai quy định");
        var page = rest.withBasicAuth("supervisor.congan", "demo")
                .getForEntity("/dashboard/cases?state=ON_TRACK&type=DENUNCIATION", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains(code);
        assertThat(rest.withBasicAuth("supervisor.congan", "demo")
                        .getForEntity("/dashboard/cases?state=BREACHED&type=DENUNCIATION", String.class)
                        .getBody())
                .doesNotContain(code);
        for (String table : List.of("closest", "agency", "unit", "type", "flags", "escalations")) {
            String csv = rest.withBasicAuth("supervisor.congan", "demo")
                    .getForEntity("/dashboard.csv?table=" + table, String.class)
                    .getBody();
            assertThat(csv).as(table).doesNotContain("null");
        }
    }

    @Autowired
    TandemClock clock;

    @Test
    void aTaskSetAsideUntilADayLeavesTheDefaultViewUntilThen() {
        Api officer = new Api(rest, "officer.congan");
        String code = officer.createCase(2, "PETITION", "Kiến nghị hẹn theo dõi sau");
        String task = officer.taskId(code, CaseHandling.TASK_ACCEPT);
        assertThat(officer.post("/api/tasks/" + task + "/claim", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        LocalDate today = LocalDate.now(clock);
        LocalDate later = today.plusDays(3);
        assertThat(followUp(officer, task, today.minusDays(1)).getStatusCode().value())
                .isEqualTo(400);
        assertThat(followUp(new Api(rest, "officer.danvan"), task, later)
                        .getStatusCode()
                        .value())
                .isIn(403, 404);
        assertThat(followUp(officer, task, later).getStatusCode().value()).isEqualTo(204);

        // hidden from the default view, with the right total; shown on asking for later or all tasks
        var hidden = officer.get("/api/tasks?scope=mine&q={q}", code);
        assertThat(total(hidden)).isZero();
        var set = officer.get("/api/tasks?scope=mine&followUp=later&q={q}", code);
        assertThat(total(set)).isEqualTo(1);
        assertThat(items(set).get(0)).containsEntry("followUp", later.toString());
        assertThat(total(officer.get("/api/tasks?scope=mine&followUp=all&q={q}", code)))
                .isEqualTo(1);
        assertThat(officer.get("/api/tasks?scope=mine&followUp=someday")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);

        // on the day it is back by itself
        try {
            clock.setTime(later.atStartOfDay(clock.getZone()).toInstant().plusSeconds(60));
            assertThat(total(officer.get("/api/tasks?scope=mine&q={q}", code))).isEqualTo(1);
        } finally {
            clock.reset();
        }
        // and cleared at once when the officer wants it now
        assertThat(followUp(officer, task, later).getStatusCode().value()).isEqualTo(204);
        assertThat(followUp(officer, task, null).getStatusCode().value()).isEqualTo(204);
        assertThat(total(officer.get("/api/tasks?scope=mine&q={q}", code))).isEqualTo(1);
    }

    static ResponseEntity<Map<String, Object>> followUp(Api user, String task, LocalDate day) {
        Map<String, Object> body = new HashMap<>();
        body.put("followUp", day == null ? null : day.toString());
        return user.put("/api/tasks/" + task + "/follow-up", body);
    }
}
