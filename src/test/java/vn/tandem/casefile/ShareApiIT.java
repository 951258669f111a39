package vn.tandem.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import vn.tandem.audit.AuditEntries;
import vn.tandem.process.InformationRequestProcess;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/** Sharing and unsharing a case: who may, with what reason, and the read-only share of an information request. */
@TandemIntegrationTest
class ShareApiIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditEntries audit;

    int delete(String user, String path) {
        return rest.withBasicAuth(user, "demo")
                .exchange(path, HttpMethod.DELETE, null, String.class)
                .getStatusCode()
                .value();
    }

    @Test
    @SuppressWarnings("unchecked")
    void informationRequestSharesReadOnlyUntilTheLeadSupervisorUnsharesAfterTheAcknowledgement() {
        Api congan = new Api(rest, "officer.congan");
        Api danvan = new Api(rest, "officer.danvan");
        String code = congan.createCase(2, "PETITION", "Chia sẻ qua đề nghị cung cấp thông tin");
        assertThat(congan.post(
                                "/api/cases/" + code + "/information-requests",
                                Map.of("toAgency", "DANVAN", "question", "Đề nghị cho biết tình hình tại cơ sở"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(danvan.get("/api/cases/" + code).getStatusCode().value()).isEqualTo(200);
        assertThat(danvan.post("/api/cases/" + code + "/comments", Map.of("body", "Góp ý"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(danvan.post(
                                "/api/cases/" + code + "/information-requests",
                                Map.of("toAgency", "CONGAN", "question", "Hỏi ngược lại"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        // not while the asked agency still has its task
        assertThat(delete("supervisor.congan", "/api/cases/" + code + "/shares/DANVAN"))
                .isEqualTo(409);
        assertThat(danvan.complete(
                        danvan.taskId(code, InformationRequestProcess.TASK_ANSWER),
                        Map.of("answer", "Tình hình ổn định.")))
                .isEqualTo(204);
        assertThat(congan.complete(
                        congan.taskId(code, InformationRequestProcess.TASK_ACKNOWLEDGE),
                        Map.of("ackDecision", "ACKNOWLEDGE")))
                .isEqualTo(204);
        assertThat(delete("officer.congan", "/api/cases/" + code + "/shares/DANVAN"))
                .isEqualTo(403);
        assertThat(delete("supervisor.danvan", "/api/cases/" + code + "/shares/DANVAN"))
                .isEqualTo(403);
        long unshares = audit.findByActionOrderByIdAsc("CASE_UNSHARED").size();
        assertThat(delete("supervisor.congan", "/api/cases/" + code + "/shares/DANVAN"))
                .isEqualTo(204);
        assertThat(audit.findByActionOrderByIdAsc("CASE_UNSHARED")).hasSize((int) unshares + 1);
        assertThat(danvan.get("/api/cases/" + code).getStatusCode().value()).isEqualTo(404);
        assertThat(delete("supervisor.congan", "/api/cases/" + code + "/shares/DANVAN"))
                .isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLeadAgencySharesWithAReasonAndTheShareIsAudited() {
        Api congan = new Api(rest, "officer.congan");
        String code = congan.createCase(2, "PETITION", "Chia sẻ chủ động với Ban Dân vận");
        assertThat(congan.post("/api/cases/" + code + "/shares", Map.of("agency", "DANVAN"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(new Api(rest, "officer.danvan")
                        .post("/api/cases/" + code + "/shares", Map.of("agency", "DANVAN", "reason", "Tự chia sẻ"))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        long shares = audit.findByActionOrderByIdAsc("CASE_SHARED").size();
        var created = congan.post(
                "/api/cases/" + code + "/shares",
                Map.of("agency", "danvan", "reason", "Cần Ban Dân vận tham gia vận động"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody()).containsEntry("agency", "DANVAN").containsEntry("mode", "FULL");
        assertThat(audit.findByActionOrderByIdAsc("CASE_SHARED")).hasSize((int) shares + 1);
        assertThat(congan.post(
                                "/api/cases/" + code + "/shares",
                                Map.of("agency", "DANVAN", "reason", "Chia sẻ lần nữa"))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        Api danvan = new Api(rest, "officer.danvan");
        assertThat(danvan.post("/api/cases/" + code + "/comments", Map.of("body", "Ban Dân vận đã nắm tình hình"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        var timeline = (List<Map<String, Object>>)
                congan.get("/api/cases/" + code).getBody().get("timeline");
        assertThat(timeline).extracting(e -> e.get("kind")).contains("SHARED", "COMMENT");
    }
}
