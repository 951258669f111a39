package vn.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tandem.process.ProcessDesign;
import vn.tandem.process.TandemClock;
import vn.tandem.process.Workflow;
import vn.tandem.support.Api;
import vn.tandem.support.Browser;
import vn.tandem.support.SecurityPayloads;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The whole walk in headless Chromium: a Công an officer files a case, both agencies verify, the officer
 * proposes, the supervisor approves, the officer implements and records "tạm ổn định"; 31 days later the
 * monitoring check closes it as "ổn định", and the case page shows the whole timeline.
 */
@Tag("browser")
@TandemIntegrationTest
class CaseWalkBrowserIT {

    static WebDriver driver;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @Autowired
    TandemClock clock;

    @Autowired
    Workflow workflow;

    @Autowired
    TestRestTemplate restTemplate;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.chromium("1400,1000");
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void login(String user) {
        driver.get("about:blank");
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        click(driver.findElement(By.id("login-submit")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-table")));
    }

    void openTask(String caseCode, String key) {
        driver.get(url("/inbox?scope=all&q=" + caseCode));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr.inbox-row[data-task-key='" + key + "'] a.task-link")));
        click(row);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-form")));
    }

    /** A task of the user's groups (one agency's instance of a multi-instance step). */
    void openGroupTask(String caseCode, String key) {
        driver.get(url("/inbox?scope=group&q=" + caseCode));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr.inbox-row[data-task-key='" + key + "'] a.task-link")));
        click(row);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-form")));
    }

    String accept() {
        var alert = wait.until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        alert.accept();
        return question;
    }

    void click(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    void type(String id, String text) {
        WebElement element = driver.findElement(By.id(id));
        element.clear();
        element.sendKeys(text);
    }

    void choose(String radioId) {
        click(driver.findElement(By.id(radioId)));
    }

    void complete() {
        click(driver.findElement(By.id("complete")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash-success")));
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void officerWorksACaseFromIntakeToStabilizedWithBothAgenciesAndASupervisor() throws Exception {
        login("officer.congan");
        screenshot("01-inbox");
        driver.get(url("/cases/new"));
        click(driver.findElement(By.id("intake-submit")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(driver.findElement(By.id("intake-form")).getText()).contains("Trường này là bắt buộc.");
        new Select(driver.findElement(By.id("type"))).selectByValue("COMPLAINT");
        new Select(driver.findElement(By.id("unitId"))).selectByVisibleText("Công an xã Yên Sơn");
        type("title", "Khiếu nại về ranh giới đất giữa hai hộ dân thôn 4");
        type("description", "Hai hộ dân tranh chấp ranh giới đất, đề nghị chính quyền phối hợp giải quyết.");
        type("crowdSize", "3");
        type("petitioners0.fullName", "Lê Văn Bốn");
        type("petitioners0.idNumber", "008077001111");
        click(driver.findElement(By.id("add-petitioner")));
        type("petitioners1.fullName", "Hà Thị Năm");
        screenshot("02-intake");
        click(driver.findElement(By.id("intake-submit")));
        String code = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-code")))
                .getText();
        assertThat(code).matches("VV-\\d{4}-\\d{6}");
        assertThat(driver.findElements(By.cssSelector("#petitioners tr.petitioner")))
                .hasSize(2);

        openTask(code, "Task_Accept");
        complete0WithErrors();
        screenshot("03-accept-form-errors");
        choose("decision-ACCEPT");
        complete();
        // each agency verifies in its own task: the inbox's group view shows an officer only his agency's
        openGroupTask(code, "Task_Verify");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Xác minh, nắm tình hình (Công an tỉnh)");
        type("findings", "Đã xác minh tại địa bàn, không có dấu hiệu kích động.");
        choose("riskLevel-MEDIUM");
        complete();

        login("officer.danvan");
        openGroupTask(code, "Task_Verify");
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("Xác minh, nắm tình hình (Ban Dân vận Tỉnh ủy)");
        type("findings", "Đã gặp gỡ hai hộ dân, cả hai mong muốn được hòa giải.");
        choose("riskLevel-LOW");
        complete();

        login("officer.congan");
        openTask(code, "Task_ProposeSolution");
        // the proposal step reads every agency's findings
        assertThat(driver.findElements(By.cssSelector(".verification")))
                .extracting(e -> e.getAttribute("data-agency"))
                .containsExactly("CONGAN", "DANVAN");
        assertThat(driver.findElement(By.cssSelector(".verification[data-agency='DANVAN'] .verification-findings"))
                        .getText())
                .contains("mong muốn được hòa giải");
        type("plan", "Tổ chức hòa giải tại thôn với sự tham gia của Ban Dân vận và Công an xã.");
        complete();

        login("supervisor.congan");
        openTask(code, "Task_ApproveSolution");
        screenshot("04-approve-form");
        choose("approvalDecision-APPROVE");
        complete();

        login("officer.congan");
        openTask(code, "Task_Implement");
        type("actionsTaken", "Đã tổ chức hòa giải, hai hộ thống nhất cắm mốc ranh giới.");
        complete();
        openTask(code, "Task_RecordOutcome");
        choose("outcome-TEMPORARILY_STABILIZED");
        type("outcomeSummary", "Tạm ổn định, tiếp tục theo dõi việc cắm mốc.");
        complete();
        driver.get(url("/cases/" + code));
        assertThat(driver.findElement(By.id("fact-status")).getText()).isEqualTo("Đang theo dõi");

        clock.advance(Duration.ofDays(31));
        assertThat(workflow.executeDueJobs()).isPositive();
        openTask(code, "Task_MonitoringCheck");
        assertThat(driver.findElement(By.id("ro-monitoringCheckNumber")).getText())
                .isEqualTo("1");
        choose("checkResult-STABLE");
        type("situation", "Hai hộ đã cắm mốc xong, không còn tranh chấp.");
        complete();

        driver.get(url("/cases/" + code));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram.diagram-ready")));
        assertThat(driver.findElement(By.id("fact-status")).getText()).isEqualTo("Đã kết thúc");
        assertThat(driver.findElement(By.id("fact-outcome")).getText()).isEqualTo("Ổn định");
        assertThat(driver.findElement(By.id("fact-agencies")).getText()).isEqualTo("Công an tỉnh, Ban Dân vận Tỉnh ủy");
        List<String> titles = driver.findElements(By.cssSelector("#timeline .timeline-title")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(titles)
                .contains(
                        "Tiếp nhận vụ việc",
                        "Thụ lý, kiểm tra thẩm quyền và trùng lặp",
                        "Xác minh, nắm tình hình (Công an tỉnh)",
                        "Xác minh, nắm tình hình (Ban Dân vận Tỉnh ủy)",
                        "Đề xuất phương án giải quyết",
                        "Lãnh đạo duyệt phương án",
                        "Tổ chức thực hiện, đối thoại",
                        "Ghi nhận kết quả giải quyết",
                        "Chuyển sang theo dõi",
                        "Kiểm tra tình hình định kỳ",
                        "Kết thúc: ổn định");
        assertThat(titles).anyMatch(t -> t.startsWith("Chia sẻ vụ việc với Ban Dân vận"));
        assertThat(titles.get(0)).isEqualTo("Kết thúc: ổn định");
        screenshot("05-case-closed");
        driver.get(url("/cases/" + code + "?lang=en"));
        assertThat(driver.findElement(By.id("fact-outcome")).getText()).isEqualTo("Stabilized");
        assertThat(driver.findElement(By.id("timeline")).getText())
                .contains("Stable, close as stabilized")
                .doesNotContain("Đã ổn định, kết thúc vụ việc");
        screenshot("06-case-closed-english");
        driver.get(url("/cases/" + code + "?lang=vi"));

        login("supervisor.congan");
        driver.get(url("/dashboard"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-summary")));
        assertThat(((JavascriptExecutor) driver)
                        .executeScript("return typeof Chart !== 'undefined' && typeof htmx !== 'undefined'"))
                .isEqualTo(true);
        assertThat(driver.findElement(By.id("count-onTrack")).getText()).matches("\\d+");
        screenshot("08-dashboard");
    }

    @Test
    void aSupervisorHandlesAnOverdueCaseFromTheDashboardAndTheLegalCapIsEnforced() throws Exception {
        ZoneId vn = ZoneId.of("Asia/Ho_Chi_Minh");
        clock.setTime(LocalDateTime.of(2027, 3, 4, 9, 0).atZone(vn).toInstant());
        Api api = new Api(restTemplate, "officer.congan");
        // complaint received Thursday 04/03/2027: acceptance target 09/03, statutory 14/03 (Sunday) -> 15/03
        String code = api.createCase(2, "COMPLAINT", "Khiếu nại chậm thụ lý xử lý từ bảng theo dõi");
        clock.setTime(LocalDateTime.of(2027, 3, 10, 9, 0).atZone(vn).toInstant());
        workflow.executeDueJobs();
        login("supervisor.congan");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bell-count")));
        driver.get(url("/dashboard"));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#escalation-queue tr[data-case='" + code + "']")));
        assertThat(row.getText()).contains("Thụ lý").contains("09/03/2027");
        screenshot("20-escalation-queue");
        click(row.findElement(By.cssSelector("a.act-EXTEND")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-EXTEND")));
        assertThat(driver.findElement(By.id("latest-allowed")).getText()).isEqualTo("15/03/2027");
        type("decisionNumber", "27/QĐ-CAT");
        setDate("decisionDate", "2027-03-10");
        setDate("newDeadline", "2027-03-20");
        type("note-EXTEND", "Chờ kết quả xác minh của cơ quan chuyên môn.");
        click(driver.findElement(By.id("submit-EXTEND")));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newDeadline-error")));
        assertThat(error.getText()).contains("không cho phép gia hạn").contains("15/03/2027");
        assertThat(driver.findElement(By.id("decisionNumber")).getAttribute("value"))
                .isEqualTo("27/QĐ-CAT");
        screenshot("21-extension-refused");
        setDate("newDeadline", "2027-03-12");
        click(driver.findElement(By.id("submit-EXTEND")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash-success")));
        assertThat(driver.getCurrentUrl()).endsWith("/dashboard");
        assertThat(driver.findElements(By.cssSelector("#escalation-queue tr[data-case='" + code + "']")))
                .isEmpty();
        screenshot("22-extended");
        driver.get(url("/cases/" + code));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        assertThat(driver.findElement(By.id("timeline")).getText())
                .contains("Quá hạn, chuyển lãnh đạo xử lý")
                .contains("27/QĐ-CAT");
        assertThat(restTemplate
                        .withBasicAuth("officer.congan", "demo")
                        .getForObject("/api/cases/" + code + "/deadlines", String.class))
                .contains("\"targetDue\":\"2027-03-12\"");
        // the bell lists the breach; opening it marks it read
        driver.get(url("/notifications"));
        WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notifications")));
        assertThat(table.getText()).contains(code);
    }

    @Autowired
    ProcessDesign design;

    @Test
    void aDesignersRefusedDeploymentShowsTheReportAndNothingRuns() throws Exception {
        login("designer");
        driver.get(url("/designer"));
        Path payload = Path.of("src/test/resources/security/bpmn/02-timer-start-comment.bpmn")
                .toAbsolutePath();
        driver.findElement(By.id("upload-file")).sendKeys(payload.toString());
        click(driver.findElement(By.id("upload-submit")));
        assertThat(accept()).contains("Triển khai tệp đã chọn");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deploy-refused")));
        String report = driver.findElement(By.id("problems")).getText();
        assertThat(report).contains("Timer_1").contains("chỉ được gọi các hàm trong danh sách cho phép");
        screenshot("designer-refused");
        assertThat(SecurityPayloads.canaryTouched()).isFalse();
    }

    @Test
    void aDesignerRenamesAStepAndAddsAFieldDeploysComparesAndMigratesAndOfficersSeeIt() throws Exception {
        try {
            designerChangesCaseHandling();
        } finally {
            // the other tests share this context: new cases run on the original definition again (a new version)
            design.deploy(Files.readAllBytes(Path.of("bpmn/case-handling.bpmn")));
        }
    }

    void designerChangesCaseHandling() throws Exception {
        Api officer = new Api(restTemplate, "officer.congan");
        String oldCase = officer.createCase(2, "PETITION", "Kiến nghị nhận trước khi quy trình được sửa");
        login("designer");
        driver.get(url("/designer"));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-case-handling"))));
        wait.until(d -> "true".equals(d.findElement(By.id("designer")).getAttribute("data-ready")));
        // a service task's delegate is chosen from the allowed list in the panel
        ((JavascriptExecutor) driver)
                .executeScript("const m = window.tandemModeler;"
                        + "m.get('selection').select(m.get('elementRegistry').get('Task_MarkAccepted'));");
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-group-id='group-tandem-delegate'] .bio-properties-panel-group-header"))));
        Select delegate = new Select(wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.id("bio-properties-panel-tandemDelegate"))));
        assertThat(delegate.getFirstSelectedOption().getText()).isEqualTo("caseLifecycleDelegate");
        assertThat(delegate.getOptions())
                .extracting(WebElement::getText)
                .contains("monitoringCounterDelegate")
                .doesNotContain("workflow");
        ((JavascriptExecutor) driver)
                .executeScript("const m = window.tandemModeler;"
                        + "m.get('selection').select(m.get('elementRegistry').get('Task_Accept'));");
        // a file from disk opens in the modeler (here: the process's own file)
        driver.findElement(By.id("open-file"))
                .sendKeys(Path.of("bpmn/case-handling.bpmn").toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBe(By.id("modeler-status"), "case-handling.bpmn"));
        ((JavascriptExecutor) driver)
                .executeScript("const m = window.tandemModeler;"
                        + "m.get('selection').select(m.get('elementRegistry').get('Task_Accept'));");
        // rename the step in the properties panel
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header"))));
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bio-properties-panel-name")));
        name.sendKeys(Keys.END, " (bản 2)");
        // add a form field in the properties panel
        WebElement add = driver.findElement(
                By.cssSelector("[data-group-id='group-CamundaPlatform__FormData'] .bio-properties-panel-add-entry"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", add);
        WebElement id = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("bio-properties-panel-Task_Accept-formField-6-formFieldID")));
        id.sendKeys(Keys.chord(Keys.CONTROL, "a"), "ghiChuTiepNhan");
        WebElement label = driver.findElement(By.id("bio-properties-panel-Task_Accept-formField-6-formFieldLabel"));
        label.sendKeys("Ghi chú tiếp nhận");
        label.sendKeys(Keys.TAB);
        Select type =
                new Select(driver.findElement(By.id("bio-properties-panel-Task_Accept-formField-6-formFieldType")));
        type.getOptions().stream()
                .filter(o -> "string".equalsIgnoreCase(o.getAttribute("value"))
                        || o.getText().equalsIgnoreCase("string"))
                .findFirst()
                .ifPresent(o -> type.selectByVisibleText(o.getText()));
        // the type as the modeler holds it (the panel's select may need a change event the driver does not send)
        ((JavascriptExecutor) driver)
                .executeScript(
                        "const m = window.tandemModeler;"
                                + "const el = m.get('elementRegistry').get('Task_Accept');"
                                + "const data = el.businessObject.extensionElements.values.find(v => v.$type === 'camunda:FormData');"
                                + "const field = data.fields[data.fields.length - 1];"
                                + "if (!field.type) { m.get('modeling').updateModdleProperties(el, field, { type: 'string' }); }");
        screenshot("30-modeler");
        click(driver.findElement(By.id("deploy")));
        assertThat(accept()).contains("Triển khai phiên bản mới");
        wait.until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("deploy-success")),
                ExpectedConditions.presenceOfElementLocated(By.id("deploy-refused"))));
        assertThat(driver.findElements(By.id("deploy-success")))
                .as(driver.findElement(By.tagName("main")).getText())
                .isNotEmpty();
        // the summary names the changed step
        assertThat(driver.findElement(By.cssSelector("#deploy-diff li[data-element-id='Task_Accept']"))
                        .getText())
                .contains("Thụ lý")
                .contains("Bước xử lý");
        screenshot("31-deployed");
        // the comparison highlights the changed step
        click(driver.findElement(By.id("open-compare")));
        wait.until(d -> "true".equals(d.findElement(By.id("compare-right")).getAttribute("data-ready")));
        assertThat(driver.findElement(By.cssSelector("#compare-right [data-element-id='Task_Accept']"))
                        .getAttribute("class"))
                .contains("diff-changed");
        screenshot("32-compare");
        driver.get(url("/designer"));
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-process='case-handling'] a.migrate-older"))));
        // the preview lists the running cases; the migration needs the confirmation
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("migration-cases")))
                        .getText())
                .contains(oldCase);
        screenshot("33-migration-preview");
        click(driver.findElement(By.id("apply-migration")));
        // without the tick nothing moves: the preview again, the reason beside the checkbox
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-error")))
                        .getText())
                .contains("xác nhận");
        click(driver.findElement(By.id("confirm-migration")));
        click(driver.findElement(By.id("apply-migration")));
        WebElement report = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("migration-report")));
        assertThat(report.getText()).startsWith("Đã chuyển");
        screenshot("33-migrated");
        // officers: a new case runs on the new version and shows the new field; the migrated case's task is still there
        String newCase = officer.createCase(2, "PETITION", "Kiến nghị nhận sau khi quy trình được sửa");
        login("officer.congan");
        openTask(newCase, "Task_Accept");
        assertThat(driver.findElement(By.id("task-form")).getText()).contains("Ghi chú tiếp nhận");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("(bản 2)");
        driver.get(url("/inbox?scope=all&q=" + oldCase));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("tr.inbox-row[data-task-key='Task_Accept']")))
                        .getText())
                .contains("(bản 2)");
    }

    @Test
    void aSupervisorSetsADenunciationToVeryComplexWithTheExtensionDecisionAndSeesTheNewDeadlines() throws Exception {
        ZoneId vn = ZoneId.of("Asia/Ho_Chi_Minh");
        clock.setTime(LocalDateTime.of(2029, 5, 7, 9, 0).atZone(vn).toInstant()); // a Monday
        Api api = new Api(restTemplate, "officer.congan");
        String code = api.createCase(2, "DENUNCIATION", "Tố cáo sai phạm trong quản lý đất công ở nhiều thôn");
        assertThat(api.complete(api.taskId(code, "Task_Accept"), Map.of("decision", "ACCEPT")))
                .isEqualTo(204);
        clock.setTime(LocalDateTime.of(2029, 5, 21, 9, 0).atZone(vn).toInstant());
        login("supervisor.congan");
        driver.get(url("/cases/" + code));
        WebElement resolve = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#deadline-table tr.deadline[data-step='RESOLVE']")));
        // 30 days (statutory 06/06/2029), the province's target 21 days (28/05/2029)
        assertThat(resolve.findElement(By.cssSelector(".deadline-due")).getText())
                .isEqualTo("28/05/2029");
        assertThat(resolve.findElement(By.cssSelector(".deadline-statutory")).getText())
                .isEqualTo("06/06/2029");
        assertThat(resolve.getText()).contains("Luật Tố cáo 2018, Điều 30", "Trong hạn");
        assertThat(driver.findElement(By.id("case-complexity")).getText()).isEqualTo("Bình thường");

        click(driver.findElement(By.cssSelector("#complexity-form-box summary")));
        new Select(driver.findElement(By.id("complexity-level"))).selectByValue("VERY_COMPLEX");
        type("complexity-reason", "Nhiều đối tượng, nhiều địa bàn, cần giám định hồ sơ đất");
        click(driver.findElement(By.id("complexity-submit")));
        // the decision number is missing: the form comes back open, the error beside it, what was typed kept
        WebElement error =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complexity-decisionNumber-error")));
        assertThat(error.getText()).isEqualTo("Trường này là bắt buộc.");
        assertThat(driver.findElement(By.id("complexity-reason")).getAttribute("value"))
                .isEqualTo("Nhiều đối tượng, nhiều địa bàn, cần giám định hồ sơ đất");
        screenshot("30-complexity-refused");
        type("complexity-decisionNumber", "112/QĐ-CAT");
        setDate("complexity-decisionDate", "2029-05-21");
        click(driver.findElement(By.id("complexity-submit")));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash-success")))
                        .getText())
                .contains("Đặc biệt phức tạp", "gia hạn");
        resolve = driver.findElement(By.cssSelector("#deadline-table tr.deadline[data-step='RESOLVE']"));
        // the very complex rule, extended once by this decision (Art. 30: twice by at most 30 days)
        assertThat(resolve.findElement(By.cssSelector(".deadline-due")).getText())
                .isEqualTo("27/06/2029");
        assertThat(resolve.findElement(By.cssSelector(".deadline-statutory")).getText())
                .isEqualTo("06/07/2029");
        assertThat(driver.findElement(By.id("case-complexity")).getText()).isEqualTo("Đặc biệt phức tạp");
        assertThat(driver.findElement(By.id("complexity-decisions")).getText()).contains("112/QĐ-CAT", "21/05/2029");
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("Xác định mức độ phức tạp");
        screenshot("31-complexity-decided");
    }

    @Test
    void anIncidentIsRecordedAnsweredFirstAssessedByBothAgenciesPlannedApprovedAndClosedStabilized() throws Exception {
        // a Dân vận officer records it; the police, who respond first to incidents, lead it
        login("officer.danvan");
        driver.get(url("/cases/new"));
        new Select(driver.findElement(By.id("type"))).selectByValue("INCIDENT");
        type("title", "Xô xát giữa hai nhóm tiểu thương tại chợ trung tâm");
        type("description", "Hai nhóm tiểu thương tranh chấp chỗ bán hàng, lời qua tiếng lại và xô đẩy.");
        setDate("occurredAt", "2025-01-02T07:45");
        new Select(driver.findElement(By.id("detectedBy"))).selectByValue("COMMUNE_UNIT");
        type("peopleInvolved", "12");
        type("harm", "Một người bị xây xát nhẹ");
        click(driver.findElement(By.id("intake-submit")));
        String code = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-code")))
                .getText();
        assertThat(driver.findElement(By.id("case-facts")).getText()).contains("Công an tỉnh");

        login("officer.congan");
        openTask(code, "Task_FirstResponse");
        assertThat(driver.findElement(By.cssSelector(".incident-summary")).getText())
                .contains("Một người bị xây xát nhẹ");
        type("situationOnArrival", "Hai nhóm khoảng 12 người đang xô đẩy, chưa dùng hung khí.");
        type("forcesDeployed", "Công an phường (5 đồng chí), Ban quản lý chợ");
        type("immediateMeasures", "Tách hai nhóm, tạm dừng bán hàng khu vực tranh chấp, mời đại diện làm việc.");
        choose("firstResponseResult-ASSESS");
        screenshot("40-incident-first-response");
        complete();
        openGroupTask(code, "Task_AssessIncident");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Đánh giá vụ việc (Công an tỉnh)");
        assertThat(driver.findElement(By.id("first-response")).getText()).contains("Công an phường (5 đồng chí)");
        type("findings", "Tranh chấp chỗ bán hàng kéo dài, có người quá khích.");
        choose("riskLevel-HIGH");
        complete();

        login("officer.danvan");
        openGroupTask(code, "Task_AssessIncident");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Đánh giá vụ việc (Ban Dân vận Tỉnh ủy)");
        type("findings", "Tiểu thương bức xúc vì việc phân lô chưa công khai.");
        choose("riskLevel-MEDIUM");
        type("recommendation", "Công khai sơ đồ phân lô, đối thoại với tiểu thương.");
        complete();

        login("officer.congan");
        openTask(code, "Task_ResponsePlan");
        assertThat(driver.findElement(By.cssSelector(".verifications h3")).getText())
                .isEqualTo("Đánh giá của các cơ quan");
        assertThat(driver.findElements(By.cssSelector(".verification")))
                .extracting(e -> e.getAttribute("data-agency"))
                .containsExactly("CONGAN", "DANVAN");
        type("plan", "Ổn định tình hình chợ, công khai phân lô và xử lý người quá khích.");
        click(driver.findElement(By.id("complete")));
        // a plan without any measure is refused on the form, nothing typed is lost
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-dialogue")));
        assertThat(driver.findElement(By.id("error-dialogue")).getText()).contains("ít nhất một biện pháp");
        assertThat(driver.findElement(By.id("plan")).getAttribute("value")).contains("công khai phân lô");
        type("dialogue", "Ban Dân vận phường chủ trì đối thoại với tiểu thương.");
        type("forcesPresence", "Công an phường tuần tra chợ trong 10 ngày.");
        screenshot("41-incident-response-plan");
        complete();

        login("supervisor.congan");
        openTask(code, "Task_ApprovePlan");
        assertThat(driver.findElement(By.id("task-form")).getText())
                .contains("Ban Dân vận phường chủ trì đối thoại", "tuần tra chợ trong 10 ngày");
        choose("approvalDecision-APPROVE");
        complete();

        login("officer.congan");
        openTask(code, "Task_Respond");
        assertThat(driver.findElement(By.cssSelector(".solution-plans")).getText())
                .contains("Đối thoại", "Ban Dân vận phường chủ trì đối thoại");
        type("actionsTaken", "Đã đối thoại, công khai sơ đồ phân lô; tổ tuần tra có mặt hằng ngày.");
        complete();
        openTask(code, "Task_RecordOutcome");
        choose("outcome-STABILIZED");
        type("outcomeSummary", "Chợ hoạt động bình thường, các bên chấp hành phân lô.");
        complete();

        driver.get(url("/cases/" + code));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram.diagram-ready")));
        assertThat(driver.findElement(By.id("fact-status")).getText()).isEqualTo("Đã kết thúc");
        assertThat(driver.findElement(By.id("fact-outcome")).getText()).isEqualTo("Ổn định");
        assertThat(driver.findElement(By.cssSelector("#first-response .first-response-forces"))
                        .getText())
                .isEqualTo("Công an phường (5 đồng chí), Ban quản lý chợ");
        assertThat(driver.findElement(By.cssSelector(".response-measures .measure-forces"))
                        .getText())
                .isEqualTo("Công an phường tuần tra chợ trong 10 ngày.");
        List<String> titles = driver.findElements(By.cssSelector("#timeline .timeline-title")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(titles)
                .contains(
                        "Xử lý ban đầu tại hiện trường",
                        "Đánh giá vụ việc (Công an tỉnh)",
                        "Đánh giá vụ việc (Ban Dân vận Tỉnh ủy)",
                        "Xây dựng phương án xử lý",
                        "Lãnh đạo duyệt phương án xử lý",
                        "Triển khai phương án xử lý",
                        "Ghi nhận kết quả xử lý",
                        "Kết thúc vụ việc");
        screenshot("42-incident-closed");
    }

    void setDate(String id, String iso) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, iso);
    }

    @Test
    void congAnAsksDanVanForInformationDanVanAnswersAndCongAnAcknowledges() throws Exception {
        login("officer.congan");
        driver.get(url("/cases/new"));
        new Select(driver.findElement(By.id("type"))).selectByValue("INCIDENT");
        type("title", "Nguy cơ tụ tập đông người tại khu tái định cư");
        type("description", "Người dân khu tái định cư có dấu hiệu tụ tập phản đối chậm bàn giao đất.");
        type("petitioners0.fullName", "Tổ trưởng tổ dân phố 5");
        // an incident's own facts appear for this type: when it happened and how it was detected
        assertThat(driver.findElement(By.id("incident-facts")).isDisplayed()).isTrue();
        setDate("occurredAt", "2025-01-02T08:30");
        new Select(driver.findElement(By.id("detectedBy"))).selectByValue("SIGNAL");
        type("forcesOnScene", "Công an phường (4 đồng chí)");
        click(driver.findElement(By.id("intake-submit")));
        String code = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-code")))
                .getText();
        new Select(driver.findElement(By.id("toAgency"))).selectByValue("DANVAN");
        type("question", "Đề nghị Ban Dân vận cho biết tâm tư, nguyện vọng của các hộ tái định cư.");
        click(driver.findElement(By.id("exchange-send")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash-success")));
        assertThat(driver.findElement(By.cssSelector("#exchange-panel .exchange-status"))
                        .getText())
                .isEqualTo("Chờ trả lời");

        login("officer.danvan");
        openTask(code, "Task_AnswerRequest");
        assertThat(driver.findElement(By.id("ro-question")).getText()).contains("tâm tư, nguyện vọng");
        type("answer", "Các hộ mong được bàn giao đất trước Tết và được hỗ trợ chi phí thuê nhà.");
        complete();
        driver.get(url("/cases/" + code));
        assertThat(driver.findElement(By.cssSelector("#exchange-panel .exchange-answer"))
                        .getText())
                .contains("bàn giao đất trước Tết");
        screenshot("07-exchange-danvan");

        login("officer.congan");
        openTask(code, "Task_AcknowledgeAnswer");
        choose("ackDecision-ACKNOWLEDGE");
        complete();
        for (String user : new String[] {"officer.congan", "officer.danvan"}) {
            login(user);
            driver.get(url("/cases/" + code));
            List<String> titles = driver.findElements(By.cssSelector("#timeline .timeline-title")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(titles)
                    .as(user)
                    .contains(
                            "Đề nghị cung cấp thông tin",
                            "Trả lời đề nghị cung cấp thông tin",
                            "Xác nhận đã nhận thông tin");
            assertThat(titles)
                    .as(user)
                    .filteredOn("Trả lời đề nghị cung cấp thông tin"::equals)
                    .hasSize(1);
            assertThat(driver.findElement(By.cssSelector("#exchange-panel .exchange-status"))
                            .getText())
                    .isEqualTo("Đã xác nhận");
        }
    }

    /** Submitting the acceptance form empty shows the field error in Vietnamese and keeps the task open. */
    void complete0WithErrors() {
        click(driver.findElement(By.id("complete")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-decision")));
        assertThat(driver.findElement(By.id("error-decision")).getText()).isEqualTo("Trường này là bắt buộc.");
    }
}
