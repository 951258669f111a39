package vn.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tandem.process.CaseHandling;
import vn.tandem.support.Api;
import vn.tandem.support.Browser;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A new user's walk in Chromium, on a desktop and on a 390×844 phone: errors beside the field with the input kept,
 * nothing lost to an ended session or a closed tab, one case per submitted form, names instead of codes in both
 * languages, styled refusals, and no page wider than a phone.
 */
@Tag("browser")
@TandemIntegrationTest
class UsabilityBrowserIT {

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
        browser.size(1366, 900);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    String newCase(String title) {
        return new Api(rest, "officer.congan").createCase(2, "COMPLAINT", title);
    }

    @Test
    void aSideFormShowsItsErrorBesideTheFieldAndKeepsWhatWasTyped() throws Exception {
        String code = newCase("Khiếu nại về tiếng ồn xưởng gỗ");
        browser.login("officer.congan");
        browser.get("/cases/" + code);
        new Select(browser.find("urgency")).selectByValue("URGENT");
        browser.type("question", "Ai?");
        browser.click("exchange-send");
        WebElement errors = browser.find("exchange-form-errors");
        assertThat(errors.findElement(By.cssSelector("[data-field='question']")).getText())
                .isEqualTo("Cần ít nhất 5 ký tự.");
        assertThat(browser.find("question").getAttribute("value")).isEqualTo("Ai?");
        assertThat(browser.find("question").getAttribute("class")).contains("is-invalid");
        assertThat(new Select(browser.find("urgency")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("URGENT");
        // the reason is where the eye is: under the form, not in a banner at the top of the page
        assertThat(browser.driver.findElements(By.id("flash-error"))).isEmpty();
        assertThat(browser.driver.getCurrentUrl()).endsWith("#exchange-form");
        browser.screenshot("11-side-form-error");

        browser.type("comment-body", " ");
        browser.click("comment-add");
        assertThat(browser.find("comment-form-errors").getText()).isEqualTo("Trường này là bắt buộc.");
        // the other form's input is untouched
        assertThat(browser.find("question").getAttribute("value")).isEmpty();
    }

    @Test
    void aFormSentAfterTheSessionEndedComesBackAfterSigningIn() throws Exception {
        String code = newCase("Khiếu nại về lối đi chung");
        Api officer = new Api(rest, "officer.congan");
        String taskId = officer.taskId(code, CaseHandling.TASK_ACCEPT);
        browser.login("officer.congan");
        browser.get("/tasks/" + taskId);
        browser.click(browser.find("decision-REFUSE"));
        String reason = "Nội dung đã được Tòa án nhân dân huyện thụ lý, không thuộc thẩm quyền giải quyết.";
        browser.type("reason", reason);
        browser.driver.manage().deleteCookieNamed("SESSION");
        browser.click("complete");
        browser.find("login-kept");
        browser.signIn("officer.congan");
        browser.wait.until(ExpectedConditions.urlContains("/tasks/" + taskId));
        assertThat(browser.find("flash-info").getText()).contains("trước khi phiên làm việc hết hạn");
        assertThat(browser.find("reason").getAttribute("value")).isEqualTo(reason);
        assertThat(browser.find("decision-REFUSE").isSelected()).isTrue();
        // nothing was submitted on the user's behalf
        assertThat(officer.taskId(code, CaseHandling.TASK_ACCEPT)).isEqualTo(taskId);
        browser.screenshot("12-kept-after-login");
    }

    @Test
    void aDraftIsSavedWhileTypingAndComesBackOnAnotherDevice() throws Exception {
        String code = newCase("Khiếu nại về thu hồi đất làm đường");
        String taskId = new Api(rest, "officer.congan").taskId(code, CaseHandling.TASK_ACCEPT);
        browser.login("officer.congan");
        browser.get("/tasks/" + taskId);
        browser.click(browser.find("decision-TRANSFER"));
        browser.type("competentBody", "Ủy ban nhân dân huyện Yên Sơn");
        // saved within the autosave interval (10 s), without leaving the page
        browser.wait.until(ExpectedConditions.textMatches(
                By.id("draft-status"), java.util.regex.Pattern.compile("\\d\\d:\\d\\d")));

        // another device: no cookie, no local copy
        browser.js("localStorage.clear()");
        browser.login("officer.congan");
        browser.get("/tasks/" + taskId);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-restored")));
        assertThat(browser.find("competentBody").getAttribute("value")).isEqualTo("Ủy ban nhân dân huyện Yên Sơn");
        assertThat(browser.find("decision-TRANSFER").isSelected()).isTrue();
        browser.screenshot("13-draft-restored");
        // a draft is not another person's: the partner agency sees none
        assertThat(new Api(rest, "supervisor.congan")
                        .get("/api/tasks/" + taskId + "/draft")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void aCreatingFormSentTwiceMakesOneCase() throws Exception {
        browser.login("officer.congan");
        browser.get("/cases/new");
        String title = "Phản ánh về xả thải của trại chăn nuôi thôn 7";
        fillIntake(title);
        String token = browser.find("intake-form").findElement(By.name("_once")).getAttribute("value");
        browser.click("intake-submit");
        String code = browser.find("case-code").getText();

        // Back and submit again (the browser shows the page as it was, with its token)
        browser.driver.navigate().back();
        browser.find("intake-form");
        fillIntake(title);
        browser.js("document.querySelector('#intake-form [name=_once]').value = arguments[0]", token);
        browser.click("intake-submit");
        assertThat(browser.find("case-code").getText()).isEqualTo(code);
        assertThat(browser.find("flash-info").getText()).contains("đã được gửi trước đó");
        assertThat(casesTitled(title)).isEqualTo(1);
    }

    private void fillIntake(String title) {
        new Select(browser.find("type")).selectByValue("PETITION");
        new Select(browser.find("unitId")).selectByVisibleText("Công an xã Yên Sơn");
        browser.type("title", title);
        browser.type("description", "Nước thải chảy ra mương tưới tiêu của thôn, người dân bức xúc.");
        browser.type("petitioners0.fullName", "Trần Văn Sáu");
    }

    @SuppressWarnings("unchecked")
    private int casesTitled(String title) {
        var page = new Api(rest, "officer.congan").get("/api/cases?size=100");
        return (int) ((List<Map<String, Object>>) page.getBody().get("items"))
                .stream().filter(c -> title.equals(c.get("title"))).count();
    }

    @Test
    void peopleReadNamesNotCodesInBothLanguages() throws Exception {
        String code = newCase("Khiếu nại về đền bù giải phóng mặt bằng");
        Api officer = new Api(rest, "officer.congan");
        officer.complete(officer.taskId(code, CaseHandling.TASK_ACCEPT), Map.of("decision", "ACCEPT"));
        browser.login("officer.congan");
        for (String lang : List.of("vi", "en")) {
            browser.get("/inbox?scope=group&q=" + code + "&lang=" + lang);
            browser.find("inbox-table");
            assertThat(browser.text())
                    .contains(
                            lang.equals("en")
                                    ? "Verify and assess the situation (Provincial Police)"
                                    : "Xác minh, nắm tình hình (Công an tỉnh)");
            for (String page : List.of("/inbox?scope=all", "/cases", "/cases/" + code)) {
                browser.get(page);
                String text = browser.text();
                assertThat(text).doesNotContain("CONGAN", "DANVAN", "congan-officer", "danvan-officer", "Task_");
            }
            browser.get("/tasks/" + officer.taskId(code, CaseHandling.TASK_VERIFY, "congan-officer"));
            assertThat(browser.text()).doesNotContain("CONGAN", "congan-officer", "Task_");
            browser.screenshot("14-task-" + lang);
        }
        browser.get("/cases/" + code + "?lang=en");
        browser.wait.until(
                ExpectedConditions.textMatches(By.id("diagram-version"), java.util.regex.Pattern.compile("Now at")));
        assertThat(browser.find("diagram-version").getText()).contains("Verify and assess the situation");
        browser.get("/inbox?lang=vi");
    }

    @Test
    void aForbiddenPageAnswersTheStyledPageAndTheLanguageSwitchKeepsThePage() {
        browser.login("officer.congan");
        browser.get("/dashboard");
        assertThat(browser.find("error-heading").getText()).isEqualTo("Không có quyền truy cập");
        assertThat(browser.find("error-home").isDisplayed()).isTrue();
        browser.get("/cases?status=IN_PROGRESS&q=dat");
        browser.click("lang-switch");
        browser.wait.until(ExpectedConditions.urlContains("lang=en"));
        assertThat(browser.driver.getCurrentUrl()).contains("/cases?status=IN_PROGRESS&q=dat");
        browser.get("/no-such-page");
        assertThat(browser.find("error-heading").getText()).isEqualTo("Page not found");
        // every page has a meaningful title and an icon
        String code = newCase("Phản ánh về chiếu sáng đường làng");
        browser.get("/cases/" + code);
        assertThat(browser.driver.getTitle()).isEqualTo(code + " · Phản ánh về chiếu sáng đường làng — Tandem");
        String icon = (String) browser.js("return document.querySelector('link[rel=icon]').href");
        assertThat(rest.getForEntity(icon, byte[].class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(rest.getForEntity("/favicon.ico", byte[].class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        browser.get("/inbox?lang=vi");
    }

    /** The elements reaching past the viewport's right edge, for the failure message. */
    static final String WIDEST = "const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) {"
            + " const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }"
            + " return false; };"
            + "return Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))"
            + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
            + ".join(' | ')";

    @Test
    void everyPageFitsAPhoneWithoutScrollingSideways() throws Exception {
        String code = newCase("Phản ánh về an toàn giao thông trước cổng trường");
        String taskId = new Api(rest, "officer.congan").taskId(code, CaseHandling.TASK_ACCEPT);
        browser.size(390, 844);
        browser.login("admin");
        for (String page : List.of(
                "/inbox",
                "/cases",
                "/cases/" + code,
                "/tasks/" + taskId,
                "/cases/new",
                "/dashboard",
                "/notifications",
                "/profile",
                "/admin/users",
                "/admin/rules",
                "/admin/calendar",
                "/admin/deployments",
                "/audit",
                "/designer",
                "/situation",
                "/situation/signals",
                "/situation/schedule",
                "/outlook",
                "/admin/outlook",
                "/program",
                "/program/new?kind=MODEL",
                "/receptions",
                "/receptions/new",
                "/dialogues/new",
                "/exchanges",
                "/transfers")) {
            browser.get(page);
            browser.find("nav-toggle");
            assertThat(browser.driver.findElements(By.id("error-heading")))
                    .as(page + " renders itself, not the error page")
                    .isEmpty();
            long scroll = (Long) browser.js("return document.documentElement.scrollWidth");
            long viewport = (Long) browser.js("return window.innerWidth");
            assertThat(scroll)
                    .as(page + " is no wider than the phone; too wide: " + browser.js(WIDEST))
                    .isLessThanOrEqualTo(viewport);
        }
        browser.get("/inbox");
        assertThat(browser.find("nav-main").isDisplayed()).isFalse();
        browser.click("nav-toggle");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-cases")));
        browser.screenshot("15-phone-menu");
        browser.get("/cases");
        browser.screenshot("16-phone-cases");
    }

    /** One element of each kind (and event kind) on the canvas: selected, every group and list item opened. */
    static final String OPEN_EVERY_KIND = "const m = window.tandemModeler; const seen = new Set();"
            + "const kind = e => e.type + ':' + ((e.businessObject.eventDefinitions || []).map(d => d.$type).join(','))"
            + " + (e.businessObject.loopCharacteristics ? ':mi' : '') + (e.businessObject.triggeredByEvent ? ':event' : '');"
            + "const all = m.get('elementRegistry').filter(e => e.type !== 'label' && !seen.has(kind(e)) && seen.add(kind(e)));"
            + "for (const e of all) { m.get('selection').select(e);"
            + " for (let round = 0; round < 3; round++) document.querySelectorAll("
            + "'#designer-panel .bio-properties-panel-group-header:not(.open), #designer-panel .bio-properties-panel-collapsible-entry-header:not(.open)')"
            + ".forEach(h => h.click()); }"
            + "return all.length;";

    @Test
    void theModelersPropertiesPanelSpeaksVietnamese() throws Exception {
        browser.login("designer");
        for (String process : List.of("case-handling", "incident-handling", "sla-escalation", "information-request")) {
            browser.get("/designer/" + process);
            browser.wait.until(
                    d -> browser.js("return !!(window.tandemModeler && document.querySelector('.djs-element'))"));
            long kinds = (Long) browser.js(OPEN_EVERY_KIND);
            assertThat(kinds).isGreaterThan(5);
        }
        // the English name is edited in the panel's own group
        browser.get("/designer/case-handling");
        browser.wait.until(
                d -> browser.js("return !!(window.tandemModeler && document.querySelector('.djs-element'))"));
        browser.js(
                "const m = window.tandemModeler; m.get('selection').select(m.get('elementRegistry').get('Task_Accept'));");
        WebElement english = browser.find("bio-properties-panel-tandemNameEn");
        assertThat(english.getAttribute("value")).isEqualTo("Accept: check competence and duplicates");
        assertThat(browser.text()).contains("Tên tiếng Anh");
        browser.screenshot("17-panel-vi");
        assertThat((List<?>) browser.js("return Array.from(window.TandemModeler.untranslated).sort()"))
                .as("words of the properties panel without a Vietnamese translation")
                .isEmpty();
    }

    @Test
    void noPageHasASeriousOrCriticalAccessibilityViolation() throws Exception {
        String code = newCase("Khiếu nại về cấp giấy chứng nhận quyền sử dụng đất");
        Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        browser.driver.manage().deleteAllCookies();
        browser.get("/login");
        found.put("/login", browser.accessibilityViolations());
        Map<String, List<String>> pages = Map.of(
                "officer.congan",
                List.of(
                        "/inbox",
                        "/cases",
                        "/cases/" + code,
                        "/cases/new",
                        "/situation",
                        "/situation/signals",
                        "/situation/reports/new",
                        "/exchanges",
                        "/transfers"),
                "supervisor.congan",
                List.of(
                        "/dashboard",
                        "/outlook",
                        "/program",
                        "/program/new?kind=DRIVE",
                        "/receptions",
                        "/dialogues/new",
                        "/reports/summary"),
                "designer",
                List.of("/designer", "/designer/case-handling"),
                "admin",
                List.of(
                        "/audit",
                        "/admin/rules",
                        "/situation/schedule",
                        "/admin/outlook",
                        "/admin/open311",
                        "/admin/operations",
                        "/public/status"));
        for (var user : pages.entrySet()) {
            browser.login(user.getKey());
            for (String page : user.getValue()) {
                browser.get(page);
                if (page.startsWith("/designer/")) {
                    browser.wait.until(d -> browser.js("return !!document.querySelector('.djs-element')"));
                }
                assertThat(browser.driver.findElements(By.id("error-heading")))
                        .as(page + " as " + user.getKey() + " renders itself, not the error page")
                        .isEmpty();
                found.put(page, browser.accessibilityViolations());
            }
        }
        found.values().removeIf(List::isEmpty);
        assertThat(found)
                .as("serious or critical WCAG 2 A/AA violations by page")
                .isEmpty();
    }
}
