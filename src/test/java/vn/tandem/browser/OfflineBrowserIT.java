package vn.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.support.Api;
import vn.tandem.support.Browser;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A commune officer opens the app, goes offline, reloads, files a report with two signals, comes back online, and
 * the report arrives exactly once; the province's officer of the other agency sees the signals and promotes one.
 */
@Tag("browser")
@TandemIntegrationTest
class OfflineBrowserIT {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = new Browser(port);
        }
        browser.size(390, 844);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.online(true);
            browser.close();
            browser = null;
        }
    }

    void select(String id, String value) {
        new Select(browser.find(id)).selectByValue(value);
    }

    int reportsWithSignal(String place) {
        return jdbc.queryForObject(
                "select count(distinct report_id) from signal where place = ?", Integer.class, place);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReportWrittenOfflineArrivesOnceWhenTheConnectionReturnsAndReachesTheOtherAgency() throws Exception {
        // the manifest is public: the app installs from the sign-in page
        assertThat(rest.getForEntity("/manifest.webmanifest", String.class).getBody())
                .contains("\"start_url\"");
        assertThat(rest.getForEntity("/sw.js", String.class).getStatusCode().value())
                .isEqualTo(200);

        browser.login("officer.danvan.minhxuan");
        browser.get("/situation/reports/new");
        browser.find("report-form");
        // the service worker controls the page and keeps the form for offline use
        browser.wait.until(d -> Boolean.TRUE.equals(browser.js("return !!navigator.serviceWorker.controller")));
        browser.get("/situation/reports/new");
        browser.wait.until(d -> Boolean.TRUE.equals(
                browser.js("caches.match('/situation/reports/new', {ignoreVary: true, ignoreSearch: true})"
                        + ".then(r => window.__kept = !!r); return window.__kept === true")));

        browser.online(false);
        browser.driver.navigate().refresh();
        browser.find("report-form");
        assertThat(browser.js("return navigator.onLine")).isEqualTo(false);
        browser.click("assessment2"); // WATCH
        select("signals0.category", "LAND");
        select("signals0.risk", "HIGH");
        browser.type("signals0.place", "Tổ 12, phường Minh Xuân (ngoại tuyến)");
        browser.type("signals0.description", "Hai hộ chuẩn bị dựng tường trên lối đi chung, lời qua tiếng lại.");
        browser.click("add-signal");
        select("signals1.category", "CROWD");
        select("signals1.risk", "MEDIUM");
        browser.type("signals1.place", "Nhà văn hóa tổ 12");
        browser.type("signals1.peopleInvolved", "15");
        browser.type("signals1.description", "Khoảng 15 người hẹn họp bàn việc phản đối đo đạc.");
        browser.click("report-submit");
        // kept on the device, shown in the queue, nothing sent yet
        browser.wait.until(d -> browser.find("outbox").isDisplayed());
        assertThat(browser.find("outbox").getText()).contains("Báo cáo tình hình (2)");
        assertThat(reportsWithSignal("Tổ 12, phường Minh Xuân (ngoại tuyến)")).isZero();
        browser.screenshot("60-offline-queue");

        browser.online(true);
        browser.js("window.dispatchEvent(new Event('online'))");
        browser.wait.until(d -> reportsWithSignal("Tổ 12, phường Minh Xuân (ngoại tuyến)") == 1);
        browser.wait.until(d -> !browser.find("outbox").isDisplayed());
        // sent once: another try (a reload, the online event again) files nothing more
        browser.js("window.dispatchEvent(new Event('online'))");
        browser.driver.navigate().refresh();
        browser.find("report-form");
        assertThat(reportsWithSignal("Tổ 12, phường Minh Xuân (ngoại tuyến)")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from signal where report_id = (select report_id from signal where place = ?)",
                        Integer.class,
                        "Tổ 12, phường Minh Xuân (ngoại tuyến)"))
                .isEqualTo(2);

        // the province's police see both signals and promote the land dispute to an incident
        Api police = new Api(rest, "officer.congan");
        Number id = jdbc.queryForObject(
                "select id from signal where place = ?", Long.class, "Tổ 12, phường Minh Xuân (ngoại tuyến)");
        assertThat(police.get("/api/signals/" + id).getStatusCode().value()).isEqualTo(200);
        var promoted = police.post("/api/signals/" + id + "/promote", Map.of("as", "INCIDENT"));
        assertThat(promoted.getStatusCode().value()).isEqualTo(201);

        // signing out clears the cached pages of this user
        browser.js("document.getElementById('logout').form.requestSubmit()");
        browser.find("login-submit");
        browser.wait.until(d -> Boolean.TRUE.equals(
                browser.js("caches.keys().then(k => window.__left = k.filter(n => n === 'tandem-pages').length);"
                        + " return window.__left === 0")));
    }
}
