package vn.tandem.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TandemClock;
import vn.tandem.process.Workflow;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The inbox read model equals the engine's own task query after every step of every path, every claim,
 * assignment and completion, and after timers fire.
 */
@TandemIntegrationTest
class InboxReadModelIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    InboxItems items;

    @Autowired
    Workflow workflow;

    @Autowired
    TandemClock clock;

    @Autowired
    InboxQuery query;

    @Autowired
    vn.tandem.identity.Directory directory;

    Api congan;
    Api danvan;
    Api supervisor;

    @BeforeEach
    void users() {
        congan = new Api(rest, "officer.congan");
        danvan = new Api(rest, "officer.danvan");
        supervisor = new Api(rest, "supervisor.congan");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void assertReadModelMatchesEngine() {
        Set<String> engine = new TreeSet<>();
        workflow.allOpenTasks()
                .forEach(t -> engine.add(t.id() + "|" + t.key() + "|" + t.assignee() + "|"
                        + new TreeSet<>(t.candidateGroups()) + "|" + t.due()));
        Set<String> readModel = new TreeSet<>();
        items.findAllWithCandidateGroups()
                .forEach(i -> readModel.add(i.getTaskId() + "|" + i.getTaskKey() + "|" + i.getAssignee() + "|"
                        + new TreeSet<>(i.getCandidateGroups()) + "|" + i.getDueAt()));
        assertThat(readModel).isEqualTo(engine);
    }

    /** One agency's verification: its officers' instance of the multi-instance step. */
    void verify(Api api, String code, String group, Map<String, ?> values) {
        String task = api.taskId(code, CaseHandling.TASK_VERIFY, group);
        assertThat(task).as("verification of " + group).isNotNull();
        assertThat(api.complete(task, values)).as("verify " + group).isEqualTo(204);
        assertReadModelMatchesEngine();
    }

    void step(Api api, String code, String key, Map<String, ?> values) {
        String task = api.taskId(code, key);
        assertThat(task).as(key).isNotNull();
        assertThat(api.complete(task, values)).as("complete " + key).isEqualTo(204);
        assertReadModelMatchesEngine();
    }

    @Test
    void everyPathKeepsTheReadModelEqualToTheEngine() {
        assertReadModelMatchesEngine();
        for (String decision : List.of("TRANSFER", "REFUSE")) {
            String code = congan.createCase(2, "COMPLAINT", "Vụ việc kiểm tra mô hình đọc " + decision);
            assertReadModelMatchesEngine();
            step(
                    congan,
                    code,
                    CaseHandling.TASK_ACCEPT,
                    Map.of("decision", decision, "competentBody", "Thanh tra", "reason", "Lý do kiểm thử"));
        }
        String target = congan.createCase(2, "COMPLAINT", "Vụ việc gốc để gộp");
        String duplicate = congan.createCase(2, "COMPLAINT", "Vụ việc trùng để gộp");
        step(
                congan,
                duplicate,
                CaseHandling.TASK_ACCEPT,
                Map.of("decision", "MERGE", "mergeInto", target, "reason", "Trùng nội dung"));
        assertThat(congan.get("/api/cases/" + duplicate).getBody()).containsEntry("outcome", "MERGED");

        String code = congan.createCase(2, "COMPLAINT", "Vụ việc kiểm tra mô hình đọc đầy đủ");
        String accept = congan.taskId(code, CaseHandling.TASK_ACCEPT);
        assertThat(congan.post("/api/tasks/" + accept + "/claim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertReadModelMatchesEngine();
        assertThat(supervisor
                        .post("/api/tasks/" + accept + "/assign", Map.of("userId", "officer.congan"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(congan.post("/api/tasks/" + accept + "/unclaim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertReadModelMatchesEngine();
        step(congan, code, CaseHandling.TASK_ACCEPT, Map.of("decision", "ACCEPT"));
        verify(danvan, code, "danvan-officer", Map.of("findings", "Nắm tình hình xong.", "riskLevel", "LOW"));
        verify(congan, code, "congan-officer", Map.of("findings", "Xác minh xong, ổn định.", "riskLevel", "LOW"));
        step(congan, code, CaseHandling.TASK_PROPOSE, Map.of("plan", "Phương án đối thoại và hỗ trợ công dân."));
        step(
                supervisor,
                code,
                CaseHandling.TASK_APPROVE,
                Map.of("approvalDecision", "RETURN", "comments", "Bổ sung biện pháp."));
        step(congan, code, CaseHandling.TASK_PROPOSE, Map.of("plan", "Phương án đối thoại, bổ sung biện pháp."));
        step(supervisor, code, CaseHandling.TASK_APPROVE, Map.of("approvalDecision", "APPROVE"));
        step(
                congan,
                code,
                CaseHandling.TASK_IMPLEMENT,
                Map.of("actionsTaken", "Đã đối thoại với công dân.", "dialogueDate", "2026-11-20"));
        step(
                congan,
                code,
                CaseHandling.TASK_OUTCOME,
                Map.of("outcome", "TEMPORARILY_STABILIZED", "outcomeSummary", "Tạm ổn định, tiếp tục theo dõi."));
        assertThat(congan.get("/api/cases/" + code).getBody()).containsEntry("status", "MONITORING");
        for (int check = 1; check <= 3; check++) {
            clock.advance(Duration.ofDays(31));
            workflow.executeDueJobs();
            assertReadModelMatchesEngine();
            if (check < 3) {
                step(
                        congan,
                        code,
                        CaseHandling.TASK_MONITORING_CHECK,
                        Map.of("checkResult", "KEEP_MONITORING", "situation", "Còn tiềm ẩn phức tạp."));
            }
        }
        step(
                congan,
                code,
                CaseHandling.TASK_FINAL_MONITORING_CHECK,
                Map.of("finalCheckResult", "FLARE_UP", "situation", "Tái phát, công dân tụ tập."));
        assertThat(congan.get("/api/cases/" + code).getBody())
                .containsEntry("status", "IN_PROGRESS")
                .containsEntry("reopenCount", 1);
        step(congan, code, CaseHandling.TASK_PROPOSE, Map.of("plan", "Phương án mới sau khi tái phát vụ việc."));
        step(supervisor, code, CaseHandling.TASK_APPROVE, Map.of("approvalDecision", "APPROVE"));
        step(congan, code, CaseHandling.TASK_IMPLEMENT, Map.of("actionsTaken", "Đã triển khai phương án mới."));
        step(
                congan,
                code,
                CaseHandling.TASK_OUTCOME,
                Map.of("outcome", "RESOLVED", "outcomeSummary", "Đã giải quyết dứt điểm."));
        assertThat(congan.get("/api/cases/" + code).getBody())
                .containsEntry("status", "CLOSED")
                .containsEntry("outcome", "RESOLVED");
    }

    /**
     * The inbox page takes each tab's total from the tab counts instead of counting the tab again (issue 19): for
     * every user and tab, the count shown is the number of rows the tab pages through.
     */
    @Test
    void everyTabsCountIsTheNumberOfRowsItPagesThrough() {
        String claimed = congan.createCase(2, "COMPLAINT", "Vụ việc kiểm tra số đếm các thẻ");
        congan.createCase(2, "PETITION", "Kiến nghị kiểm tra số đếm các thẻ");
        assertThat(congan.post("/api/tasks/" + congan.taskId(claimed, CaseHandling.TASK_ACCEPT) + "/claim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        for (String username : List.of("officer.congan", "officer.danvan", "supervisor.congan", "admin")) {
            var user = directory.find(username).orElseThrow();
            for (InboxFilter filter : List.of(
                    InboxFilter.none(),
                    new InboxFilter("COMPLAINT", null, null, null, null, InboxFilter.FollowUp.DUE))) {
                InboxQuery.TabCounts counts = query.counts(user, filter, 100_000);
                for (InboxScope tab : InboxScope.values()) {
                    long rows = 0;
                    for (int page = 0; ; page++) {
                        int read = query.find(user, tab, filter, page, 100).getNumberOfElements();
                        rows += read;
                        if (read < 100) {
                            break;
                        }
                    }
                    assertThat(counts.get(tab))
                            .as(username + " " + tab + " " + filter)
                            .isEqualTo(rows);
                    assertThat(counts.capped(tab)).isFalse();
                }
            }
        }
        // counted up to a cap: a tab holding more says so, and its pages offer "next" while rows follow
        var officer = directory.find("officer.congan").orElseThrow();
        InboxQuery.TabCounts exact = query.counts(officer, InboxFilter.none(), 100_000);
        long all = exact.get(InboxScope.ALL);
        assertThat(all).isGreaterThanOrEqualTo(3);
        InboxQuery.TabCounts capped = query.counts(officer, InboxFilter.none(), (int) all - 2);
        assertThat(capped.capped(InboxScope.ALL)).isTrue();
        assertThat(capped.label(InboxScope.ALL)).isEqualTo((all - 2) + "+");
        assertThat(capped.label(InboxScope.MINE))
                .isEqualTo(exact.get(InboxScope.MINE) > all - 2 ? (all - 2) + "+" : "" + exact.get(InboxScope.MINE));
        long paged = 0;
        for (int page = 0; ; page++) {
            var found = query.find(officer, InboxScope.ALL, InboxFilter.none(), InboxSort.DEFAULT, page, 1, capped);
            paged += found.getNumberOfElements();
            assertThat(found.getTotalElements()).isGreaterThanOrEqualTo(Math.min(all, paged + 1));
            if (!found.hasNext()) {
                break;
            }
        }
        assertThat(paged).isEqualTo(all);
    }
}
