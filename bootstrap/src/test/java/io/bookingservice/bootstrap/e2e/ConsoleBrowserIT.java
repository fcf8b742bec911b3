package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The web console in a real browser (Debian's headless Chromium, driven by Selenium) against the
 * real jar with its embedded PostgreSQL: what a requester and the speaker's office do with it.
 * Every screen is saved as a PNG under {@code target/console-screenshots/}.
 *
 * <p>Nothing is downloaded: the browser and driver are Debian's {@code chromium} and
 * {@code chromium-driver}. Without them the tests are skipped, with the install command, except
 * under {@code CI=true}, where a missing browser fails the build.
 */
class ConsoleBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL = "apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver";
    private static final Pattern LISTENING = Pattern.compile("listening on http:\\S*?localhost:(\\d+)");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String ADMIN_PASSWORD = "Admin-Pass-2024!";
    private static final String RITA_PASSWORD = "Rita-Pass-2024!";
    /** The browser's zone: 10:30 there on 2 June 2031 (EDT, UTC-4) is 14:30 UTC. */
    private static final String BROWSER_ZONE = "America/New_York";

    private static Path dataDirectory;
    private static Process service;
    private static int port;
    private static Http http;
    private static String adminToken;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private String testName;
    private int shot;

    @BeforeAll
    static void startTheServiceAsAnOperatorWould() throws Exception {
        requireBrowser(System.getenv("CI"), CHROMIUM, CHROMEDRIVER);
        dataDirectory = Files.createTempDirectory("console-it");
        // The test key pair of the legacy fixtures, so that the test can hand the browser tokens of its own.
        Path keys = Files.createDirectories(dataDirectory.resolve("keys"));
        Files.writeString(keys.resolve("private_key_local"), resource("/legacy-jwt/private_key_test"));
        Files.writeString(keys.resolve("public_key_local"), resource("/legacy-jwt/public_key_test"));
        Path jar = Path.of("target", "booking.jar").toAbsolutePath();
        assertThat(jar).as("built by the package phase").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("BOOKING_") || name.equals("ENV")
                || name.equals("PORT") || name.startsWith("DATABASE_URL") || name.equals("LOG_FORMAT"));
        builder.environment().putAll(Map.of("PORT", "0", "BOOKING_DATA_DIR", dataDirectory.toString(),
                "BOOKING_ADMIN_PASSWORD", ADMIN_PASSWORD));
        builder.directory(dataDirectory.toFile());
        builder.redirectErrorStream(true);
        service = builder.start();
        port = awaitPort(service);
        http = new Http(port);
        adminToken = http.token("admin", ADMIN_PASSWORD);
        created(http.send("POST", "/users", adminToken,
                "{\"username\": \"rita\", \"password\": \"" + RITA_PASSWORD + "\", \"role\": \"requester\"}"));
    }

    /** Fails under CI, skips elsewhere (never passes) when Debian's browser or driver is missing. */
    static void requireBrowser(String ci, Path chromium, Path chromedriver) {
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        if (present) {
            return;
        }
        String missing = "the browser tests need " + chromium + " and " + chromedriver + "; install them with: " + INSTALL;
        if ("true".equalsIgnoreCase(ci)) {
            throw new AssertionError("CI=true and " + missing);
        }
        Assumptions.abort(missing);
    }

    @AfterAll
    static void stopTheService() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    @BeforeEach
    void openTheBrowser(TestInfo test) throws IOException {
        testName = test.getTestMethod().orElseThrow().getName();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("console-chromium"), "--lang=en-US",
                "--window-size=1200,900");
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", BROWSER_ZONE))
                .build();
        browser = new ChromeDriver(driverService, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRequestFromSubmissionThroughTheQueueToTheRequestersDecision() throws Exception {
        // An accepted booking 10:00-11:00 UTC, and another pending request that does not clash.
        long accepted = submit(adminToken, "2031-06-02T14:00:00Z", 60, "Keynote", "Berlin", "DE");
        ok(http.send("POST", "/booking/" + accepted + "/accept", adminToken, ""));
        long other = submit(adminToken, "2031-06-02T18:00:00Z", 30, "Lightning talk", "Paris", "France");

        signIn("rita", RITA_PASSWORD);
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-form")));
        screenshot("submission-form");
        type("submit-event-time", "2031-06-02T10:30");
        type("submit-duration", "45");
        type("submit-topic", "Forecasting");
        type("submit-requested-by", "rita@example.org");
        type("submit-street", "221B Baker Street");
        type("submit-city", "London");
        type("submit-country", "Atlantis");
        form.findElement(By.id("submit-button")).click();
        WebElement countryError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-country-error")));
        assertThat(countryError.getText()).isEqualTo("'Atlantis' cannot be matched to any country");
        assertThat(browser.findElement(By.id("submit-country")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("submit-topic")).getAttribute("aria-invalid")).isNull();
        screenshot("submission-refused-field");

        browser.findElement(By.id("submit-country")).clear();
        type("submit-country", "Great Britain");
        browser.findElement(By.id("submit-button")).click();
        WebElement mine = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#my-bookings li")));
        assertThat(mine.getText()).contains("Forecasting", "pending", "London, United Kingdom", "Not yet");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("was submitted and is pending");
        screenshot("my-bookings-pending");

        JsonNode ritas = Http.json(ok(http.get("/booking?status=pending", http.token("rita", RITA_PASSWORD))));
        assertThat(ritas.get("bookings")).as("one booking: the refused attempt made none").hasSize(1);
        JsonNode request = ritas.get("bookings").get(0);
        long requestId = request.get("id").longValue();
        assertThat(request.get("event_time").asString()).as("10:30 in New York, sent as UTC").isEqualTo("2031-06-02T14:30:00Z");
        assertThat(request.get("submitted_by").asString()).isEqualTo("rita");
        signOut();

        signIn("admin", ADMIN_PASSWORD);
        WebElement flagged = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#queue li[data-id='" + requestId + "'] .flag")));
        assertThat(flagged.getText()).contains("Overlaps accepted", "#" + accepted, "Keynote");
        assertThat(queueItem(other).findElements(By.cssSelector(".flag"))).as("no clash, no flag").isEmpty();
        List<String> order = browser.findElements(By.cssSelector("#queue li")).stream()
                .map(li -> li.getAttribute("data-id")).toList();
        assertThat(order).as("soonest first").containsExactly(String.valueOf(requestId), String.valueOf(other));
        screenshot("queue");

        button(queueItem(other), "Accept").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "was accepted"));
        button(queueItem(requestId), "Accept").click();
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#queue li[data-id='" + requestId + "'] .alert")));
        assertThat(refusal.getText()).isEqualTo("Cannot accept: Booking request with ID " + requestId
                + " overlaps accepted booking request with ID " + accepted + ".");
        screenshot("queue-conflict-explained");
        button(queueItem(requestId), "Reject").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-empty")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("#" + requestId, "was rejected");
        screenshot("queue-empty");

        browser.get(base() + "/#/week/2031-06-02");
        WebElement week = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#week .slot")));
        assertThat(browser.findElement(By.id("week")).getText()).contains("Keynote", "Lightning talk")
                .doesNotContain("Forecasting");
        assertThat(week.getText()).contains("10:00 AM–11:00 AM");
        screenshot("week");

        browser.get(base() + "/#/users");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-username='rita']")));
        type("user-username", "sam");
        type("user-password", "Sam-Pass-2024!");
        browser.findElement(By.cssSelector("#user-create button[type=submit]")).click();
        WebElement sam = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-username='sam']")));
        assertThat(sam.getText()).contains("requester", "active");
        button(sam, "Disable").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-username='sam']"), "disabled"));
        assertThat(http.tokenOrNull("sam", "Sam-Pass-2024!")).as("a disabled account gets no token").isNull();
        button(browser.findElement(By.cssSelector("tr[data-username='sam']")), "Enable").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-username='sam']"), "active"));
        button(browser.findElement(By.cssSelector("tr[data-username='sam']")), "Reset password").click();
        type("reset-sam", "Sam-New-Pass-2024!");
        browser.findElement(By.cssSelector("tr[data-username='sam'] form.reset button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "password of sam was reset"));
        assertThat(http.token("sam", "Sam-New-Pass-2024!")).isNotBlank();
        screenshot("users");
        signOut();

        signIn("rita", RITA_PASSWORD);
        browser.get(base() + "/#/mine");
        WebElement decided = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#my-bookings li[data-id='" + requestId + "'] .decided")));
        assertThat(decided.getText()).startsWith("rejected by admin on ");
        assertThat(browser.findElement(By.cssSelector("#my-bookings li[data-id='" + requestId + "']")).getText())
                .contains("rejected").doesNotContain("Cancel request");
        screenshot("my-bookings-decided");
    }

    @Test
    void anExpiredSessionReturnsToSignInAndKeepsWhatWasTyped() throws Exception {
        signIn("rita", RITA_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-form")));
        type("submit-topic", "Half-typed topic");
        type("submit-city", "Lisbon");
        // A token signed with the service's key whose exp has passed, as if the tab sat idle for an
        // hour, and no session left to refresh it from.
        String expired = resource("/legacy-jwt/requester-token-expired.jwt").strip();
        assertThat(http.get("/users/me", expired).body()).contains("Token has expired");
        // The admin ends every session of rita's, so the console's refresh cookie refreshes nothing.
        assertThat(http.send("DELETE", "/users/rita/sessions", adminToken, "").statusCode()).isEqualTo(204);
        browser.executeScript("sessionStorage.setItem('booking.token', arguments[0])", expired);
        browser.findElement(By.id("submit-button")).click();

        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        assertThat(message.getText()).startsWith("Your session has expired.").contains("what you were typing is kept");
        screenshot("signin-session-expired");
        signIn("rita", RITA_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-form")));
        assertThat(browser.findElement(By.id("submit-topic")).getAttribute("value")).isEqualTo("Half-typed topic");
        assertThat(browser.findElement(By.id("submit-city")).getAttribute("value")).isEqualTo("Lisbon");
        screenshot("submission-form-restored");

        // A token the service refuses although it looks current: the API's 401 also leads back to sign-in.
        String forged = expired.substring(0, expired.indexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "{\"sub\":\"rita\",\"role\":\"requester\",\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8))
                + expired.substring(expired.lastIndexOf('.'));
        browser.executeScript("sessionStorage.setItem('booking.token', arguments[0])", forged);
        browser.findElement(By.linkText("My bookings")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        assertThat(refused.getText()).startsWith("You were signed out (Could not validate credentials).");
        assertThat((String) browser.executeScript("return localStorage.length + ':' + document.cookie"))
                .as("no token in localStorage or a readable cookie").isEqualTo("0:");
    }

    /**
     * A working day: the 30-minute access token runs out while the session lives on. The console
     * trades its HttpOnly refresh cookie for a new token and carries on: no sign-in screen, nothing
     * lost. Signing out then ends the session on the service, so the cookie refreshes nothing.
     */
    @Test
    void anExpiredAccessTokenIsRefreshedFromTheSessionWithoutSigningInAgain() throws Exception {
        signIn("rita", RITA_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-form")));
        String expired = resource("/legacy-jwt/requester-token-expired.jwt").strip();
        browser.executeScript("sessionStorage.setItem('booking.token', arguments[0])", expired);

        browser.findElement(By.linkText("My bookings")).click();
        wait.until(driver -> !expired.equals(browser.executeScript("return sessionStorage.getItem('booking.token')")));
        String renewed = (String) browser.executeScript("return sessionStorage.getItem('booking.token')");
        assertThat(http.get("/users/me", renewed).statusCode()).as("the refreshed token works").isEqualTo(200);
        assertThat(browser.findElements(By.id("signin-error"))).as("no sign-in screen")
                .allSatisfy(error -> assertThat(error.isDisplayed()).isFalse());
        assertThat((String) browser.executeScript("return document.cookie")).as("the refresh token is not readable")
                .doesNotContain("booking_refresh");
        screenshot("refreshed-after-expiry");

        signOut();
        // The revocation is sent as the sign-in screen shows: give it a moment, then the session is over.
        int status = 200;
        for (int i = 0; i < 100 && status != 401; i++) {
            Thread.sleep(100);
            status = http.get("/users/me", renewed).statusCode();
        }
        assertThat(status).as("the session's access token after signing out").isEqualTo(401);
    }

    @Test
    void thePhoneSizedFormHasALabelForEveryFieldAndNoHorizontalScroll() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        signIn("rita", RITA_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-form")));
        List<String> unlabelled = new ArrayList<>();
        for (WebElement control : browser.findElements(By.cssSelector("input, select"))) {
            String id = control.getAttribute("id");
            if (id == null || browser.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty()) {
                unlabelled.add(control.getAttribute("name"));
            }
        }
        assertThat(unlabelled).isEmpty();
        assertThat((Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
        browser.findElement(By.id("submit-event-time")).sendKeys("");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("submit-event-time");
        screenshot("submission-form-phone");
    }

    private void signIn(String username, String password) {
        if (!browser.getCurrentUrl().startsWith(base())) {
            browser.get(base() + "/");
        }
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-username")));
        name.clear();
        name.sendKeys(username);
        browser.findElement(By.id("signin-password")).sendKeys(password);
        if (shot == 0) {
            screenshot("signin");
        }
        browser.findElement(By.cssSelector("#signin button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private void signOut() {
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-username")));
    }

    /** Types into a field; a datetime-local value is set as the browser's own picker would. */
    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        if ("datetime-local".equals(field.getAttribute("type")) || "number".equals(field.getAttribute("type"))) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text);
        } else {
            field.sendKeys(text);
        }
    }

    private WebElement queueItem(long id) {
        return browser.findElement(By.cssSelector("#queue li[data-id='" + id + "']"));
    }

    private static WebElement button(WebElement within, String label) {
        return within.findElements(By.tagName("button")).stream().filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in: " + within.getText()));
    }

    private void screenshot(String screen) {
        shot++;
        try {
            Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, shot, screen)),
                    browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base() {
        return "http://localhost:" + port;
    }

    private static long submit(String token, String eventTime, int minutes, String topic, String city, String country)
            throws Exception {
        return created(http.send("POST", "/booking", token, """
                {"event_time": "%s", "duration_minutes": %d, "topic": "%s", "requested_by": "office@example.org",
                 "address": {"street": "Main Street 1", "city": "%s", "state": null, "country": "%s"}}"""
                .formatted(eventTime, minutes, topic, city, country))).get("id").longValue();
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static int awaitPort(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                // Keep draining the log, or the service blocks once the pipe is full.
                CompletableFuture.runAsync(() -> out.lines().forEach(ignored -> { }));
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new IllegalStateException("the service ended before listening:\n" + String.join("\n", lines));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConsoleBrowserIT.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
