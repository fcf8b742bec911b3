package io.bookingservice.bootstrap.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Once {@link #begin() begun} (the shutdown grace), every response carries
 * {@code Connection: close}: a load balancer's pooled keep-alive connections, and clients'
 * own, are closed one response at a time while the instance still answers normally, so that
 * none is left to carry a new request into the server's stop (where Jetty can only refuse it).
 */
final class ClosingConnections extends Handler.Wrapper {

    private volatile boolean closing;

    ClosingConnections(Handler handler) {
        super(handler);
    }

    void begin() {
        closing = true;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (closing) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        return super.handle(request, response, callback);
    }
}
