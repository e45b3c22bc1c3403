package dev.banyan.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks signature, checked against the specification's published test vector. */
class WebhookSignatureTest {

    // The test vector of the Standard Webhooks reference libraries (secret, id, timestamp, body → signature).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsAsTheSpecificationsTestVectorSays() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void verifiesAGoodSignatureAmongSeveralAndRefusesTamperingAndStaleTimestamps() {
        Instant at = Instant.ofEpochSecond(TIMESTAMP);
        Duration fiveMinutes = Duration.ofMinutes(5);
        String header = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " + EXPECTED;
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, Long.toString(TIMESTAMP), header, BODY, at, fiveMinutes)).isTrue();
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, Long.toString(TIMESTAMP), EXPECTED,
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), at, fiveMinutes)).isFalse();
        assertThat(WebhookSignature.verify(List.of(SECRET), "msg_other", Long.toString(TIMESTAMP), EXPECTED, BODY, at,
                fiveMinutes)).isFalse();
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, Long.toString(TIMESTAMP), EXPECTED, BODY,
                at.plus(Duration.ofMinutes(6)), fiveMinutes)).isFalse();
        assertThat(WebhookSignature.verify(List.of(WebhookSignature.newSecret()), ID, Long.toString(TIMESTAMP), EXPECTED,
                BODY, at, fiveMinutes)).isFalse();
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, "soon", EXPECTED, BODY, at, fiveMinutes)).isFalse();
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytesInTheSpecificationsForm() {
        String a = WebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(a.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(a);
    }
}
