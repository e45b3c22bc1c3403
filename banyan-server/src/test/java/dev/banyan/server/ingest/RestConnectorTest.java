package dev.banyan.server.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** REST pull of paged JSON against a tiny JDK HTTP server on 127.0.0.1. */
class RestConnectorTest {

    private HttpServer server;
    private String base;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/persons", this::persons);
        server.createContext("/api/wrapped", this::wrapped);
        server.createContext("/api/broken", ex -> send(ex, 200, "<html>not json</html>"));
        server.createContext("/api/secret", ex -> send(ex, "Bearer t0k".equals(ex.getRequestHeaders().getFirst("Authorization"))
                ? 200 : 401, "[]"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String p : raw.split("&")) {
                String[] kv = p.split("=", 2);
                q.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return q;
    }

    private String page(int page, int size, int total) {
        StringBuilder b = new StringBuilder("[");
        for (int i = (page - 1) * size + 1; i <= Math.min(total, page * size); i++) {
            b.append(b.length() > 1 ? "," : "").append("{\"id\":").append(i).append(",\"name\":\"居民").append(i)
                    .append("\",\"score\":").append(i % 7 == 0 ? "null" : i + ".50").append('}');
        }
        return b.append(']').toString();
    }

    private void persons(HttpExchange ex) throws IOException {
        synchronized (requests) {
            requests.add(ex.getRequestURI().toString());
        }
        if (failuresLeft.getAndDecrement() > 0) {
            send(ex, 503, "busy");
            return;
        }
        Map<String, String> q = query(ex);
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int size = Integer.parseInt(q.getOrDefault("size", "100"));
        if (page > 99) {
            send(ex, 404, "{\"error\":\"no such page\"}");
            return;
        }
        send(ex, 200, page(page, size, 250));
    }

    private void wrapped(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        int page = Integer.parseInt(q.get("pageNo")) + 1;
        int size = Integer.parseInt(q.get("pageSize"));
        send(ex, 200, "{\"code\":0,\"data\":{\"total\":30,\"items\":" + page(page, size, 30) + "}}");
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void readsEveryPageUntilAShortOne() {
        TestFiles.Read read = TestFiles.readAll(SourceSpec.of("rest", base + "/api/persons"));
        assertThat(read.columns()).containsExactly("id", "name", "score");
        assertThat(read.rows()).hasSize(250);
        assertThat(read.values().get(0)).containsExactly("1", "居民1", "1.50");
        assertThat(read.values().get(6)).containsExactly("7", "居民7", null);
        assertThat(read.rows().get(249).rowNumber()).isEqualTo(250);
        assertThat(requests).containsExactly("/api/persons?page=1&size=100", "/api/persons?page=2&size=100",
                "/api/persons?page=3&size=100");
        assertThat(read.fingerprint().kind()).isEqualTo(SourceFingerprint.Kind.CONTENT);
        assertThat(TestFiles.readAll(SourceSpec.of("rest", base + "/api/persons")).fingerprint())
                .isEqualTo(read.fingerprint());
    }

    @Test
    void followsAnItemsPointerAndCustomPagingParameters() {
        TestFiles.Read read = TestFiles.readAll(SourceSpec.builder("rest", base + "/api/wrapped?region=350100")
                .itemsPointer("/data/items").pageParam("pageNo").pageSizeParam("pageSize").firstPage(0).pageSize(10)
                .build());
        assertThat(read.rows()).hasSize(30);
        assertThat(read.values().get(29).get(0)).isEqualTo("30");
    }

    @Test
    void retriesAServerErrorThenGoesOn() {
        failuresLeft.set(2);
        TestFiles.Read read = TestFiles.readAll(SourceSpec.builder("rest", base + "/api/persons").retries(2).build());
        assertThat(read.rows()).hasSize(250);
    }

    @Test
    void errorsThatPersistStopTheReadClearly() {
        failuresLeft.set(5);
        assertThatThrownBy(() -> TestFiles.readAll(SourceSpec.builder("rest", base + "/api/persons").retries(1).build()))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo(SourceErrorCode.SOURCE_FAILED);
                    assertThat(e.where()).isEqualTo("page 1");
                })
                .hasMessageContaining("failed 2 time(s), last with HTTP 503 busy");
        failuresLeft.set(0);
        assertThatThrownBy(() -> TestFiles.readAll(SourceSpec.builder("rest", base + "/api/persons").firstPage(100)
                .build()))
                .hasMessageContaining("HTTP 404").hasMessageContaining("page 100");
        assertThatThrownBy(() -> TestFiles.readAll(SourceSpec.of("rest", base + "/api/broken")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.MALFORMED))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> TestFiles.readAll(SourceSpec.of("rest", base + "/api/secret")))
                .hasMessageContaining("HTTP 401").hasMessageContaining("header.Authorization");
        assertThat(TestFiles.readAll(SourceSpec.builder("rest", base + "/api/secret")
                .header("Authorization", "Bearer t0k").build()).rows()).isEmpty();
        assertThatThrownBy(() -> TestFiles.readAll(SourceSpec.of("rest", "ftp://127.0.0.1/x")))
                .hasMessageContaining("not an HTTP URL");
    }

    @Test
    void aServerThatIgnoresPagingHitsTheGuard() {
        server.createContext("/api/endless", ex -> send(ex, 200, page(1, 5, 5)));
        assertThatThrownBy(() -> TestFiles.readAll(SourceSpec.builder("rest", base + "/api/endless").pageSize(5)
                .maxPages(4).build()))
                .hasMessageContaining("more than max_pages (4)");
    }
}
