package dev.banyan.server.share.internal;

import dev.banyan.server.share.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Posts one event to a subscriber's URL (推送): JSON with the Standard Webhooks headers, signed with each of the
 * subscription's current secrets; redirects are not followed (the URL should be updated instead), and an attempt
 * longer than the timeout fails.
 */
class WebhookSender implements AutoCloseable {

    /** The outcome of one attempt: the HTTP status (null if none came), or what went wrong. */
    record Outcome(Integer status, String error, long millis) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        boolean gone() {
            return status != null && status == 410;
        }
    }

    private static final int ERROR_TEXT = 300;

    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    Outcome send(String url, String id, long timestamp, byte[] body, List<String> secrets) {
        long start = System.nanoTime();
        StringBuilder signatures = new StringBuilder();
        for (String secret : secrets) {
            signatures.append(signatures.isEmpty() ? "" : " ").append(WebhookSignature.sign(secret, id, timestamp, body));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "Banyan-Webhooks/1")
                .header(WebhookSignature.ID_HEADER, id)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signatures.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readNBytes(ERROR_TEXT), StandardCharsets.UTF_8).strip();
            }
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null
                    : "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
            return new Outcome(status, error, elapsed(start));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timeout after " + timeout.toMillis() + " ms", elapsed(start));
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", elapsed(start));
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        client.close();
    }
}
