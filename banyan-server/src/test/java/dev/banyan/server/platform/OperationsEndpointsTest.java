package dev.banyan.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** What operators and API users reach without signing in: health and readiness, Prometheus metrics, the OpenAPI document. */
@BanyanServerTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void healthAndReadinessAreUp() {
        assertThat(http().get().uri("/actuator/health").retrieve().body(String.class)).contains("\"status\":\"UP\"");
        assertThat(http().get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"status\":\"UP\"");
        assertThat(http().get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusMetricsAreServed() {
        var response = http().get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/plain");
        assertThat(response.getBody()).contains("# TYPE jvm_memory_used_bytes gauge").contains("http_server_requests_seconds");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var response = http().get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"openapi\":\"3.").contains("/api/v1/catalog/resources")
                .contains("/api/v1/directory/departments");
        assertThat(http().get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
    }
}
