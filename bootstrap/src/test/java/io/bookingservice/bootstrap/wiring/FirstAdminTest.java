package io.bookingservice.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bookingservice.application.port.in.CreateUserCommand;
import io.bookingservice.application.service.UserService;
import io.bookingservice.application.testing.FakePasswordHasher;
import io.bookingservice.application.testing.FakeSessionRepository;
import io.bookingservice.application.testing.FakeUserRepository;
import io.bookingservice.application.testing.SerialTransactions;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class FirstAdminTest {

    @TempDir
    Path dataDirectory;

    private final FakeUserRepository accounts = new FakeUserRepository();
    private final UserService users = new UserService(accounts, new FakeSessionRepository(accounts), new FakePasswordHasher(),
            new SerialTransactions(), Clock.systemUTC(), true);
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FirstAdmin.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void onATerminalTheGeneratedPasswordIsShownOnceAndNeitherLoggedNorWritten() {
        firstAdmin(Map.of(), true).afterSingletonsInstantiated();

        Matcher shown = Pattern.compile("user 'admin' with password: (\\S+)").matcher(console());
        assertThat(shown.find()).isTrue();
        assertThat(users.logIn("admin", shown.group(1)).username().value()).isEqualTo("admin");
        assertThat(console()).contains("It is not shown again");
        assertThat(dataDirectory.resolve(FirstAdmin.PASSWORD_FILE)).doesNotExist();
        assertThat(logLines()).noneMatch(line -> line.contains(shown.group(1)));
    }

    @Test
    void withoutATerminalItGoesToAnOwnerOnlyFileThatTheLogNames() throws Exception {
        firstAdmin(Map.of(), false).afterSingletonsInstantiated();

        Path file = dataDirectory.resolve(FirstAdmin.PASSWORD_FILE);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertThat(users.logIn("admin", password).username().value()).isEqualTo("admin");
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2).allMatch(p -> p.name().startsWith("OWNER_"));
        assertThat(console()).isEmpty();
        assertThat(logLines()).anyMatch(line -> line.contains(file.toString())).noneMatch(line -> line.contains(password));
    }

    @Test
    void inMemoryPersistenceDoesNotClaimThePasswordIsNeverShownAgain() {
        firstAdmin(Map.of("BOOKING_PERSISTENCE", "memory"), true).afterSingletonsInstantiated();

        assertThat(console()).contains("a new admin password is generated at every start").doesNotContain("not shown again");
    }

    @Test
    void anAdminPasswordThatCannotTakeEffectIsWarnedAbout() {
        users.upsert(new CreateUserCommand("admin", "Existing-Pass-1", "admin", false));

        firstAdmin(Map.of("BOOKING_ADMIN_PASSWORD", "Walkthrough-Pass-1"), true).afterSingletonsInstantiated();

        assertThat(logLines()).anyMatch(line -> line.startsWith("WARN BOOKING_ADMIN_PASSWORD is set but ignored"))
                .noneMatch(line -> line.contains("Walkthrough-Pass-1"));
        assertThat(users.logIn("admin", "Existing-Pass-1").username().value()).isEqualTo("admin");
        assertThat(console()).isEmpty();
    }

    private FirstAdmin firstAdmin(Map<String, String> extra, boolean interactive) {
        Map<String, String> environment = new HashMap<>(Map.of("BOOKING_DATA_DIR", dataDirectory.toString()));
        environment.putAll(extra);
        Settings settings = SettingsLoader.load(Map.of(), environment);
        return new FirstAdmin(users, settings, new PrintStream(console, true, StandardCharsets.UTF_8), interactive);
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private List<String> logLines() {
        return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }
}
