package io.bookingservice.bootstrap.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The management port: {@code GET /metrics} (Prometheus text) and nothing else, on a Jetty of
 * its own with a handful of threads, bound to loopback unless configured otherwise.
 *
 * <p>Why not the public port: the scrape needs no token (Prometheus sends none), so on the
 * public port anyone the load balancer lets in could read it, and a large scrape costs the
 * same threads as the API. A port of its own can be left unpublished by the load balancer,
 * the container or the firewall. No Spring, no security chain: one fixed path, nothing
 * taken from the request but its method and path.
 */
public final class ManagementServer {

    public static final String METRICS_PATH = "/metrics";

    private static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

    private final Server server;
    private final ServerConnector connector;

    private ManagementServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * @param address IP literal or host name to bind to ({@code 127.0.0.1}: this host only)
     * @param port    0: a free port chosen by the operating system (see {@link #port()})
     */
    public static ManagementServer start(String address, int port, PrometheusMeterRegistry registry) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(6, 2);
        threads.setName("management");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(address);
        connector.setPort(port);
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().setSendServerVersion(false);
        server.addConnector(connector);
        server.setHandler(new MetricsHandler(registry));
        server.setStopTimeout(1000);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new ManagementServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT/metrics}, for the log. */
    public String metricsUrl() {
        String host = connector.getHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + METRICS_PATH;
    }

    public void stop() throws Exception {
        server.stop();
    }

    private static final class MetricsHandler extends Handler.Abstract {

        private final PrometheusMeterRegistry registry;

        MetricsHandler(PrometheusMeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!METRICS_PATH.equals(Request.getPathInContext(request))) {
                return answer(response, callback, HttpStatus.NOT_FOUND_404, "Not Found\n");
            }
            String method = request.getMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                return answer(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method Not Allowed\n");
            }
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROMETHEUS_TEXT);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            if ("HEAD".equals(method)) {
                callback.succeeded();
                return true;
            }
            Content.Sink.write(response, true, registry.scrape(), callback);
            return true;
        }

        private static boolean answer(Response response, Callback callback, int status, String text) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, text.getBytes(StandardCharsets.UTF_8).length);
            Content.Sink.write(response, true, text, callback);
            return true;
        }
    }
}
