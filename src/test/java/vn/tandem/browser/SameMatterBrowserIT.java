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
import vn.tandem.support.Api;
import vn.tandem.support.Browser;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The same petitioner files at the ward, then at the province: the province officer sees the link to the ward's case
 * and the level-skipping flag, opens the petitioner's page with both cases, and the ward case's lead is notified.
 */
@Tag("browser")
@TandemIntegrationTest
class SameMatterBrowserIT {

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

    String file(String unit, String title, String name, String phone) {
        browser.get("/cases/new");
        new Select(browser.find("type")).selectByValue("COMPLAINT");
        new Select(browser.find("unitId")).selectByVisibleText(unit);
        browser.type("title", title);
        browser.type("description", "Gia đình bị cấp giấy chứng nhận sai diện tích, đề nghị xem xét lại.");
        browser.type("petitioners0.fullName", name);
        browser.type("petitioners0.phone", phone);
        browser.click("intake-submit");
        return browser.wait
                .until(ExpectedConditions.presenceOfElementLocated(By.id("case-code")))
                .getText();
    }

    @Test
    void theProvinceOfficerSeesTheLinkAndTheLevelSkippingFlagAndTheWardLeadIsTold() {
        String phone = Api.freshPhone();
        browser.login("officer.danvan.minhxuan");
        String ward =
                file("Khối Dân vận phường Minh Xuân", "Khiếu nại cấp giấy chứng nhận đất tổ 9", "Phạm Văn Mười", phone);
        assertThat(browser.driver.findElements(By.cssSelector(".flag-level-skipping")))
                .isEmpty();

        browser.login("officer.danvan");
        String province = file(
                "Ban Dân vận Tỉnh ủy",
                "Khiếu nại vượt cấp về giấy chứng nhận đất",
                "Muoi Pham Van",
                "+84 " + phone.substring(1));
        assertThat(browser.find("case-code").getText()).isEqualTo(province);
        assertThat(browser.driver.findElements(By.cssSelector(".flag-level-skipping")))
                .isNotEmpty();
        assertThat(browser.find("case-related").getText()).contains(ward);
        browser.click(browser.driver.findElement(By.cssSelector("#petitioners a.person-link")));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-cases")));
        assertThat(browser.find("person-cases").getText()).contains(ward).contains(province);

        browser.login("officer.danvan.minhxuan");
        browser.get("/notifications");
        assertThat(browser.find("notifications").getText()).contains(ward).contains(province);
        browser.get("/cases/" + ward);
        browser.find("case-code");
        assertThat(browser.driver.findElements(By.id("case-related")))
                .as("the province case lies beyond the ward officer's area: not listed, though the ward lead was told")
                .allSatisfy(e -> assertThat(e.getText()).doesNotContain(province));
    }
}
