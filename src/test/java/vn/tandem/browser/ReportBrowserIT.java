package vn.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tandem.support.Browser;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A supervisor opens the period summary, changes the period and the agency, is told when the period runs backwards,
 * and downloads the report as Word, PDF and Excel — each made in the background with its progress shown — and
 * every file opens.
 */
@Tag("browser")
@TandemIntegrationTest
class ReportBrowserIT {

    static Browser browser;

    @LocalServerPort
    int port;

    @TempDir
    Path downloads;

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = new Browser(port);
        }
        browser.size(1366, 900);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    void setDate(String id, String iso) {
        browser.js("document.getElementById(arguments[0]).value = arguments[1];", id, iso);
    }

    @Test
    void aSupervisorChangesPeriodAndAgencyAndDownloadsTheThreeFiles() throws Exception {
        browser.login("supervisor.danvan");
        browser.click("nav-report");
        browser.find("report-narrative");
        assertThat(browser.find("report-narrative").getText()).startsWith("Từ ngày ");

        setDate("from", "2026-02-01");
        setDate("to", "2026-01-01");
        browser.click("report-show");
        assertThat(browser.find("to-error").getText()).contains("Ngày kết thúc");
        assertThat(browser.driver.findElements(By.id("report-narrative"))).isEmpty();

        setDate("from", "2025-01-01");
        setDate("to", "2026-12-31");
        new Select(browser.find("agency")).selectByValue("DANVAN");
        browser.click("report-show");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("report-narrative"), "Từ ngày 01/01/2025 đến ngày 31/12/2026, Ban Dân vận"));
        assertThat(browser.find("report-period").getText()).contains("730");
        assertThat(browser.driver.findElements(By.cssSelector("#report-charts canvas")))
                .hasSize(4);
        assertThat(browser.find("kpi-casesReceived").getText()).isNotBlank();

        browser.downloadTo(downloads);
        for (String format : new String[] {"docx", "pdf", "xlsx"}) {
            browser.click("export-" + format);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("download-" + format)));
            browser.click("download-" + format);
        }
        Path docx = downloads.resolve("tandem-bao-cao-2025-01-01-2026-12-31.docx");
        Path pdf = downloads.resolve("tandem-bao-cao-2025-01-01-2026-12-31.pdf");
        Path xlsx = downloads.resolve("tandem-bao-cao-2025-01-01-2026-12-31.xlsx");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> Files.exists(docx) && Files.exists(pdf) && Files.exists(xlsx));
        String narrative = browser.find("report-narrative").getText();
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(docx))) {
            assertThat(new XWPFWordExtractor(doc).getText()).contains(narrative);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Ban Dân vận");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheet("Nhận định").getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo(narrative);
        }
    }
}
