package io.bookingservice.bootstrap.server;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * The service's logging set-up, in code rather than a {@code logback.xml}: reading the XML file
 * (logback's Joran, the JDK's XML parser) took ~0.3 s of every start, a twelfth of the service's
 * start-up on its 2-core machine (async-profiler; docs/operations.md, "Start-up time"). Text lines
 * on standard output, the service's own at INFO and chatty libraries at WARN;
 * {@link LogFormatting} switches to JSON or to standard error afterwards.
 *
 * <p>A logback configuration given with {@code -Dlogback.configurationFile=…}, or a
 * {@code logback-test.xml} on the class path (the tests'), still wins: this configurator then
 * steps aside and logback reads that file as usual.
 */
public final class ServiceLogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC} %-5level [%thread] %logger{30} %X{request_id} - %msg%n";

    /** The embedded PostgreSQL relays every server log line at INFO; these libraries' warnings are enough. */
    private static final List<String> QUIET = List.of("io.zonky", "com.zaxxer.hikari", "org.eclipse.jetty",
            "org.springframework", "software.amazon.awssdk");

    private final ClassLoader classes;

    /** As logback's {@code ServiceLoader} makes it. */
    public ServiceLogConfigurator() {
        this(ServiceLogConfigurator.class.getClassLoader());
    }

    /** @param classes where a {@code logback-test.xml} would be found */
    ServiceLogConfigurator(ClassLoader classes) {
        this.classes = classes;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null
                || classes.getResource(ClassicConstants.TEST_AUTOCONFIG_FILE) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        for (String name : QUIET) {
            context.getLogger(name).setLevel(Level.WARN);
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
