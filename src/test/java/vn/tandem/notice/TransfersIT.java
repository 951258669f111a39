package vn.tandem.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import vn.tandem.casefile.CaseChanged;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TandemClock;
import vn.tandem.sla.LegalCalendar;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Transfers and the notices the law requires: a transfer records the competent body and the forwarding limit,
 * issues the slip and the citizen's notice on its own (their text carries the case code, the body and the legal
 * ground), awaits the body's answer by the acceptance limit and reminds once when it is late; an accepted
 * denunciation and a refusal issue their notices; the notice clocks are done on the notice's day; a duty is met once.
 */
@TandemIntegrationTest
class TransfersIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String BODY = "Thanh tra huyện Minh Xuân";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    LegalCalendar calendar;

    @Autowired
    Transfers transfers;

    @Autowired
    NoticeDuties duties;

    @Autowired
    CaseFiles caseFiles;

    @AfterEach
    void reset() {
        clock.reset();
    }

    byte[] bytes(String user, String path) {
        return rest.withBasicAuth(user, "demo")
                .exchange(path, HttpMethod.GET, null, byte[].class)
                .getBody();
    }

    String transferred(Api officer, String type, String title) {
        String code = officer.createCase(3, type, title);
        assertThat(officer.complete(
                        officer.taskId(code, CaseHandling.TASK_ACCEPT),
                        Map.of(
                                "decision", "TRANSFER",
                                "competentBody", BODY,
                                "reason", "Nội dung thuộc thẩm quyền của cơ quan thanh tra")))
                .isEqualTo(204);
        return code;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTransferIssuesTheSlipAndTheNoticeAndAwaitsTheBodysAnswer() throws Exception {
        Api officer = new Api(rest, "officer.danvan.minhxuan");
        String code = transferred(officer, "DENUNCIATION", "Tố cáo cán bộ địa chính nhận tiền");
        LocalDate today = LocalDate.now(clock);

        Map<String, Object> t = officer.get("/api/cases/" + code + "/transfer").getBody();
        assertThat(t.get("recipient")).isEqualTo(BODY);
        assertThat(t.get("state")).isEqualTo("AWAITING");
        // the receiving body's acceptance limit for a denunciation: 7 working days
        assertThat(t.get("answerDue"))
                .isEqualTo(calendar.addWorkingDays(today, 7).toString());
        Map<String, Object> forward = (Map<String, Object>) t.get("forward");
        assertThat((String) forward.get("legalBasis")).contains("Luật Tố cáo 2018, Điều 24");
        assertThat(forward.get("onTime")).isEqualTo(true);

        List<Map<String, Object>> documents = (List<Map<String, Object>>) t.get("documents");
        assertThat(documents).extracting(d -> d.get("type")).containsExactly("TRANSFER_SLIP", "TRANSFER");
        Map<String, Object> slip = documents.get(0);
        assertThat((String) slip.get("number")).matches("\\d+/PC-DV-MINHXUAN");
        assertThat((String) documents.get(1).get("number")).matches("\\d+/TB-DV-MINHXUAN");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                bytes("officer.danvan.minhxuan", "/api/cases/" + code + "/notices/" + slip.get("id") + ".docx")))) {
            assertThat(new XWPFWordExtractor(doc).getText())
                    .contains("PHIẾU CHUYỂN ĐƠN")
                    .contains("Kính gửi: " + BODY)
                    .contains(code)
                    .contains("Luật Tố cáo 2018, Điều 24 khoản 2")
                    .doesNotContain("{{");
        }
        try (PDDocument doc = Loader.loadPDF(bytes(
                "officer.danvan.minhxuan",
                "/api/cases/" + code + "/notices/" + documents.get(1).get("id") + ".pdf"))) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains(code)
                    .contains(BODY)
                    .contains("Luật Tiếp công dân 2013");
        }
        // the transfer notice's clock is done on the day it was issued
        Map<String, Object> clockRow = officer.deadline(code, "TRANSFER_NOTICE");
        assertThat(clockRow.get("phase")).isEqualTo("DONE");

        // the answer: wrong input is said per field and changes nothing
        var noKind = officer.post("/api/cases/" + code + "/transfer/answer", Map.of("answeredOn", today.toString()));
        assertThat(noKind.getStatusCode().value()).isEqualTo(400);
        assertThat(noKind.getBody().toString()).contains("kind");
        var future = officer.post(
                "/api/cases/" + code + "/transfer/answer",
                Map.of("kind", "ACCEPTED", "answeredOn", today.plusDays(3).toString()));
        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(future.getBody().toString()).contains("answeredOn");
        var returnedWithoutWhy = officer.post(
                "/api/cases/" + code + "/transfer/answer", Map.of("kind", "RETURNED", "answeredOn", today.toString()));
        assertThat(returnedWithoutWhy.getBody().toString()).contains("note");
        assertThat(officer.get("/api/cases/" + code + "/transfer").getBody().get("state"))
                .isEqualTo("AWAITING");
        assertThat(new Api(rest, "officer.congan.minhxuan")
                        .post(
                                "/api/cases/" + code + "/transfer/answer",
                                Map.of("kind", "ACCEPTED", "answeredOn", today.toString()))
                        .getStatusCode()
                        .value())
                .as("another agency does not see the case")
                .isEqualTo(404);

        var answered = officer.post(
                "/api/cases/" + code + "/transfer/answer",
                Map.of("kind", "accepted", "answeredOn", today.toString(), "reference", "15/TTr"));
        assertThat(answered.getStatusCode().value()).isEqualTo(200);
        assertThat(answered.getBody().get("state")).isEqualTo("ANSWERED");
        assertThat(((Map<String, Object>) answered.getBody().get("answer")).get("reference"))
                .isEqualTo("15/TTr");
        Map<String, Object> register =
                officer.get("/api/transfers?state=ANSWERED").getBody();
        assertThat(((List<Map<String, Object>>) register.get("rows")))
                .extracting(r -> r.get("caseCode"))
                .contains(code);
        assertThat(officer.get("/api/transfers?state=LOST").getStatusCode().value())
                .isEqualTo(400);
        assertThat(new Api(rest, "officer.congan.minhxuan")
                        .get("/api/transfers")
                        .getBody()
                        .toString())
                .as("another agency's register does not list a case it does not see")
                .doesNotContain(code);
        assertThat(officer.get("/api/cases/" + officer.createCase(3, "PETITION", "Chưa chuyển") + "/transfer")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnansweredTransferIsRemindedOnceAfterItsDay() {
        clock.setTime(LocalDateTime.of(2034, 3, 1, 9, 0).atZone(VN).toInstant());
        Api officer = new Api(rest, "officer.danvan.minhxuan");
        String code = transferred(officer, "PETITION", "Kiến nghị về trật tự xây dựng");
        transfers.remindLate();
        assertThat(reminders(code, "officer.danvan.minhxuan"))
                .as("not late yet")
                .isZero();
        clock.setTime(LocalDateTime.of(2034, 4, 20, 9, 0).atZone(VN).toInstant());
        assertThat(officer.get("/api/cases/" + code + "/transfer").getBody().get("state"))
                .isEqualTo("OVERDUE");
        transfers.remindLate();
        transfers.remindLate();
        for (String user : List.of("officer.danvan.minhxuan", "supervisor.danvan.minhxuan")) {
            assertThat(reminders(code, user)).as(user + " is reminded once").isEqualTo(1);
        }
    }

    @SuppressWarnings("unchecked")
    long reminders(String code, String user) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) new Api(rest, user)
                .get("/api/notifications?limit=200")
                .getBody()
                .get("items");
        return items.stream()
                .filter(n -> code.equals(n.get("caseCode")) && "TRANSFER_OVERDUE".equals(n.get("kind")))
                .count();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNoticesTheLawRequiresAreIssuedOnceAsTheCaseMovesOn() throws Exception {
        Api officer = new Api(rest, "officer.danvan.minhxuan");
        String accepted = officer.createCase(3, "DENUNCIATION", "Tố cáo hành vi lấn chiếm đất công");
        assertThat(officer.complete(officer.taskId(accepted, CaseHandling.TASK_ACCEPT), Map.of("decision", "ACCEPT")))
                .isEqualTo(204);
        List<Map<String, Object>> notices = officer.list("/api/cases/" + accepted + "/notices");
        assertThat(notices).extracting(n -> n.get("type")).containsExactly("ACCEPTANCE");
        assertThat((String) notices.get(0).get("legalGround")).contains("Luật Tố cáo 2018, Điều 29");
        assertThat(officer.deadline(accepted, "ACCEPTANCE_NOTICE").get("phase")).isEqualTo("DONE");

        // the same change seen again (another node, a second event) issues nothing more
        long id = caseFiles.byCode(accepted).orElseThrow().getId();
        duties.on(new CaseChanged(caseFiles.summary(id)));
        duties.on(new CaseChanged(caseFiles.summary(id)));
        assertThat(officer.list("/api/cases/" + accepted + "/notices")).hasSize(1);

        String refused = officer.createCase(3, "COMPLAINT", "Khiếu nại đã quá thời hiệu");
        assertThat(officer.complete(
                        officer.taskId(refused, CaseHandling.TASK_ACCEPT),
                        Map.of("decision", "REFUSE", "reason", "Quá thời hiệu khiếu nại (Điều 9 Luật Khiếu nại 2011)")))
                .isEqualTo(204);
        List<Map<String, Object>> refusal = officer.list("/api/cases/" + refused + "/notices");
        assertThat(refusal).extracting(n -> n.get("type")).containsExactly("REFUSAL");
        try (PDDocument doc = Loader.loadPDF(bytes(
                "officer.danvan.minhxuan",
                "/api/cases/" + refused + "/notices/" + refusal.get(0).get("id") + ".pdf"))) {
            assertThat(new PDFTextStripper().getText(doc)).contains(refused).contains("Điều 9 Luật Khiếu nại 2011");
        }
    }
}
