package io.bookingservice.bootstrap.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal TCP forwarder on 127.0.0.1 for simulating a database outage: {@link #stop()} closes
 * the listening socket and every open connection (new connections are refused, open ones see
 * their peer go away); {@link #start()} listens again on the same port. {@link #blackHole()} is
 * the nastier outage of a dropped route: connections stay open and new ones are accepted, but
 * nothing goes through in either direction, so a client only learns of it from its own timeouts.
 * Threads are daemons.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private int port;
    private ServerSocket listener;
    private volatile boolean blackHoled;

    TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    int port() {
        return port;
    }

    /** Listens (again) on the proxy's port; the first start picks a free one. */
    synchronized void start() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = socket.getLocalPort();
        listener = socket;
        daemon(() -> accept(socket), "tcp-proxy-accept-" + port).start();
    }

    /** The outage: nothing listens any more and every forwarded connection is cut. */
    synchronized void stop() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** From now on every byte, on open and on new connections, is swallowed; nothing is closed. */
    void blackHole() {
        blackHoled = true;
    }

    /**
     * Ends a {@link #blackHole()}: the connections that lost bytes are cut (their peers would have
     * given up on them), and new connections are forwarded again.
     */
    synchronized void restore() {
        blackHoled = false;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // closed by stop()
            }
            if (blackHoled) {
                open.add(client);
                daemon(() -> swallow(client), "tcp-proxy-hole-" + port).start();
                continue;
            }
            Socket server;
            try {
                server = new Socket(targetHost, targetPort);
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            open.add(server);
            synchronized (this) {
                if (listener != socket) { // stopped meanwhile: do not leak the pair
                    closeQuietly(client);
                    closeQuietly(server);
                    return;
                }
            }
            daemon(() -> pump(client, server), "tcp-proxy-up-" + port).start();
            daemon(() -> pump(server, client), "tcp-proxy-down-" + port).start();
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                if (!blackHoled) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // a side went away: cut both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** A connection accepted during a black hole: read and drop until someone closes it. */
    private void swallow(Socket client) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = client.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // dropped
            }
        } catch (IOException e) {
            // closed by restore() or stop(), or by the client giving up
        } finally {
            closeQuietly(client);
            open.remove(client);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing to do
        }
    }
}
