package io.bookingservice.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLogConfiguratorTest {

    /** A class path without the tests' logback-test.xml, as in the packaged service. */
    private static final ClassLoader PACKAGED = new ClassLoader(ServiceLogConfiguratorTest.class.getClassLoader()) {
        @Override
        public URL getResource(String name) {
            return "logback-test.xml".equals(name) ? null : super.getResource(name);
        }
    };

    @Test
    void theServiceLogsTextLinesOnTheConsoleWithLibrariesAtWarn() {
        LoggerContext context = new LoggerContext();

        ExecutionStatus status = new ServiceLogConfigurator(PACKAGED).configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        Appender<ILoggingEvent> appender = root.getAppender("CONSOLE");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) appender;
        assertThat(console.isStarted()).isTrue();
        assertThat(console.getTarget()).isEqualTo("System.out");
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
                .isEqualTo("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC} %-5level [%thread] %logger{30} %X{request_id} - %msg%n");
        for (String quiet : List.of("io.zonky", "com.zaxxer.hikari", "org.eclipse.jetty", "org.springframework",
                "software.amazon.awssdk")) {
            assertThat(context.getLogger(quiet + ".Anything").getEffectiveLevel()).as(quiet).isEqualTo(Level.WARN);
        }
        assertThat(context.getLogger("io.bookingservice.request").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void aLogbackTestXmlOnTheClassPathWins() {
        LoggerContext context = new LoggerContext();

        ExecutionStatus status = new ServiceLogConfigurator().configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }
}
