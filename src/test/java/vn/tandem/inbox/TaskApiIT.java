package vn.tandem.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import vn.tandem.audit.AuditEntries;
import vn.tandem.process.CaseHandling;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/** The task API contract: lists, forms, claim/assign/complete with 400/403/404/409 and one audit entry each. */
@TandemIntegrationTest
class TaskApiIT {

    static final long CA_TINH = 2;
    static final long CA_YENSON = 6;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    AuditEntries audit;

    Api congan;
    Api danvan;
    Api supervisor;

    @BeforeEach
    void users() {
        congan = new Api(rest, "officer.congan");
        danvan = new Api(rest, "officer.danvan");
        supervisor = new Api(rest, "supervisor.congan");
    }

    @Test
    void groupTabListsTheNewAcceptanceTaskWithTheListShape() {
        String code = congan.createCase(CA_TINH, "COMPLAINT", "Khiếu nại thử nghiệm danh sách công việc");
        String unitName = jdbc.queryForObject("select name from unit where id = ?", String.class, CA_TINH);
        var response = congan.get("/api/tasks?scope=group&q=" + code + "&size=500");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsKeys("items", "page", "size", "total");
        assertThat(response.getBody().get("size")).isEqualTo(100);
        assertThat(congan.items(response)).singleElement().satisfies(item -> {
            assertThat(item)
                    .containsEntry("key", CaseHandling.TASK_ACCEPT)
                    .containsEntry("caseCode", code)
                    .containsEntry("unitId", (int) CA_TINH)
                    .containsKeys("id", "name", "assignee", "due", "created");
            assertThat(item.get("due")).isNotNull();
            // the unit by its name, not only its id
            assertThat(item.get("unitName")).isEqualTo(unitName);
        });
        assertThat(danvan.items(danvan.get("/api/tasks?scope=all&q=" + code))).isEmpty();
        assertThat(congan.get("/api/tasks?scope=nonsense").getStatusCode().value())
                .isEqualTo(400);
        // the page's step filter offers the steps that have open tasks, with their names
        String page = rest.withBasicAuth("officer.congan", "demo").getForObject("/inbox?scope=group", String.class);
        assertThat(page).contains("<option value=\"Task_Accept\">Thụ lý</option>");
        // each row names the case's unit
        String row =
                rest.withBasicAuth("officer.congan", "demo").getForObject("/inbox?scope=group&q=" + code, String.class);
        assertThat(row).contains("<span class=\"small text-muted inbox-unit\">" + unitName + "</span>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void formIsBuiltFromTheBpmnFormData() {
        String code = congan.createCase(CA_TINH, "COMPLAINT", "Khiếu nại thử nghiệm biểu mẫu");
        String task = congan.taskId(code, CaseHandling.TASK_ACCEPT);
        var form = congan.get("/api/tasks/" + task + "/form").getBody();
        assertThat(form).containsEntry("key", CaseHandling.TASK_ACCEPT);
        var fields = (List<Map<String, Object>>) form.get("fields");
        assertThat(fields)
                .extracting(f -> f.get("name"))
                .containsExactly("decision", "competentBody", "mergeInto", "reason", "complexity", "severalSites");
        Map<String, Object> decision = fields.get(0);
        assertThat(decision)
                .containsEntry("type", "enum")
                .containsEntry("required", true)
                .containsEntry("label", "Quyết định thụ lý");
        assertThat((List<Map<String, Object>>) decision.get("options"))
                .extracting(o -> o.get("value"))
                .containsExactly("ACCEPT", "TRANSFER", "MERGE", "REFUSE");
        assertThat(fields.get(3)).containsEntry("maxLength", 2000).containsEntry("type", "string");
        assertThat(fields.get(4)).containsEntry("type", "enum").containsEntry("value", "STANDARD");
        assertThat((List<Map<String, Object>>) fields.get(4).get("options"))
                .extracting(o -> o.get("value"))
                .containsExactly("STANDARD", "COMPLEX", "VERY_COMPLEX");
        assertThat(fields.get(5)).containsEntry("type", "boolean");
    }

    @Test
    void claimUnclaimAssignAndCompleteFollowTheRules() {
        String code = congan.createCase(CA_TINH, "COMPLAINT", "Khiếu nại thử nghiệm nhận việc");
        String task = congan.taskId(code, CaseHandling.TASK_ACCEPT);
        long claimed = audit.findByActionOrderByIdAsc("TASK_CLAIMED").size();
        assertThat(congan.post("/api/tasks/" + task + "/claim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(audit.findByActionOrderByIdAsc("TASK_CLAIMED"))
                .hasSize((int) claimed + 1)
                .last()
                .satisfies(e -> assertThat(e.getActor()).isEqualTo("officer.congan"));
        Api other = new Api(rest, "officer.congan.minhxuan");
        // a partner agency's officer cannot see the case at all
        assertThat(danvan.post("/api/tasks/" + task + "/claim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(supervisor
                        .post("/api/tasks/" + task + "/complete", Map.of("decision", "ACCEPT"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        // the supervisor reassigns, then completing as the former assignee conflicts
        var assign = supervisor.post("/api/tasks/" + task + "/assign", Map.of("userId", "officer.congan"));
        assertThat(assign.getStatusCode().value()).isEqualTo(204);
        assertThat(supervisor
                        .post("/api/tasks/" + task + "/assign", Map.of("userId", "officer.danvan"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(congan.post("/api/tasks/" + task + "/unclaim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(congan.post("/api/tasks/" + task + "/claim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        var conflict = supervisor.post("/api/tasks/" + task + "/claim", null);
        assertThat(conflict.getStatusCode().value()).isEqualTo(403);
        assertThat(other.post("/api/tasks/" + task + "/claim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        long completed = audit.findByActionOrderByIdAsc("TASK_COMPLETED").size();
        assertThat(congan.complete(task, Map.of("decision", "ACCEPT"))).isEqualTo(204);
        assertThat(audit.findByActionOrderByIdAsc("TASK_COMPLETED")).hasSize((int) completed + 1);
        var again = congan.post("/api/tasks/" + task + "/complete", Map.of("decision", "ACCEPT"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(congan.post("/api/tasks/unknown-task/claim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void claimingATaskSomeoneElseHoldsConflicts() {
        String code = congan.createCase(CA_TINH, "PETITION", "Kiến nghị thử nghiệm tranh chấp nhận việc");
        String task = congan.taskId(code, CaseHandling.TASK_ACCEPT);
        Api commune = new Api(rest, "officer.congan.minhxuan");
        String communeCase = commune.createCase(4, "PETITION", "Kiến nghị tại phường Minh Xuân");
        String communeTask = commune.taskId(communeCase, CaseHandling.TASK_ACCEPT);
        assertThat(commune.post("/api/tasks/" + communeTask + "/claim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        var response = congan.post("/api/tasks/" + communeTask + "/claim", null);
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("detail").toString()).contains("officer.congan.minhxuan");
        assertThat(congan.post("/api/tasks/" + communeTask + "/complete", Map.of("decision", "ACCEPT"))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(task).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidFieldsAnswer400NamingEachField() {
        String code = congan.createCase(CA_TINH, "COMPLAINT", "Khiếu nại thử nghiệm dữ liệu sai");
        String task = congan.taskId(code, CaseHandling.TASK_ACCEPT);
        var response = congan.post("/api/tasks/" + task + "/complete", Map.of("decision", "REFUSE"));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
                .extracting(e -> e.get("field"), e -> e.get("code"))
                .containsExactly(Tuple.tuple("reason", "validation.required"));
        var bad = congan.post(
                "/api/tasks/" + task + "/complete",
                Map.of("decision", "MAYBE", "complexity", "perhaps", "severalSites", "perhaps"));
        assertThat((List<Map<String, Object>>) bad.getBody().get("errors"))
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("decision", "complexity", "severalSites");
        var merge = congan.post(
                "/api/tasks/" + task + "/complete",
                Map.of("decision", "MERGE", "mergeInto", "VV-1999-000001", "reason", "Trùng"));
        assertThat((List<Map<String, Object>>) merge.getBody().get("errors"))
                .extracting(e -> e.get("field"))
                .containsExactly("mergeInto");
        assertThat(congan.taskId(code, CaseHandling.TASK_ACCEPT)).isEqualTo(task);
    }

    @Test
    void twoConcurrentCompletionsGiveOne204AndOne409AndOneHistoryEntry() throws Exception {
        String code = congan.createCase(CA_TINH, "COMPLAINT", "Khiếu nại thử nghiệm hoàn thành đồng thời");
        String task = congan.taskId(code, CaseHandling.TASK_ACCEPT);
        Api second = new Api(rest, "officer.congan");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Api api : List.of(congan, second)) {
                results.add(pool.submit(() -> {
                    go.await();
                    return api.complete(task, Map.of("decision", "REFUSE", "reason", "Đơn không đủ điều kiện"));
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        } finally {
            pool.shutdownNow();
        }
        var detail = congan.get("/api/cases/" + code).getBody();
        assertThat(detail).containsEntry("status", "CLOSED").containsEntry("outcome", "REFUSED");
        @SuppressWarnings("unchecked")
        var timeline = (List<Map<String, Object>>) detail.get("timeline");
        assertThat(timeline)
                .filteredOn(e -> "TASK_COMPLETED".equals(e.get("kind")))
                .hasSize(1);
    }

    @Test
    void anonymousCallsAreRejected() {
        assertThat(rest.getForEntity("/api/tasks", String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(rest.getForEntity("/v3/api-docs", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(new Api(rest, "officer.congan")
                        .get("/v3/api-docs")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }
}
