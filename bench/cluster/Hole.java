import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TCP forwarders on 127.0.0.1 for bench/cluster/run (single-file program, JDK 17 only), one per
 * service instance between it and PostgreSQL, each of which can become a black hole:
 * {@code java Hole.java LISTEN_PORT:TARGET_PORT:CONTROL_FILE ...}. While CONTROL_FILE exists every
 * byte in either direction is swallowed and new connections are accepted but lead nowhere: nothing
 * is refused and nothing is closed, as when a route drops packets. When the file goes away, the
 * connections that lost bytes are cut and forwarding resumes. Stops with its parent (SIGTERM).
 */
public final class Hole {

    public static void main(String[] args) throws Exception {
        for (String spec : args) {
            String[] f = spec.split(":", 3);
            new Hole(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Path.of(f[2])).start();
        }
        Thread.currentThread().join();
    }

    private final int listenPort;
    private final int targetPort;
    private final Path control;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean holed;

    Hole(int listenPort, int targetPort, Path control) {
        this.listenPort = listenPort;
        this.targetPort = targetPort;
        this.control = control;
    }

    void start() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
        daemon(() -> {
            while (true) {
                boolean now = Files.exists(control);
                if (holed && !now) {
                    open.forEach(Hole::closeQuietly);
                    open.clear();
                }
                holed = now;
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        daemon(() -> {
            while (true) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    return;
                }
                open.add(client);
                if (holed) {
                    daemon(() -> pump(client, null));
                    continue;
                }
                try {
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    open.add(server);
                    daemon(() -> pump(client, server));
                    daemon(() -> pump(server, client));
                } catch (IOException e) {
                    closeQuietly(client);
                    open.remove(client);
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to == null ? null : to.getOutputStream();
            for (int read; (read = in.read(buffer)) >= 0; ) {
                if (!holed && out != null) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // a side went away
        } finally {
            closeQuietly(from);
            open.remove(from);
            if (to != null) {
                closeQuietly(to);
                open.remove(to);
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
