package vn.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tandem.support.Browser;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A commune officer reports the situation with two signals on the form; the province's officer of the other agency
 * sees them on the situation page and promotes one to an incident in one step.
 */
@Tag("browser")
@TandemIntegrationTest
class SituationBrowserIT {

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

    void select(String id, String value) {
        new Select(browser.find(id)).selectByValue(value);
    }

    @Test
    void aCommuneReportReachesTheOtherAgencyWhichPromotesASignalToAnIncident() throws Exception {
        browser.login("officer.danvan.minhxuan");
        browser.click("nav-situation");
        browser.click("situation-new-report");
        browser.find("report-form");
        browser.click("assessment3"); // COMPLEX
        select("signals0.category", "CROWD");
        select("signals0.risk", "CRITICAL");
        browser.type("signals0.place", "Tổ 9, phường Minh Xuân");
        browser.type("signals0.peopleInvolved", "40");
        browser.type("signals0.description", "Khoảng 40 hộ rủ nhau sáng mai kéo lên trụ sở tỉnh phản đối dự án.");
        browser.click("add-signal");
        select("signals1.category", "RUMOUR");
        select("signals1.risk", "MEDIUM");
        browser.type("signals1.place", "Nhóm Zalo tổ 9");
        browser.submit("report-submit");
        // the second signal lacks what happened: refused beside its field, everything typed kept
        assertThat(browser.find("signals1.description").getAttribute("class")).contains("is-invalid");
        assertThat(browser.find("signals0.description").getAttribute("value")).contains("kéo lên trụ sở tỉnh");
        assertThat(browser.find("signals1.place").getAttribute("value")).isEqualTo("Nhóm Zalo tổ 9");
        browser.type("signals1.description", "Lan truyền tin dự án thu hồi thêm 20 ha đất ở.");
        browser.screenshot("50-situation-report");
        browser.click("report-submit");
        assertThat(browser.find("flash-success").getText()).contains("2 tin");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#signal-table .signal-row"));
        assertThat(rows.stream().map(WebElement::getText).toList())
                .anyMatch(t -> t.contains("Tổ 9, phường Minh Xuân"))
                .anyMatch(t -> t.contains("Nhóm Zalo tổ 9"));

        // the province's police see the ward's signals on the situation page and promote the crowd to an incident
        browser.login("officer.congan");
        browser.get("/situation");
        assertThat(browser.find("situation-table").getText()).contains("Khối Dân vận phường Minh Xuân");
        browser.screenshot("51-situation-overview");
        browser.click(browser.driver.findElement(By.cssSelector("#situation-table tr[data-unit='3'] td a")));
        WebElement crowd = browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(
                        By.xpath(
                                "//tr[contains(@class,'signal-row')][contains(., 'Tổ 9, phường Minh Xuân')]//a[contains(@class,'signal-link')]")));
        browser.click(crowd);
        assertThat(browser.find("signal-status").getText()).contains("Mới");
        // a photo from the scene, shown on the signal
        browser.find("photo-file")
                .sendKeys(java.nio.file.Path.of("target/classes/static/img/icon-192.png")
                        .toAbsolutePath()
                        .toString());
        browser.click(browser.driver.findElement(By.cssSelector("#photo-form button[type=submit]")));
        assertThat(browser.find("flash-success").getText()).isEqualTo("Đã thêm ảnh.");
        assertThat(browser.driver.findElements(By.cssSelector("#signal-photos img")))
                .singleElement()
                .satisfies(img -> assertThat(browser.js("return arguments[0].naturalWidth", img))
                        .isEqualTo(192L));
        assertThat(new Select(browser.find("promote-as"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("INCIDENT");
        browser.screenshot("52-signal-triage");
        browser.click("promote-submit");
        String code = browser.find("case-code").getText();
        assertThat(browser.find("flash-success").getText()).contains(code);
        assertThat(browser.find("case-facts").getText())
                .contains("Công an tỉnh")
                .contains("Tổ 9, phường Minh Xuân")
                .contains("Tín hiệu từ cơ sở");
        browser.driver.navigate().back();
        browser.driver.navigate().refresh();
        assertThat(browser.find("signal-status").getText())
                .contains("Đã thành vụ việc")
                .contains(code);
        assertThat(browser.driver.findElements(By.id("triage"))).isEmpty();
        assertThat(browser.find("signal-history").getText()).contains("Báo tin", "Chuyển thành vụ việc");
    }
}
