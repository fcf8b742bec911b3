package io.bookingservice.bootstrap.server;

import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.bootstrap.wiring.Draining;
import io.bookingservice.bootstrap.wiring.ServiceContext;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The service, started: root context (database, migrations, keys, first admin), then the HTTP
 * server. {@link #stop()} is the graceful shutdown SIGTERM triggers: readiness turns false and
 * every response says {@code Connection: close} for the shutdown grace (the service still
 * answers while load balancers take it out), then the server stops accepting and drains
 * in-flight requests (bounded), then the pool and the embedded database close.
 */
public final class RunningService {

    /** How long in-flight requests may take to finish after a stop begins. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(RunningService.class);

    private final AnnotationConfigApplicationContext root;
    private final HttpServer server;
    private final ManagementServer management;
    private final Duration grace;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private RunningService(AnnotationConfigApplicationContext root, HttpServer server, ManagementServer management,
                           Duration grace) {
        this.root = root;
        this.server = server;
        this.management = management;
        this.grace = grace;
    }

    /**
     * @param webLayer          the web adapter's {@code @Configuration} classes
     * @param secrets           a secret source to use instead of Secrets Manager (tests)
     */
    public static RunningService start(Settings settings, WebLayer webLayer, Optional<SecretSource> secrets,
                                       PrintStream console) throws Exception {
        long begin = System.nanoTime();
        AnnotationConfigApplicationContext root = ServiceContext.start(settings, secrets, console);
        ManagementServer management = null;
        HttpServer server;
        try {
            if (settings.metricsEnabled()) {
                management = ManagementServer.start(settings.managementAddress(), settings.managementPort(),
                        root.getBean(PrometheusMeterRegistry.class));
            }
            server = HttpServer.start(root, webLayer.configurations(), webLayer.filterBeans(), settings.port(), DRAIN_TIMEOUT);
        } catch (Exception e) {
            if (management != null) {
                try {
                    management.stop();
                } catch (Exception stopFailure) {
                    e.addSuppressed(stopFailure);
                }
            }
            root.close();
            throw e;
        }
        RunningService service = new RunningService(root, server, management, settings.shutdownGrace());
        LOG.info("booking service (ENV={}, {}) listening on http://localhost:{}/ — ready in {} ms",
                settings.environment().code(), settings.persistence().name().toLowerCase(java.util.Locale.ROOT),
                server.port(), (System.nanoTime() - begin) / 1_000_000);
        LOG.info("get a token: curl -s -X POST http://localhost:{}/token -d username=admin -d 'password=…'", server.port());
        if (management != null) {
            LOG.info("metrics at {} (management port{})", management.metricsUrl(),
                    settings.managementPort() == 0 ? " picked at random: set BOOKING_MANAGEMENT_PORT for a fixed one" : "");
        } else {
            LOG.info("metrics off (BOOKING_METRICS=off): nothing is recorded and no management port is opened");
        }
        return service;
    }

    public int port() {
        return server.port();
    }

    /** The management port serving {@code GET /metrics}; empty when metrics are off. */
    public OptionalInt managementPort() {
        return management == null ? OptionalInt.empty() : OptionalInt.of(management.port());
    }

    /** The root context, for operators' tools and tests that need a service directly. */
    public ApplicationContext context() {
        return root;
    }

    public boolean isStopping() {
        return stopping.get();
    }

    /** Graceful and idempotent; returns once everything is closed. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        try {
            root.getBean(Draining.class).begin();
            server.closeConnectionsAfterEachResponse();
            if (!grace.isZero()) {
                // Still answering: the balancer's checks see readiness 503 and take the instance
                // out, and every keep-alive connection is closed after its next response.
                LOG.info("shutting down: readiness off, answering with Connection: close for {} s (BOOKING_SHUTDOWN_GRACE)",
                        grace.toSeconds());
                Thread.sleep(grace.toMillis());
            }
            LOG.info("shutting down: draining in-flight requests (at most {} s)", DRAIN_TIMEOUT.toSeconds());
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("shutdown grace interrupted; stopping now");
            stopServer();
        } catch (Exception e) {
            LOG.error("the HTTP server did not stop cleanly", e);
        } finally {
            stopManagement();
            root.close();
            LOG.info("stopped");
            stopped.countDown();
        }
    }

    /** After the public port: a scrape during the drain still sees the last requests. */
    private void stopManagement() {
        if (management == null) {
            return;
        }
        try {
            management.stop();
        } catch (Exception e) {
            LOG.error("the management server did not stop cleanly", e);
        }
    }

    private void stopServer() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.error("the HTTP server did not stop cleanly", e);
        }
    }

    /** Blocks until {@link #stop()} has completed. */
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The web adapter's configuration, as the server mounts it.
     *
     * @param configurations its {@code @Configuration} classes
     * @param filterBeans    names of servlet filter beans of the web context, registered in this
     *                       order in front of the DispatcherServlet
     */
    public record WebLayer(List<Class<?>> configurations, List<String> filterBeans) {
        public WebLayer {
            configurations = List.copyOf(configurations);
            filterBeans = List.copyOf(filterBeans);
        }
    }
}
