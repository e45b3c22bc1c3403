package dev.banyan.server.share;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a pushed event (推送签名), as the Standard Webhooks specification defines it: HMAC-SHA256 with the
 * subscription's secret ({@code whsec_} + base64 of 32 random bytes) over {@code webhook-id.webhook-timestamp.body},
 * sent as {@code webhook-signature: v1,<base64>} — several space-separated while a rotated secret still signs. A
 * receiver checks the signature in constant time and the timestamp against its clock, so a captured request cannot
 * be replayed later.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, id, timestamp, body));
    }

    /**
     * Whether one of the signatures in the header is of this body, id and timestamp under one of the secrets, and the
     * timestamp is within the tolerance of {@code now}.
     */
    public static boolean verify(List<String> secrets, String id, String timestamp, String signatureHeader, byte[] body,
                                 Instant now, Duration tolerance) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        for (String secret : secrets) {
            byte[] expected = hmac(secret, id, seconds, body);
            for (String signature : signatureHeader.strip().split(" +")) {
                if (signature.startsWith("v1,")) {
                    byte[] given;
                    try {
                        given = Base64.getDecoder().decode(signature.substring(3));
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    if (MessageDigest.isEqual(expected, given)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String id, long timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
