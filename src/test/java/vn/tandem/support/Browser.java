package vn.tandem.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium (Debian's) driving the application at a port, with the few moves every browser test needs. */
public final class Browser implements AutoCloseable {

    public final WebDriver driver;
    public final WebDriverWait wait;
    private final int port;

    public Browser(int port) {
        this.port = port;
        driver = chromium("1366,900");
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Debian's headless Chromium with the flags every browser test uses, at a window size like {@code 1366,900}. */
    public static WebDriver chromium(String windowSize) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + windowSize,
                "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Files the page downloads are saved in {@code dir} (Chromium's download behaviour, set over CDP). */
    public void downloadTo(java.nio.file.Path dir) {
        var chromium = (org.openqa.selenium.chromium.ChromiumDriver) driver;
        chromium.executeCdpCommand(
                "Browser.setDownloadBehavior",
                java.util.Map.of(
                        "behavior",
                        "allow",
                        "downloadPath",
                        dir.toAbsolutePath().toString()));
    }

    /** Chromium's network emulation: the page (and what it fetches) is offline until {@code online(true)}. */
    public void online(boolean online) {
        var chromium = (org.openqa.selenium.chromium.ChromiumDriver) driver;
        chromium.executeCdpCommand("Network.enable", java.util.Map.of());
        chromium.executeCdpCommand(
                "Network.emulateNetworkConditions",
                java.util.Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public void get(String path) {
        driver.get(url(path));
    }

    public void login(String user) {
        // leave the previous page first: its last background calls (a draft saved on leaving) run before the
        // cookies go, as they would for a person signing in again in the same tab
        driver.get("about:blank");
        // cookies are deleted for the page's own site: on about:blank nothing would go
        get("/login");
        driver.manage().deleteAllCookies();
        get("/login");
        signIn(user);
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-table")));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot("login-failed-" + user);
            } catch (Exception ignored) {
                // the message below says enough
            }
            throw new IllegalStateException(
                    "Not signed in as " + user + " at " + driver.getCurrentUrl() + ": " + text(), e);
        }
    }

    /** Fills the sign-in form of the page shown now. */
    public void signIn(String user) {
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        click(driver.findElement(By.id("login-submit")));
    }

    public WebElement find(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    public void click(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    public void click(String id) {
        click(find(id));
    }

    /**
     * Clicks what submits a form and waits until the browser has left the page: the page answered may carry the
     * same ids (a refused form shown again), so finding them at once could reach the old page's elements.
     */
    public void submit(String id) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(id);
        wait.until(ExpectedConditions.stalenessOf(page));
    }

    public void type(String id, String text) {
        WebElement element = find(id);
        element.clear();
        element.sendKeys(text);
    }

    /** Accepts the confirmation the page asks (window.confirm) and returns its question. */
    public String accept() {
        var alert = wait.until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        alert.accept();
        return question;
    }

    /** Declines the confirmation the page asks and returns its question. */
    public String dismiss() {
        var alert = wait.until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        alert.dismiss();
        return question;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The serious and critical WCAG 2 A/AA violations axe-core finds on the page shown now (axe-core from npm, as
     * the build installed it), one line each with up to three of the elements at fault.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() throws Exception {
        if (!Boolean.TRUE.equals(js("return typeof window.axe !== 'undefined'"))) {
            js(Files.readString(Path.of("src/main/frontend/node_modules/axe-core/axe.min.js")));
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return (List<String>) ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']},"
                        + " resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3)"
                        + ".map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))"
                        + ".join(' ; '))))"
                        + ".catch(e => done(['axe failed: ' + e]));");
    }

    public void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
