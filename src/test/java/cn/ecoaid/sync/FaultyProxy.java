package cn.ecoaid.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that injects a fault into a share of its connections: the request cut after N bytes, the
 * response cut after N bytes (so the server has committed and the ack is lost), a reset, a black hole until the client
 * times out, a delay, or throttling. Seeded, so a failing run can be repeated.
 */
final class FaultyProxy implements AutoCloseable {
    enum Fault { NONE, CUT_REQUEST, CUT_RESPONSE, RESET, BLACK_HOLE, DELAY, THROTTLE }

    private final ServerSocket listener;
    private final int target;
    private final Random random;
    private final double faultRate;
    private final java.util.Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    final ConcurrentHashMap<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();
    private volatile boolean faults = true;

    FaultyProxy(int targetPort, long seed, double faultRate) throws IOException {
        this.listener = new ServerSocket();
        this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.target = targetPort;
        this.random = new Random(seed);
        this.faultRate = faultRate;
        Thread t = new Thread(this::acceptLoop, "faulty-proxy");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void faults(boolean on) {
        faults = on;
    }

    int total() {
        return injected.entrySet().stream().filter(e -> e.getKey() != Fault.NONE).mapToInt(e -> e.getValue().get()).sum();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Fault fault;
                long offset;
                synchronized (random) {
                    // Weights: cuts are the common case; every faulty connection also ends in a cut at a random byte,
                    // so a kept-alive connection carries a few good requests before it breaks.
                    double x = random.nextDouble();
                    fault = !faults || random.nextDouble() >= faultRate ? Fault.NONE
                            : x < 0.35 ? Fault.CUT_REQUEST : x < 0.65 ? Fault.CUT_RESPONSE : x < 0.72 ? Fault.RESET
                            : x < 0.77 ? Fault.BLACK_HOLE : x < 0.88 ? Fault.DELAY : Fault.THROTTLE;
                    offset = random.nextInt(40_000);
                }
                injected.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
                Thread t = new Thread(() -> handle(client, fault, offset), "proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client, Fault fault, long offset) {
        sockets.add(client);
        try {
            if (fault == Fault.RESET) {
                client.setSoLinger(true, 0);
                client.close();
                return;
            }
            if (fault == Fault.BLACK_HOLE) {
                client.getInputStream().transferTo(OutputStream.nullOutputStream());
                client.close();
                return;
            }
            if (fault == Fault.DELAY) {
                Thread.sleep(300);
            }
            Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
            sockets.add(server);
            long upLimit = fault == Fault.CUT_REQUEST ? offset : Long.MAX_VALUE;
            long downLimit = fault == Fault.CUT_RESPONSE || fault == Fault.DELAY || fault == Fault.THROTTLE ? offset : Long.MAX_VALUE;
            boolean slow = fault == Fault.THROTTLE;
            Thread up = new Thread(() -> pipe(client, server, upLimit, slow), "proxy-up");
            up.setDaemon(true);
            up.start();
            pipe(server, client, downLimit, slow);
            up.join(60_000);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    /** Copies until EOF or {@code limit} bytes, then closes both sockets. */
    private static void pipe(Socket from, Socket to, long limit, boolean slow) {
        byte[] buf = new byte[slow ? 512 : 16384];
        long copied = 0;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buf, 0, (int) Math.min(buf.length, Math.max(1, limit - copied)))) > 0; ) {
                out.write(buf, 0, n);
                out.flush();
                copied += n;
                if (copied >= limit) {
                    break;
                }
                if (slow) {
                    Thread.sleep(2);
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
