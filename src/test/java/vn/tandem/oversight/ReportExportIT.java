package vn.tandem.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The period summary as files and over the API's edges: the Word, PDF and Excel files open with POI and PDFBox and
 * hold the JSON's numbers (the PDF with its Vietnamese diacritics), a large report is made in the background and
 * fetched when ready, only its requester sees it, and bad input answers 400/403 with a problem, never a 500.
 */
@TandemIntegrationTest
class ReportExportIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ReportExports exports;

    static final String PERIOD = "from=2025-01-01&to=2026-12-31";

    ResponseEntity<byte[]> bytes(String user, String path) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, byte[].class);
    }

    Map<String, Object> json() {
        return new Api(rest, "admin").get("/api/reports/summary?" + PERIOD).getBody();
    }

    @SuppressWarnings("unchecked")
    static long figure(Map<String, Object> report, String name) {
        return ((Number) ((Map<String, Object>) report.get("figures")).get(name)).longValue();
    }

    @Test
    void theWordFileHoldsTheNarrativeTablesAndCharts() throws Exception {
        Map<String, Object> report = json();
        ResponseEntity<byte[]> docx = bytes("admin", "/api/reports/summary.docx?" + PERIOD);
        assertThat(docx.getStatusCode().value()).isEqualTo(200);
        assertThat(docx.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("tandem-bao-cao-2025-01-01-2026-12-31.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getBody()))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text).contains("BÁO CÁO TỔNG HỢP KẾT QUẢ PHỐI HỢP").contains((String) report.get("narrative"));
            var row = doc.getTables().stream()
                    .flatMap(t -> t.getRows().stream())
                    .filter(r -> r.getCell(0).getText().equals("Vụ việc tiếp nhận"))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.getCell(1).getText()).isEqualTo(String.valueOf(figure(report, "casesReceived")));
            assertThat(doc.getAllPictures()).hasSize(4);
        }
    }

    @Test
    void theExcelFileHasOneSheetPerTableAndNumbersAsNumbers() throws Exception {
        Map<String, Object> report = json();
        ResponseEntity<byte[]> xlsx = bytes("admin", "/api/reports/summary.xlsx?" + PERIOD);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(wb.getNumberOfSheets()).isGreaterThanOrEqualTo(8);
            Sheet summary = wb.getSheet("Tổng hợp");
            Row cases = null;
            for (Row r : summary) {
                if ("Vụ việc tiếp nhận".equals(r.getCell(0).getStringCellValue())) {
                    cases = r;
                }
            }
            assertThat(cases).isNotNull();
            assertThat(cases.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) cases.getCell(1).getNumericCellValue()).isEqualTo(figure(report, "casesReceived"));
            Sheet byType = wb.getSheet("Theo loại");
            @SuppressWarnings("unchecked")
            Map<String, Object> types =
                    (Map<String, Object>) ((Map<String, Object>) report.get("figures")).get("casesReceivedByType");
            assertThat((long) byType.getRow(1).getCell(1).getNumericCellValue())
                    .isEqualTo(((Number) types.get("COMPLAINT")).longValue());
        }
    }

    @Test
    void thePdfCarriesVietnameseWithItsDiacritics() throws Exception {
        ResponseEntity<byte[]> pdf = bytes("admin", "/api/reports/summary.pdf?" + PERIOD);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("BÁO CÁO TỔNG HỢP KẾT QUẢ PHỐI HỢP")
                    .contains("Tiếp công dân và đối thoại")
                    .contains("Thời gian giải quyết so với thời hạn luật định")
                    .contains("điểm nóng");
        }
    }

    @Test
    void aLargeReportIsMadeInTheBackgroundAndOnlyItsRequesterGetsIt() throws Exception {
        exports.backgroundAbove(-1);
        try {
            ResponseEntity<Map<String, Object>> accepted =
                    new Api(rest, "supervisor.danvan").get("/api/reports/summary.xlsx?" + PERIOD);
            assertThat(accepted.getStatusCode().value()).isEqualTo(202);
            String url = accepted.getHeaders().getLocation().toString();
            assertThat(url).startsWith("/api/reports/jobs/");
            Map<String, Object> job = accepted.getBody();
            for (int i = 0; i < 300 && !"DONE".equals(job.get("status")); i++) {
                assertThat(job.get("status")).isNotEqualTo("FAILED");
                Thread.sleep(100); // a background job, not a deadline: bounded polling as the page does
                job = new Api(rest, "supervisor.danvan").get(url).getBody();
            }
            assertThat(job).containsEntry("status", "DONE").containsEntry("progress", 100);
            assertThat(new Api(rest, "supervisor.congan")
                            .get(url)
                            .getStatusCode()
                            .value())
                    .as("another user's job is not found")
                    .isEqualTo(404);
            ResponseEntity<byte[]> file = bytes("supervisor.danvan", (String) job.get("file"));
            assertThat(file.getStatusCode().value()).isEqualTo(200);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
                assertThat(wb.getSheet("Tổng hợp")).isNotNull();
            }
        } finally {
            exports.backgroundAbove(Long.MAX_VALUE);
        }
        // the page's own way: POST a job
        var posted = new Api(rest, "admin").post("/api/reports/jobs", Map.of("from", "2025-01-01", "format", "pdf"));
        assertThat(posted.getStatusCode().value()).isEqualTo(202);
        assertThat(new Api(rest, "admin")
                        .post("/api/reports/jobs", Map.of("format", "doc"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void badInputAnswersAProblemNeverA500() {
        Api admin = new Api(rest, "admin");
        var backwards = admin.get("/api/reports/summary?from=2026-02-01&to=2026-01-01");
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody().toString()).contains("to");
        assertThat(admin.get("/api/reports/summary?from=hôm-qua")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(admin.get("/api/reports/summary?from=1990-01-01&to=2026-01-01")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(admin.get("/api/reports/summary?agency=NOPE").getStatusCode().value())
                .isEqualTo(400);
        assertThat(admin.get("/api/reports/summary?unitId=987654")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(admin.get("/api/reports/summary.csv?list=nope")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(new Api(rest, "officer.danvan.minhxuan")
                        .get("/api/reports/summary")
                        .getStatusCode()
                        .value())
                .as("officers do not read the period summary")
                .isEqualTo(403);
        assertThat(new Api(rest, "supervisor.danvan.minhxuan")
                        .get("/api/reports/summary?unitId=1")
                        .getStatusCode()
                        .value())
                .as("a ward supervisor cannot report on the province")
                .isEqualTo(403);
        assertThat(rest.getForEntity("/api/reports/summary", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(admin.get("/api/reports/jobs/nope").getStatusCode().value()).isEqualTo(404);
        HttpHeaders html = new HttpHeaders();
        html.set(HttpHeaders.ACCEPT, "text/html");
        ResponseEntity<String> page = rest.withBasicAuth("officer.danvan.minhxuan", "demo")
                .exchange("/reports/summary", HttpMethod.GET, new HttpEntity<>(html), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(403);
        assertThat(page.getBody()).contains("<html").contains("Chỉ lãnh đạo, chỉ huy và quản trị viên");
    }

    @Test
    void theNarrativeSaysNoneForZeroAndSpeaksEnglishWhenAsked() {
        Api admin = new Api(rest, "admin");
        String empty = (String) admin.get("/api/reports/summary?from=2000-01-01&to=2000-12-31")
                .getBody()
                .get("narrative");
        assertThat(empty)
                .startsWith("Từ ngày 01/01/2000 đến ngày 31/12/2000")
                .contains("không có điểm nóng")
                .contains("không có khiếu kiện vượt cấp")
                .contains("không tiếp nhận vụ việc nào");
        assertThat((String) new Api(rest, "supervisor.danvan.minhxuan")
                        .get("/api/reports/summary?from=2000-01-01&to=2000-12-31")
                        .getBody()
                        .get("narrative"))
                .as("a ward supervisor's report covers the ward")
                .contains("trên địa bàn Phường Minh Xuân");
        HttpHeaders english = new HttpHeaders();
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        ResponseEntity<Map<String, Object>> en = rest.withBasicAuth("admin", "demo")
                .exchange(
                        "/api/reports/summary?from=2000-01-01&to=2000-12-31",
                        HttpMethod.GET,
                        new HttpEntity<>(english),
                        Api.JSON);
        assertThat((String) en.getBody().get("narrative"))
                .startsWith("From 01/01/2000 to 31/12/2000")
                .contains("no hot spots");
    }

    @Test
    void theCsvListsTheCasesReceived() {
        ResponseEntity<String> csv = rest.withBasicAuth("admin", "demo")
                .getForEntity("/api/reports/summary.csv?" + PERIOD + "&list=cases", String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        long rows = csv.getBody().lines().count() - 1;
        assertThat(rows).isEqualTo(figure(json(), "casesReceived"));
        ResponseEntity<String> figures = rest.withBasicAuth("admin", "demo")
                .getForEntity("/api/reports/summary.csv?" + PERIOD + "&list=figures", String.class);
        assertThat(figures.getBody()).contains("casesReceived").contains("timeSavedPercent");
    }
}
