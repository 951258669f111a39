package vn.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tandem.support.Browser;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A supervisor records a "Dân vận khéo" model on the program pages, is told what is missing, fixes it, edits the
 * results; an officer finds it by typing without diacritics; an officer logs a reception day.
 */
@Tag("browser")
@TandemIntegrationTest
class ProgramBrowserIT {

    static Browser browser;

    @LocalServerPort
    int port;

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

    @Test
    void aSupervisorRecordsAModelAndAnOfficerFindsIt() {
        browser.login("supervisor.danvan.minhxuan");
        browser.click("nav-program");
        browser.click("program-new-MODEL");
        browser.find("program-form");
        browser.type("title", "Khu phố tự quản bình yên — tổ 12");
        browser.click("program-save");
        // the field of a model is required: said on the field, the title kept
        browser.find("form-errors");
        assertThat(browser.find("field").getAttribute("class")).contains("is-invalid");
        assertThat(browser.find("title").getAttribute("value")).isEqualTo("Khu phố tự quản bình yên — tổ 12");
        new Select(browser.find("field")).selectByValue("SECURITY_ORDER");
        browser.type("results", "Không phát sinh vụ việc phức tạp trong 6 tháng.");
        browser.click("program-save");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("program-title")));
        assertThat(browser.find("program-title").getText()).isEqualTo("Khu phố tự quản bình yên — tổ 12");
        browser.click("program-edit");
        browser.find("results").clear();
        browser.type("results", "Không phát sinh vụ việc phức tạp trong 12 tháng.");
        browser.click("program-save");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("program-results"), "12 tháng"));

        browser.login("officer.congan.minhxuan");
        browser.get("/program?q=khu pho tu quan binh yen");
        assertThat(browser.driver.findElements(By.cssSelector("#program-table a")))
                .extracting(e -> e.getText())
                .contains("Khu phố tự quản bình yên — tổ 12");
        assertThat(browser.driver.findElements(By.id("program-new-MODEL")))
                .as("officers read only")
                .isEmpty();
    }

    @Test
    void anOfficerLogsAReceptionDayAndIsToldWhichMatterNamesAnUnknownCase() {
        browser.login("officer.congan.minhxuan");
        browser.click("nav-reception");
        browser.click("reception-new");
        browser.find("reception-form");
        browser.type("place", "Trụ sở Công an phường Minh Xuân");
        browser.type("receivedBy", "Đ/c Phó Trưởng Công an phường");
        browser.type("citizens", "3");
        browser.type("matters", "Hỏi thủ tục đăng ký tạm trú\nPhản ánh tiếng ồn; VV-1900-000001");
        browser.click("reception-save");
        browser.find("form-errors");
        assertThat(browser.find("matters").getAttribute("class")).contains("is-invalid");
        assertThat(browser.text()).contains("VV-1900-000001");
        browser.find("matters").clear();
        browser.type("matters", "Hỏi thủ tục đăng ký tạm trú\nPhản ánh tiếng ồn xưởng gỗ tổ 5");
        browser.click("reception-save");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reception-table")));
        assertThat(browser.text()).contains("Phản ánh tiếng ồn xưởng gỗ tổ 5");
        browser.click("dialogue-new");
        browser.find("dialogue-form");
        browser.click("dialogue-save");
        browser.find("form-errors");
        assertThat(browser.find("conclusions").getAttribute("class")).contains("is-invalid");
    }
}
