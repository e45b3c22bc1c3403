package dev.banyan.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A tlog-tiles log read over HTTP from its URL prefix, e.g. {@code https://data.example.gov.cn/audit-log}. Uses
 * only the JDK's HTTP client, so that a verifier needs nothing from the log's operator but its public URLs.
 */
public final class HttpTiledLog implements TiledLog {

    private final String prefix;
    private final HttpClient http;

    public HttpTiledLog(URI prefix) {
        String p = prefix.toString();
        this.prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public String checkpoint() {
        return new String(get("checkpoint"), StandardCharsets.UTF_8);
    }

    /** The verifier key served at {@code <prefix>/verifier-key}: trust on first use, unless given out of band. */
    public String verifierKey() {
        return new String(get("verifier-key"), StandardCharsets.UTF_8).strip();
    }

    /** Every verifier key served at {@code <prefix>/verifier-keys}, one a line (Banyan serves Ed25519, then SM2). */
    public java.util.List<String> verifierKeys() {
        return new String(get("verifier-keys"), StandardCharsets.UTF_8).lines().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    @Override
    public byte[] hashTile(int level, long index, int width) {
        return get(new Tile(level, index, width).path());
    }

    @Override
    public byte[] entryBundle(long index, int width) {
        return get(new Tile(0, index, width).entriesPath());
    }

    private byte[] get(String path) {
        URI uri = URI.create(prefix + "/" + path);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new UncheckedIOException(new IOException("GET " + uri + " answered HTTP " + response.statusCode()));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while fetching " + uri));
        }
    }
}
