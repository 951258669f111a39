package vn.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tandem.process.CaseHandling;
import vn.tandem.support.Api;
import vn.tandem.support.Browser;
import vn.tandem.support.TandemIntegrationTest;

/** The inbox's, the dashboard's and the audit's power tools in Chromium. */
@Tag("browser")
@TandemIntegrationTest
class PowerToolsBrowserIT {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = new Browser(port);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void anOfficerSavesAFilterClaimsInBulkAndClaimsFromTheKeyboard() throws Exception {
        Api officer = new Api(rest, "officer.congan");
        String a = officer.createCase(2, "PETITION", "Kiến nghị sửa chữa cầu treo bản Nà Hang");
        String b = officer.createCase(2, "PETITION", "Kiến nghị nạo vét kênh bản Nà Hang");
        String c = officer.createCase(2, "PETITION", "Kiến nghị lắp biển báo bản Nà Hang");
        browser.login("officer.congan");

        // a search typed without diacritics, saved under a name, found again from the menu
        browser.get("/inbox?scope=group");
        browser.type("q", "na hang");
        browser.click("filter-submit");
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.inbox-row"), 3));
        browser.type("filter-name", "Bản Nà Hang");
        browser.click("filter-save");
        browser.find("flash-success");
        browser.get("/inbox?scope=group");
        browser.click("saved-filters-menu");
        browser.click(browser.driver.findElement(By.cssSelector("a.saved-filter[data-filter='Bản Nà Hang']")));
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.inbox-row"), 3));
        assertThat(browser.find("q").getAttribute("value")).isEqualTo("na hang");

        // two ticked and claimed at once
        for (String code : new String[] {a, b}) {
            browser.click(browser.driver.findElement(
                    By.cssSelector("tr.inbox-row[data-case='" + code + "'] input.task-select")));
        }
        browser.click("bulk-claim");
        assertThat(browser.find("flash-success").getText()).contains("2");
        assertThat(officer.get("/api/tasks?scope=mine&q=na hang").getBody().get("total"))
                .isEqualTo(2);

        // the third with the keyboard: j to it, c to claim
        browser.get("/inbox?scope=group&q=na%20hang");
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.inbox-row"), 1));
        new Actions(browser.driver).sendKeys("j").perform();
        new Actions(browser.driver).sendKeys("c").perform();
        browser.find("flash-success");
        assertThat(officer.get("/api/tasks?scope=mine&q=na hang").getBody().get("total"))
                .isEqualTo(3);
        assertThat(officer.taskId(c, CaseHandling.TASK_ACCEPT)).isNotNull();
        browser.screenshot("21-inbox-claimed");
    }

    @Test
    void aDashboardCounterLeadsToItsCasesAndTheAuditFindsAPartialNameWithoutDiacritics() throws Exception {
        String code = new Api(rest, "officer.congan").createCase(2, "COMPLAINT", "Khiếu nại về bồi thường Hưng Nguyên");
        browser.login("supervisor.congan");
        browser.get("/dashboard");
        browser.click("count-onTrack");
        browser.wait.until(ExpectedConditions.urlContains("/dashboard/cases"));
        assertThat(browser.find("drill-table").getText()).contains(code);
        browser.screenshot("22-drill-down");

        browser.login("admin");
        browser.get("/audit");
        browser.type("text", "boi thuong hung nguyen");
        new Select(browser.find("action")).selectByValue("CASE_CREATED");
        browser.find("text").sendKeys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-table"), code));
        assertThat(browser.find("audit-table").getText()).contains(code);
        browser.screenshot("23-audit-search");
    }

    @Test
    void aDesignerSeesProblemsMarkedWhileEditingAndARefusedDeploymentKeepsTheEdits() throws Exception {
        browser.login("designer");
        browser.get("/designer/case-handling");
        browser.wait.until(d -> "true".equals(browser.find("designer").getAttribute("data-ready")));
        // the shipped process lints clean (recommended rules and Tandem's allowlist rules)
        browser.wait.until(d -> "0".equals(browser.find("designer").getAttribute("data-lint-errors")));

        // a step renamed, and a Java class where a handler from the list belongs: marked before anyone deploys
        browser.js("const m = window.tandemModeler, r = m.get('elementRegistry'), modeling = m.get('modeling');"
                + "modeling.updateLabel(r.get('Task_Accept'), 'Thụ lý và kiểm tra (sửa)');"
                + "modeling.updateProperties(r.get('Task_RecordTransfer'), {"
                + "'camunda:delegateExpression': undefined, 'camunda:class': 'java.lang.Runtime'});");
        browser.wait.until(
                d -> browser.find("designer").getAttribute("data-lint-elements").contains("Task_RecordTransfer"));
        assertThat(browser.find("designer").getAttribute("data-lint-errors")).isNotEqualTo("0");
        assertThat(browser.driver.findElements(By.cssSelector(".bjsl-overlay"))).isNotEmpty();
        browser.screenshot("designer-lint");

        // deployed anyway: refused, the report beside the modeler, the edits still there
        browser.click("deploy");
        assertThat(browser.accept()).contains("Triển khai phiên bản mới");
        assertThat(browser.find("deploy-refused").getText()).contains("vẫn còn trong trình thiết kế");
        browser.wait.until(d -> "true".equals(browser.find("designer").getAttribute("data-ready")));
        assertThat(browser.find("problems").getText()).contains("Task_RecordTransfer");
        assertThat(browser.js(
                        "return window.tandemModeler.get('elementRegistry').get('Task_Accept').businessObject.name"))
                .isEqualTo("Thụ lý và kiểm tra (sửa)");
        browser.click(browser.driver.findElement(
                By.cssSelector("#problems li[data-element-id='Task_RecordTransfer'] .problem-select")));
        assertThat(browser.js("return window.tandemModeler.get('selection').get().map(e => e.id)"))
                .asString()
                .contains("Task_RecordTransfer");
        browser.screenshot("designer-refused-beside");
        // and kept as a draft: opening the draft later brings the edits back
        browser.get("/designer/case-handling");
        browser.click("open-draft");
        browser.wait.until(d -> "true".equals(browser.find("designer").getAttribute("data-ready")));
        assertThat(browser.js(
                        "return window.tandemModeler.get('elementRegistry').get('Task_Accept').businessObject.name"))
                .isEqualTo("Thụ lý và kiểm tra (sửa)");
    }

    @Test
    void aSupervisorAssignsTickedTasksAtOnceAndNothingIsRemovedWithoutAConfirmation() throws Exception {
        Api officer = new Api(rest, "officer.congan");
        String a = officer.createCase(2, "PETITION", "Kiến nghị giao hàng loạt bản Tà Xùa một");
        String b = officer.createCase(2, "PETITION", "Kiến nghị giao hàng loạt bản Tà Xùa hai");
        browser.login("supervisor.congan");
        browser.get("/inbox?scope=watch&q=ta xua");
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.inbox-row"), 2));
        for (String code : new String[] {a, b}) {
            browser.click(browser.driver.findElement(
                    By.cssSelector("tr.inbox-row[data-case='" + code + "'] input.task-select")));
        }
        // both ticks hold before the form goes (CI once sent one: told apart here from a refused assignment)
        assertThat(browser.driver.findElements(By.cssSelector("tr.inbox-row input.task-select:checked")))
                .hasSize(2);
        new Select(browser.find("bulk-assign-user")).selectByValue("officer.congan");
        browser.click("bulk-assign");
        assertThat(browser.find("flash-success").getText()).contains("2");
        assertThat(officer.get("/api/tasks?scope=mine&q={q}", "ta xua")
                        .getBody()
                        .get("total"))
                .isEqualTo(2);

        // removing a holiday asks first; declined, the day stays
        browser.login("admin");
        browser.get("/admin/calendar");
        int days = browser.driver
                .findElements(By.cssSelector("#calendar-table tbody tr"))
                .size();
        browser.click(browser.driver.findElement(By.cssSelector("#calendar-table tbody tr button.btn-outline-danger")));
        assertThat(browser.dismiss()).contains("khỏi lịch nghỉ");
        assertThat(browser.driver.findElements(By.cssSelector("#calendar-table tbody tr")))
                .hasSize(days);
        assertThat(browser.driver.findElements(By.id("flash-success"))).isEmpty();
    }
}
