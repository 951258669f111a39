package vn.tandem.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Statutory notices: made from the template with the case code and the legal ground in both the Word and the PDF
 * text, numbered per unit, year and type without gaps even when issued at once, issued only by the lead agency, a
 * denouncer's notice opened only by those who may reveal the identity, and a template an admin replaces per case type.
 */
@TandemIntegrationTest
class NoticesIT {

    static final String GROUND = "Điều 27 Luật Khiếu nại năm 2011";

    @Autowired
    TestRestTemplate rest;

    ResponseEntity<byte[]> bytes(String user, String path) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, byte[].class);
    }

    @Test
    void aNoticeCarriesTheCaseCodeAndTheLegalGroundInWordAndPdf() throws Exception {
        Api officer = new Api(rest, "officer.danvan.minhxuan");
        String code = officer.createCase(3, "COMPLAINT", "Khiếu nại quyết định thu hồi đất");
        var issued =
                officer.post("/api/cases/" + code + "/notices", Map.of("type", "ACCEPTANCE", "legalGround", GROUND));
        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        String number = (String) issued.getBody().get("number");
        assertThat(number).matches("\\d+/TB-DV-MINHXUAN");
        Object id = issued.getBody().get("id");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                bytes("officer.danvan.minhxuan", "/api/cases/" + code + "/notices/" + id + ".docx")
                        .getBody()))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text)
                    .contains(code)
                    .contains(GROUND)
                    .contains("Số: " + number)
                    .contains("Về việc thụ lý đơn");
            assertThat(text).doesNotContain("{{");
        }
        ResponseEntity<byte[]> pdf = bytes("officer.danvan.minhxuan", "/api/cases/" + code + "/notices/" + id + ".pdf");
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(code)
                    .contains("Điều 27 Luật Khiếu nại")
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        }
        assertThat(rest.withBasicAuth("officer.danvan.minhxuan", "demo")
                        .getForEntity("/api/cases/" + code + "/notices", String.class)
                        .getBody())
                .contains(number)
                .contains(GROUND);

        // refusal and transfer need their ground (and the transfer its recipient); bad input is said per field
        var noGround = officer.post("/api/cases/" + code + "/notices", Map.of("type", "REFUSAL"));
        assertThat(noGround.getStatusCode().value()).isEqualTo(400);
        assertThat(noGround.getBody().toString()).contains("legalGround");
        assertThat(officer.post("/api/cases/" + code + "/notices", Map.of("type", "TRANSFER", "legalGround", GROUND))
                        .getBody()
                        .toString())
                .contains("recipient");
        assertThat(officer.post("/api/cases/" + code + "/notices", Map.of("type", "NOPE", "legalGround", GROUND))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(new Api(rest, "officer.congan.minhxuan")
                        .post("/api/cases/" + code + "/notices", Map.of("type", "ACCEPTANCE", "legalGround", GROUND))
                        .getStatusCode()
                        .value())
                .as("another agency cannot even see the case")
                .isEqualTo(404);
    }

    @Test
    void noticesIssuedAtOnceGetConsecutiveNumbersWithoutGaps() throws Exception {
        Api officer = new Api(rest, "officer.danvan.minhxuan");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            codes.add(officer.createCase(3, "PETITION", "Kiến nghị số " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        for (String code : codes) {
            results.add(pool.submit(() -> officer.post(
                            "/api/cases/" + code + "/notices",
                            Map.of("type", "DECISION", "legalGround", "Điều 9 Nghị định 20/2008"))
                    .getBody()));
        }
        List<Integer> numbers = new ArrayList<>();
        for (Future<Map<String, Object>> f : results) {
            numbers.add(Integer.parseInt(((String) f.get().get("number")).split("/")[0]));
        }
        pool.shutdown();
        Collections.sort(numbers);
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("consecutive: " + numbers).isEqualTo(numbers.get(i - 1) + 1);
        }
    }

    @Test
    void aDenouncersNoticeOpensOnlyForThoseWhoMayRevealAndAdminsReplaceTemplates() throws Exception {
        Api officer = new Api(rest, "officer.danvan.minhxuan");
        String code = officer.createCase(3, "DENUNCIATION", "Tố cáo cán bộ thu tiền sai quy định");
        // an admin's template for denunciations, with its own words around the placeholders
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            var run = doc.createParagraph().createRun();
            run.setText("Mẫu riêng tố cáo — số {{number}} — vụ việc {{");
            doc.getParagraphs().get(0).createRun().setText("code}} — căn cứ {{legal.ground}}");
            doc.write(template);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertThat(rest.withBasicAuth("admin", "demo")
                        .exchange(
                                "/api/admin/notice-templates/ACCEPTANCE?caseType=DENUNCIATION",
                                HttpMethod.PUT,
                                new HttpEntity<>(template.toByteArray(), headers),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(rest.withBasicAuth("admin", "demo")
                        .exchange(
                                "/api/admin/notice-templates/ACCEPTANCE",
                                HttpMethod.PUT,
                                new HttpEntity<>("not a docx".getBytes(), headers),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(rest.withBasicAuth("supervisor.danvan", "demo")
                        .exchange(
                                "/api/admin/notice-templates/ACCEPTANCE",
                                HttpMethod.PUT,
                                new HttpEntity<>(template.toByteArray(), headers),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        var issued = new Api(rest, "supervisor.danvan.minhxuan")
                .post(
                        "/api/cases/" + code + "/notices",
                        Map.of("type", "ACCEPTANCE", "legalGround", "Điều 29 Luật Tố cáo 2018"));
        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        Object id = issued.getBody().get("id");
        ResponseEntity<byte[]> docx =
                bytes("supervisor.danvan.minhxuan", "/api/cases/" + code + "/notices/" + id + ".docx");
        assertThat(docx.getStatusCode().value()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getBody()))) {
            assertThat(new XWPFWordExtractor(doc).getText())
                    .contains("Mẫu riêng tố cáo")
                    .contains("vụ việc " + code)
                    .contains("Điều 29 Luật Tố cáo 2018");
        }
        assertThat(bytes("officer.danvan", "/api/cases/" + code + "/notices/" + id + ".pdf")
                        .getStatusCode()
                        .value())
                .as("a province officer sees the case but may not open the denouncer's notice")
                .isEqualTo(403);
    }
}
