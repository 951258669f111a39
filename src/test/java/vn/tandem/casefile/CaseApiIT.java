package vn.tandem.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import vn.tandem.audit.AuditEntries;
import vn.tandem.process.InformationRequestProcess;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/** The case API: intake, lists, detail, visibility, comments, attachments, information requests, audit. */
@TandemIntegrationTest
class CaseApiIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditEntries audit;

    Api congan;
    Api danvan;

    @BeforeEach
    void users() {
        congan = new Api(rest, "officer.congan");
        danvan = new Api(rest, "officer.danvan");
    }

    @Test
    void aCommentQueuedOfflineIsAddedOnceHoweverOftenItIsSent() {
        String code = congan.createCase(2, "PETITION", "Kiến nghị nhận ý kiến gửi lại khi có kết nối");
        HttpHeaders key = new HttpHeaders();
        key.set("Idempotency-Key", "comment-" + code);
        var first = congan.post("/api/cases/" + code + "/comments", Map.of("body", "Đã gặp gỡ các hộ dân."), key);
        var again = congan.post("/api/cases/" + code + "/comments", Map.of("body", "Đã gặp gỡ các hộ dân."), key);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody()).containsEntry("id", first.getBody().get("id"));
        @SuppressWarnings("unchecked")
        var timeline = (List<Map<String, Object>>)
                congan.get("/api/cases/" + code).getBody().get("timeline");
        assertThat(timeline).filteredOn(e -> "COMMENT".equals(e.get("kind"))).hasSize(1);
        // the same key for another case is a client's mistake, not a second comment
        String other = congan.createCase(2, "PETITION", "Kiến nghị khác cùng khóa gửi lại");
        assertThat(congan.post("/api/cases/" + other + "/comments", Map.of("body", "Ý kiến khác."), key)
                        .getStatusCode()
                        .value())
                .isEqualTo(422);
    }

    @Test
    void receivingACaseAnswers201WithLocationAndStartsTheProcess() {
        long before = audit.findByActionOrderByIdAsc("CASE_CREATED").size();
        var response = congan.post(
                "/api/cases",
                Map.of(
                        "type",
                        "DENUNCIATION",
                        "channel",
                        "LETTER",
                        "title",
                        "Tố cáo thử nghiệm",
                        "description",
                        "Nội dung tố cáo phục vụ kiểm thử.",
                        "unitId",
                        2,
                        "petitioners",
                        List.of(
                                Map.of("fullName", "Người Tố Cáo", "idNumber", "001234567890"),
                                Map.of("fullName", "Người Liên Quan"))));
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String code = (String) response.getBody().get("code");
        assertThat(code).matches("VV-\\d{4}-\\d{6}");
        assertThat(response.getHeaders().getLocation()).hasPath("/api/cases/" + code);
        assertThat(response.getBody()).containsEntry("status", "RECEIVED");
        assertThat(audit.findByActionOrderByIdAsc("CASE_CREATED")).hasSize((int) before + 1);
        var detail = congan.get("/api/cases/" + code).getBody();
        assertThat(detail).containsEntry("leadAgency", "CONGAN").containsEntry("type", "DENUNCIATION");
        @SuppressWarnings("unchecked")
        var petitioners = (List<Map<String, Object>>) detail.get("petitioners");
        assertThat(petitioners.get(0))
                .containsEntry("confidential", true)
                .containsEntry("masked", true)
                .doesNotContainValue("Người Tố Cáo")
                .doesNotContainValue("001234567890");
        assertThat(petitioners.get(1)).containsEntry("fullName", "Người Liên Quan");
        assertThat(congan.taskId(code, "Task_Accept")).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidIntakeAnswers400WithFieldErrorsInTheUsersLanguage() {
        var response = congan.post(
                "/api/cases",
                Map.of(
                        "type",
                        "COMPLAINT",
                        "title",
                        "",
                        "unitId",
                        2,
                        "petitioners",
                        List.of(Map.of("fullName", "A", "idNumber", "12"))));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        var errors = (List<Map<String, Object>>) response.getBody().get("errors");
        assertThat(errors)
                .extracting(e -> e.get("field"))
                .contains("channel", "title", "description", "petitioners[0].idNumber");
        assertThat(errors).extracting(e -> e.get("message")).contains("Trường này là bắt buộc.");
        var wrongUnit = congan.post(
                "/api/cases",
                Map.of(
                        "type",
                        "COMPLAINT",
                        "channel",
                        "LETTER",
                        "title",
                        "T",
                        "description",
                        "Mô tả đủ dài để hợp lệ.",
                        "unitId",
                        1,
                        "petitioners",
                        List.of(Map.of("fullName", "B"))));
        assertThat(wrongUnit.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) wrongUnit.getBody().get("errors"))
                .extracting(e -> e.get("field"))
                .containsExactly("unitId");
        var malformed = congan.post("/api/cases", "{not json");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void casesOfAnotherAgencyOrAreaAreInvisible() {
        String code = congan.createCase(6, "PETITION", "Kiến nghị tại Yên Sơn chỉ Công an thụ lý");
        assertThat(danvan.get("/api/cases/" + code).getStatusCode().value()).isEqualTo(404);
        assertThat(new Api(rest, "officer.congan.minhxuan")
                        .get("/api/cases/" + code)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(new Api(rest, "admin")
                        .get("/api/cases/" + code)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(congan.get("/api/cases/VV-2000-999999").getStatusCode().value())
                .isEqualTo(404);
        assertThat(danvan.items(danvan.get("/api/cases?q=" + code))).isEmpty();
        var list = congan.get("/api/cases?q=" + code);
        assertThat(list.getBody()).containsEntry("total", 1).containsEntry("page", 0);
    }

    @Test
    void commentsAndAttachmentsAreCheckedStoredAndAudited() {
        String code = congan.createCase(2, "PETITION", "Kiến nghị thử nghiệm đính kèm");
        long comments = audit.findByActionOrderByIdAsc("COMMENT_ADDED").size();
        assertThat(congan.post("/api/cases/" + code + "/comments", Map.of("body", "Đã liên hệ công dân"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(congan.post("/api/cases/" + code + "/comments", Map.of("body", " "))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(audit.findByActionOrderByIdAsc("COMMENT_ADDED")).hasSize((int) comments + 1);
        assertThat(upload(code, "bien-ban.pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes())
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        var exe = upload(code, "virus.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0});
        assertThat(exe.getStatusCode().value()).isEqualTo(400);
        assertThat(exe.getBody().toString()).contains("validation.file.type");
        var big = upload(code, "big.txt", "a".repeat(10 * 1024 * 1024 + 1).getBytes());
        assertThat(big.getStatusCode().value()).isEqualTo(400);
        assertThat(big.getBody().toString()).contains("validation.file.tooLarge");
        assertThat(audit.findByActionOrderByIdAsc("ATTACHMENT_ADDED").stream()
                        .filter(e -> code.equals(e.getCaseCode())))
                .hasSize(1);
        assertThat(danvan.get("/api/cases/" + code + "/attachments/1")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    private ResponseEntity<Map<String, Object>> upload(String code, String name, byte[] bytes) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return congan.post("/api/cases/" + code + "/attachments", body, headers);
    }

    @Test
    @SuppressWarnings("unchecked")
    void informationRequestIsAnsweredByThePartnerAndAcknowledged() {
        String code = congan.createCase(2, "INCIDENT", "Vụ việc cần trao đổi thông tin");
        var created = congan.post(
                "/api/cases/" + code + "/information-requests",
                Map.of("toAgency", "DANVAN", "question", "Đề nghị cho biết tâm tư của người dân", "urgency", "URGENT"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String location = created.getHeaders().getLocation().getPath();
        assertThat(location).startsWith("/api/information-requests/");
        assertThat(congan.post(
                                "/api/cases/" + code + "/information-requests",
                                Map.of("toAgency", "CONGAN", "question", "Tự hỏi chính mình"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        // the request shares the case with the asked agency, whose officers get the task
        String answer = danvan.taskId(code, InformationRequestProcess.TASK_ANSWER);
        assertThat(answer).isNotNull();
        assertThat(danvan.complete(answer, Map.of("answer", "Người dân mong sớm được đối thoại.")))
                .isEqualTo(204);
        String ack = congan.taskId(code, InformationRequestProcess.TASK_ACKNOWLEDGE);
        assertThat(congan.complete(ack, Map.of("ackDecision", "ACKNOWLEDGE"))).isEqualTo(204);
        var request = congan.get(location).getBody();
        assertThat(request)
                .containsEntry("status", "ACKNOWLEDGED")
                .containsEntry("answeredBy", "officer.danvan")
                .containsEntry("urgency", "URGENT");
        var timeline = (List<Map<String, Object>>)
                congan.get("/api/cases/" + code).getBody().get("timeline");
        assertThat(timeline)
                .extracting(e -> e.get("kind"))
                .contains("INFO_REQUEST", "INFO_ANSWER", "INFO_ACK", "SHARED");
        assertThat(danvan.get(location).getStatusCode().value()).isEqualTo(200);
        assertThat(new Api(rest, "officer.danvan.minhxuan")
                        .get(location)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }
}
