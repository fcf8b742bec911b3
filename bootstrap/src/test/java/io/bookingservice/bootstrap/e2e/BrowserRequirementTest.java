package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing browser never lets the browser tests pass: CI fails, a developer's run skips with the fix. */
class BrowserRequirementTest {

    private static final Path NOWHERE = Path.of("/nonexistent/chromium");

    @Test
    void underCiAMissingBrowserFailsTheBuild() {
        assertThatThrownBy(() -> ConsoleBrowserIT.requireBrowser("true", NOWHERE, ConsoleBrowserIT.CHROMEDRIVER))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CI=true").hasMessageContaining(ConsoleBrowserIT.INSTALL);
    }

    @Test
    void elsewhereTheBrowserTestsAreSkippedWithTheInstallCommand() {
        assertThatThrownBy(() -> ConsoleBrowserIT.requireBrowser(null, ConsoleBrowserIT.CHROMIUM, NOWHERE))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining(ConsoleBrowserIT.INSTALL);
        assertThatThrownBy(() -> ConsoleBrowserIT.requireBrowser("false", NOWHERE, NOWHERE))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aPresentBrowserIsUsed() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThatCode(() -> ConsoleBrowserIT.requireBrowser("true", java, java)).doesNotThrowAnyException();
    }
}
