package vn.tandem.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import vn.tandem.audit.AuditEntries;
import vn.tandem.process.CaseHandling;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A denouncer's identity appears on no output path (pages, JSON, task forms, timeline, audit CSV) except in the
 * answer to an audited reveal by the assigned officer or a lead supervisor.
 */
@TandemIntegrationTest
class ProtectedIdentityIT {

    static final List<String> SECRETS = List.of("Trương Kín Đáo", "001077665544", "0911222333", "Hẻm 7 đường Kín");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditEntries audit;

    String html(String user, String path) {
        return rest.withBasicAuth(user, "demo")
                .exchange(path, HttpMethod.GET, null, String.class)
                .getBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDenouncerIsMaskedEverywhereUntilAnAuditedReveal() {
        Api officer = new Api(rest, "officer.congan");
        var created = officer.post(
                "/api/cases",
                Map.of(
                        "type",
                        "DENUNCIATION",
                        "channel",
                        "ONLINE",
                        "title",
                        "Tố cáo cần bảo vệ người tố cáo",
                        "description",
                        "Nội dung tố cáo hành vi sai phạm.",
                        "unitId",
                        2,
                        "petitioners",
                        List.of(Map.of(
                                "fullName",
                                SECRETS.get(0),
                                "idNumber",
                                SECRETS.get(1),
                                "phone",
                                SECRETS.get(2),
                                "address",
                                SECRETS.get(3)))));
        String code = (String) created.getBody().get("code");
        String accept = officer.taskId(code, CaseHandling.TASK_ACCEPT);
        assertThat(officer.complete(accept, Map.of("decision", "ACCEPT"))).isEqualTo(204);
        String verify = new Api(rest, "officer.danvan").taskId(code, CaseHandling.TASK_VERIFY, "danvan-officer");

        for (String user : List.of("officer.congan", "supervisor.congan", "officer.danvan", "admin")) {
            String json =
                    new Api(rest, user).get("/api/cases/" + code).getBody().toString();
            String page = html(user, "/cases/" + code);
            assertThat(SECRETS).as(user).allSatisfy(secret -> {
                assertThat(json).doesNotContain(secret);
                assertThat(page).doesNotContain(secret);
            });
            assertThat(page).contains("●●●●●●");
        }
        assertThat(html("officer.danvan", "/tasks/" + verify))
                .doesNotContain(SECRETS.get(0))
                .contains("●●●●●●");
        assertThat(new Api(rest, "officer.danvan")
                        .get("/api/tasks/" + verify + "/form")
                        .getBody()
                        .toString())
                .doesNotContain(SECRETS.get(0));

        Map<String, Object> detail = officer.get("/api/cases/" + code).getBody();
        var petitioner = ((List<Map<String, Object>>) detail.get("petitioners")).get(0);
        long id = ((Number) petitioner.get("id")).longValue();
        assertThat(petitioner).containsEntry("confidential", true).containsEntry("masked", true);

        long reveals = audit.findByActionOrderByIdAsc("IDENTITY_REVEALED").size();
        var noReason = officer.post("/api/cases/" + code + "/petitioners/" + id + "/reveal", Map.of("reason", ""));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(new Api(rest, "officer.danvan")
                        .post(
                                "/api/cases/" + code + "/petitioners/" + id + "/reveal",
                                Map.of("reason", "Muốn xem danh tính"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        var revealed = officer.post(
                "/api/cases/" + code + "/petitioners/" + id + "/reveal",
                Map.of("reason", "Xác minh nội dung tố cáo với người tố cáo"));
        assertThat(revealed.getStatusCode().value()).isEqualTo(200);
        assertThat(revealed.getBody())
                .containsEntry("fullName", SECRETS.get(0))
                .containsEntry("idNumber", SECRETS.get(1))
                .containsEntry("masked", false);
        var entries = audit.findByActionOrderByIdAsc("IDENTITY_REVEALED");
        assertThat(entries).hasSize((int) reveals + 1);
        assertThat(entries.get(entries.size() - 1).getActor()).isEqualTo("officer.congan");
        assertThat(entries.get(entries.size() - 1).getDetails())
                .contains("Xác minh nội dung tố cáo")
                .doesNotContain(SECRETS.get(0));
        // the reveal is for that answer only: everything else stays masked
        assertThat(officer.get("/api/cases/" + code).getBody().toString()).doesNotContain(SECRETS.get(0));
        String csv = html("admin", "/audit.csv?caseCode=" + code);
        assertThat(csv).contains("IDENTITY_REVEALED", "CASE_CREATED");
        assertThat(SECRETS).allSatisfy(secret -> assertThat(csv).doesNotContain(secret));
        assertThat(html("officer.congan", "/audit.csv")).doesNotContain("IDENTITY_REVEALED");
    }
}
