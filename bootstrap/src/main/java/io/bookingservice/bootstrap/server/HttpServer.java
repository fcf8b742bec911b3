package io.bookingservice.bootstrap.server;

import io.bookingservice.adapters.web.WebSettings;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Embedded Jetty 12 (ee11) running Spring's DispatcherServlet over a web context, child of the
 * service's root context, built from the web adapter's {@code @Configuration} classes.
 * The web context's filters (its request filter, Spring Security's {@code springSecurityFilterChain})
 * are reached through DelegatingFilterProxies.
 * Stopping is graceful: the connector stops accepting, in-flight requests get up to
 * {@code drainTimeout} to finish, and requests that still arrive on open connections get a 503
 * (Jetty's GracefulHandler); {@link #closeConnectionsAfterEachResponse()} before the stop keeps
 * that from happening to anyone.
 */
public final class HttpServer {

    private final Server server;
    private final ServerConnector connector;
    private final AnnotationConfigWebApplicationContext web;
    private final ClosingConnections closing;

    private HttpServer(Server server, ServerConnector connector, AnnotationConfigWebApplicationContext web,
                       ClosingConnections closing) {
        this.server = server;
        this.connector = connector;
        this.web = web;
        this.closing = closing;
    }

    /**
     * Request threads. Jetty's default of 200 made 200 threads wait for the pool's 10 database
     * connections under a flood of clients: with 1,024 connections some waited past the
     * request path's 1 s connection timeout and got 503 although the database was fine
     * (bench/http/run). With 64, the excess clients wait in Jetty's queue instead, where no
     * timeout of ours applies, and the JVM keeps fewer stacks.
     */
    static final int MAX_THREADS = 64;
    static final Duration THREAD_IDLE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Starts listening on {@code port} (0: any free port) once the web context is up.
     *
     * @param filterBeans filter beans of the web context to put in front of the DispatcherServlet, in
     *                    order (the web adapter's request filter, then {@code springSecurityFilterChain})
     */
    public static HttpServer start(ApplicationContext root, List<Class<?>> webConfigurations, List<String> filterBeans,
                                   int port, Duration drainTimeout) throws Exception {
        AnnotationConfigWebApplicationContext web = new AnnotationConfigWebApplicationContext();
        web.setParent(root);
        if (!webConfigurations.isEmpty()) {
            web.register(webConfigurations.toArray(Class<?>[]::new));
        }

        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
        threads.setName("http");
        // Threads started for a burst (say the requests that piled up during a database outage)
        // go again within about half a minute of being idle: Jetty's default lets one go per
        // minute, and the soak of bench/cluster/run still had twice its baseline threads 90 s
        // after the outage.
        threads.setIdleTimeout((int) THREAD_IDLE_TIMEOUT.toMillis());
        threads.setMaxEvictCount(16);
        Server server = new Server(threads);
        server.setErrorHandler(new ProblemErrorHandler());
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        // Jetty reads form bodies itself (request.getParameter), past the web adapter's body-limit
        // filter, which can refuse a chunked body only while something reads it through the filter.
        // Jetty's own form limit is therefore the same; JettyRequestFailures answers its refusal.
        root.getBeanProvider(WebSettings.class)
                .ifAvailable(settings -> context.setMaxFormContentSize(Math.toIntExact(settings.maxBodyBytes())));
        EnumSet<DispatcherType> dispatches = EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        context.addFilter(new FilterHolder(new RequestLogFilter()), "/*", dispatches);
        for (String filterBean : filterBeans) {
            context.addFilter(new FilterHolder(new DelegatingFilterProxy(filterBean, web)), "/*", dispatches);
        }
        context.addFilter(new FilterHolder(new AuthenticatedUserFilter()), "/*", dispatches);
        // The first filter proxy refreshes the web context when Jetty initialises it, before the
        // DispatcherServlet would: MVC's handler mappings need the servlet context by then.
        web.setServletContext(context.getServletContext());
        DispatcherServlet servlet = new DispatcherServlet(web);
        // No ServletRequestHandledEvent per request: nothing listens to it, and building it
        // (the user's name included) was 1.5 % of the CPU of GET /booking/{id}/ under load.
        servlet.setPublishEvents(false);
        ServletHolder dispatcher = new ServletHolder("dispatcher", servlet);
        // Refresh the web context while Jetty starts, before the connector accepts anything.
        dispatcher.setInitOrder(1);
        context.addServlet(dispatcher, "/");

        // Counts in-flight requests so that stop() waits for them (bounded by the stop timeout).
        ClosingConnections closing = new ClosingConnections(context);
        GracefulHandler graceful = new GracefulHandler(closing);
        server.setHandler(graceful);
        server.setStopTimeout(drainTimeout.toMillis());
        server.setStopAtShutdown(false);
        // Jetty's Server header adds nothing for clients and tells attackers the version.
        connector.getConnectionFactories().forEach(factory -> {
            if (factory instanceof org.eclipse.jetty.server.HttpConnectionFactory http) {
                http.getHttpConfiguration().setSendServerVersion(false);
            }
        });
        try {
            server.start();
            // Jetty marks a servlet that failed to initialise unavailable and keeps running; a
            // web context that cannot start must fail the start instead of answering 503 forever.
            if (!context.isAvailable() || !dispatcher.isAvailable()) {
                throw new IllegalStateException("the web layer failed to start; see the log above");
            }
        } catch (Exception e) {
            server.stop();
            web.close();
            throw e;
        }
        return new HttpServer(server, connector, web, closing);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The shutdown grace: from now on every response says {@code Connection: close}, so that
     * keep-alive connections are gone before {@link #stop()} (see {@link ClosingConnections}).
     */
    public void closeConnectionsAfterEachResponse() {
        closing.begin();
    }

    /** Stops accepting, lets in-flight requests finish (bounded), then closes the web context. */
    public void stop() throws Exception {
        try {
            server.stop();
        } finally {
            web.close();
        }
    }

    public void join() throws InterruptedException {
        server.join();
    }
}
