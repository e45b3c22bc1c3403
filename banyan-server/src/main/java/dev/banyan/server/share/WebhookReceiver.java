package dev.banyan.server.share;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * A consumer's webhook endpoint in miniature (推送接收端): an HTTP server on the loopback interface that checks each
 * event's Standard Webhooks signature and keeps the last events it accepted — what the guided demo's pensions office
 * runs, and what the tests deliver to. It answers 401 to a bad signature and, unless told otherwise, 204 to a good
 * one; {@link #respondWith} lets a test make it fail.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One accepted event: its {@code webhook-id}, the raw body as received, and when it arrived. */
    public record Received(String id, String body, long timestamp, java.time.Instant at) {
    }

    private final HttpServer server;
    private final int keep;
    private final Clock clock;
    private final Duration tolerance;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Received> received = new ArrayDeque<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile ToIntFunction<Received> responder = r -> 204;

    private WebhookReceiver(int keep, Clock clock, Duration tolerance) throws IOException {
        this.keep = keep;
        this.clock = clock;
        this.tolerance = tolerance;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /**
     * Starts a receiver on a free loopback port.
     *
     * @param keep      how many of the last accepted events to keep
     * @param clock     what "now" is when checking the timestamp (the sender's clock in a test that moves it)
     * @param tolerance how far the {@code webhook-timestamp} may be from now (the specification suggests 5 minutes)
     */
    public static WebhookReceiver start(int keep, Clock clock, Duration tolerance) throws IOException {
        return new WebhookReceiver(keep, clock, tolerance);
    }

    /** A receiver keeping the last {@code keep} events, checking timestamps within 5 minutes of the system clock. */
    public static WebhookReceiver start(int keep) throws IOException {
        return start(keep, Clock.systemUTC(), Duration.ofMinutes(5));
    }

    /** The URL to subscribe with, e.g. {@code http://127.0.0.1:41234/hooks/deaths}. */
    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + (path.startsWith("/") ? path : "/" + path);
    }

    /** Trusts a signing secret (the one shown when subscribing, or after a rotation). */
    public void trust(String secret) {
        secrets.add(secret);
    }

    /** Decides the HTTP status answered to each correctly signed event (204 by default). */
    public void respondWith(ToIntFunction<Received> responder) {
        this.responder = responder;
    }

    /** The last accepted events, oldest first (an event answered with a failure status is not accepted). */
    public synchronized List<Received> events() {
        return new ArrayList<>(received);
    }

    /** Events answered with 2xx since the start. */
    public long accepted() {
        return accepted.get();
    }

    /** Requests refused for a missing or bad signature or timestamp since the start. */
    public long rejected() {
        return rejected.get();
    }

    /** Forgets the kept events and the counts. */
    public synchronized void clear() {
        received.clear();
        accepted.set(0);
        rejected.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst(WebhookSignature.ID_HEADER);
            String timestamp = headers.getFirst(WebhookSignature.TIMESTAMP_HEADER);
            if (!"POST".equals(exchange.getRequestMethod()) || !WebhookSignature.verify(secrets, id, timestamp,
                    headers.getFirst(WebhookSignature.SIGNATURE_HEADER), body, clock.instant(), tolerance)) {
                rejected.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Received event = new Received(id, new String(body, StandardCharsets.UTF_8), Long.parseLong(timestamp.strip()),
                    clock.instant());
            int status = responder.applyAsInt(event);
            if (status >= 200 && status < 300) {
                synchronized (this) {
                    received.addLast(event);
                    while (received.size() > keep) {
                        received.removeFirst();
                    }
                }
                accepted.incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
