package org.s11portal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in the test JVM, between the portal and MariaDB, that a test can cut to play a database outage: it
 * accepts on a free loopback port and forwards each connection to the database. {@link #cut()} resets every
 * connection at once (a node killed mid-query) and stops listening, so that new connections are refused as by a
 * database that is down, until {@link #restore()} listens on the same port again; the portal keeps running throughout.
 */
public final class TcpRelay implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;

    private TcpRelay(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = listen(0);
    }

    private synchronized int listen(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "tcp-relay-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return socket.getLocalPort();
    }

    /** A relay to the MariaDB the tests use (S11_DB_HOST:S11_DB_PORT, 127.0.0.1:3306 by default). */
    public static TcpRelay toTestDatabase() {
        try {
            return new TcpRelay(TestDatabase.host(), Integer.parseInt(TestDatabase.port()));
        } catch (IOException e) {
            throw new IllegalStateException("could not open a relay port", e);
        }
    }

    public int port() {
        return port;
    }

    /** Resets every relayed connection and refuses new ones. */
    public synchronized void cut() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            server = null;
        }
        open.forEach(TcpRelay::reset);
        open.clear();
    }

    /** Relays new connections again, on the same port. */
    public synchronized void restore() {
        if (server == null) {
            try {
                listen(port);
            } catch (IOException e) {
                throw new IllegalStateException("could not listen on port " + port + " again", e);
            }
        }
    }

    /** Connections being relayed now. */
    public int openConnections() {
        return open.size() / 2;
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                continue;
            }
            if (listening.isClosed()) {
                reset(client);
                return;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 2_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
            } catch (IOException e) {
                reset(client);
                reset(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0;) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed or was cut: close both below
            } finally {
                open.remove(from);
                open.remove(to);
                reset(from);
                reset(to);
            }
        }, "tcp-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes at once with a reset, as a dead server's host does, rather than a polite close. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // not connected: close anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
