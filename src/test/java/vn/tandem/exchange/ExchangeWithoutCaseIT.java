package vn.tandem.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.inbox.TaskActions;
import vn.tandem.process.InformationRequestProcess;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The agencies exchange what they know about a commune without a case: the asked agency's officers covering the
 * area answer from their inbox, the asker acknowledges; same deadline rule, audit and visibility rules as on a case.
 */
@TandemIntegrationTest
class ExchangeWithoutCaseIT {

    static final long DV_MINHXUAN = 3;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Api api, String scope) {
        return (List<Map<String, Object>>)
                api.get("/api/tasks?scope=" + scope + "&size=100").getBody().get("items");
    }

    static String task(Api api, String scope, String key, String reference) {
        return items(api, scope).stream()
                .filter(t -> key.equals(t.get("key")) && reference.equals(t.get("caseCode")))
                .map(t -> (String) t.get("id"))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors"))
                .stream().map(e -> (String) e.get("field")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePoliceAskDanVanAboutAWardDanVanAnswersFromItsInboxAndThePoliceAcknowledge() {
        Api police = new Api(rest, "officer.congan.minhxuan");
        Api danvan = new Api(rest, "officer.danvan.minhxuan");
        Map<String, Object> body = new HashMap<>();
        body.put("toAgency", "DANVAN");
        body.put("unitId", DV_MINHXUAN);
        body.put("topic", "Tâm lý người dân tổ 7 về dự án");
        body.put("question", "Đề nghị cho biết tâm tư của các hộ tổ 7 trước buổi đối thoại.");
        var created = police.post("/api/information-requests", body);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Map<String, Object> request = created.getBody();
        String reference = (String) request.get("reference");
        assertThat(reference).matches("TD-\\d+");
        assertThat(request)
                .containsEntry("caseCode", null)
                .containsEntry("unitId", (int) DV_MINHXUAN)
                .containsEntry("topic", "Tâm lý người dân tổ 7 về dự án")
                .containsEntry("status", "OPEN");
        Object id = request.get("id");

        // Dân vận's officers covering the ward have the answering task, due by the information-request rule
        String answer = task(danvan, "group", InformationRequestProcess.TASK_ANSWER, reference);
        assertThat(answer).isNotNull();
        assertThat(items(danvan, "group"))
                .filteredOn(t -> answer.equals(t.get("id")))
                .singleElement()
                .satisfies(t -> assertThat(t)
                        .containsEntry("caseTitle", "Tâm lý người dân tổ 7 về dự án")
                        .containsEntry("caseType", "EXCHANGE"));
        assertThat(jdbc.queryForObject(
                                "select due_at from information_request where id = ?", java.sql.Timestamp.class, id)
                        .toInstant()
                        .atZone(clock.getZone())
                        .toLocalDate())
                .isAfter(LocalDate.now(clock).plusDays(4));
        String page =
                rest.withBasicAuth("officer.danvan.minhxuan", "demo").getForObject("/tasks/" + answer, String.class);
        assertThat(page).contains("id=\"task-subject\"").contains("Tâm lý người dân tổ 7 về dự án");
        assertThat(police.post("/api/tasks/" + answer + "/claim", Map.of())
                        .getStatusCode()
                        .value())
                .as("the asking agency does not answer")
                .isIn(403, 404);
        assertThat(danvan.complete(
                        answer, Map.of("answer", "Các hộ đồng tình với phương án, chỉ lo về thời gian bàn giao.")))
                .isEqualTo(204);

        // the police acknowledge; the thread is whole; every step is audited
        String ack = task(police, "all", InformationRequestProcess.TASK_ACKNOWLEDGE, reference);
        assertThat(ack).isNotNull();
        assertThat(police.complete(ack, Map.of("ackDecision", "ACKNOWLEDGE"))).isEqualTo(204);
        assertThat(police.get("/api/information-requests/" + id).getBody())
                .containsEntry("status", "ACKNOWLEDGED")
                .containsEntry("answeredBy", "officer.danvan.minhxuan")
                .containsEntry("acknowledgedBy", "officer.congan.minhxuan");
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where entity_type = 'informationRequest' and entity_id = ?"
                                + " order by id",
                        String.class,
                        id.toString()))
                .containsSubsequence("INFORMATION_REQUESTED", "INFORMATION_ANSWERED", "INFORMATION_ACKNOWLEDGED");
        // both agencies of the area (and the province) see it; designers do not
        for (String user : List.of("officer.danvan.minhxuan", "officer.danvan", "supervisor.congan")) {
            assertThat((List<Map<String, Object>>) (List<?>)
                            rest.withBasicAuth(user, "demo").getForObject("/api/information-requests", List.class))
                    .as(user)
                    .anySatisfy(r -> assertThat(r).containsEntry("id", id));
        }
        assertThat(new Api(rest, "designer")
                        .get("/api/information-requests/" + id)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        String exchanges = rest.withBasicAuth("officer.danvan", "demo").getForObject("/exchanges", String.class);
        assertThat(exchanges).contains("id=\"request-" + id + "\"").contains("chỉ lo về thời gian bàn giao");
    }

    @Autowired
    TaskActions tasks;

    @Autowired
    Directory directory;

    @Test
    void anAnswerCarriesADocumentKeptWithTheRequestAndCheckedByItsContent() {
        Map<String, Object> body = new HashMap<>();
        body.put("toAgency", "DANVAN");
        body.put("unitId", DV_MINHXUAN);
        body.put("topic", "Danh sách hộ dự đối thoại");
        body.put("question", "Đề nghị gửi danh sách hộ tham dự đối thoại tổ 7.");
        body.put("urgency", "URGENT");
        Map<String, Object> request = new Api(rest, "officer.congan.minhxuan")
                .post("/api/information-requests", body)
                .getBody();
        String reference = (String) request.get("reference");
        // urgent: the asked agency's officers covering the ward are told at once
        assertThat(jdbc.queryForList(
                        "select recipient from notification where case_code = ? and kind = 'URGENT_REQUEST'",
                        String.class,
                        reference))
                .contains("officer.danvan.minhxuan")
                .noneMatch(u -> u.startsWith("officer.congan"));
        Api danvan = new Api(rest, "officer.danvan.minhxuan");
        String answer = task(danvan, "group", InformationRequestProcess.TASK_ANSWER, reference);
        CurrentUser officer = directory.find("officer.danvan.minhxuan").orElseThrow();
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> tasks.complete(
                        answer,
                        Map.of("answer", "Danh sách kèm theo."),
                        new TaskActions.Upload("danh-sach.pdf", new ByteArrayInputStream(program)),
                        officer))
                .isInstanceOf(InvalidInputException.class);
        byte[] list = "Danh sách 12 hộ tổ 7 tham dự đối thoại.".getBytes(StandardCharsets.UTF_8);
        tasks.complete(
                answer,
                Map.of("answer", "Danh sách kèm theo."),
                new TaskActions.Upload("danh-sach.txt", new ByteArrayInputStream(list)),
                officer);
        var document = rest.withBasicAuth("officer.congan.minhxuan", "demo")
                .getForEntity("/api/information-requests/" + request.get("id") + "/document", byte[].class);
        assertThat(document.getStatusCode().value()).isEqualTo(200);
        assertThat(document.getBody()).isEqualTo(list);
        assertThat(new Api(rest, "officer.congan.minhxuan")
                        .get("/api/information-requests/" + request.get("id"))
                        .getBody())
                .containsEntry("documentName", "danh-sach.txt")
                .containsEntry("status", "ANSWERED");
    }

    @Test
    void aBadRequestIsRefusedFieldByField() {
        Api police = new Api(rest, "officer.congan.minhxuan");
        Map<String, Object> body = new HashMap<>();
        body.put("toAgency", "CONGAN");
        body.put("question", "x");
        var refused = police.post("/api/information-requests", body);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(refused.getBody())).containsExactlyInAnyOrder("toAgency", "unitId", "topic", "question");
        body.put("toAgency", "DANVAN");
        body.put("unitId", 5); // Yên Sơn: outside the ward's area
        body.put("topic", "Ngoài địa bàn");
        body.put("question", "Đề nghị cho biết tình hình xã Yên Sơn.");
        assertThat(fields(police.post("/api/information-requests", body).getBody()))
                .containsExactly("unitId");
        assertThat(new Api(rest, "designer")
                        .post("/api/information-requests", body)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }
}
