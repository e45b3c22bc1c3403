package dev.banyan.server.share.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keyed hash of a call's parameters kept in the call log (参数摘要): HMAC-SHA256 over the parameters sorted by name,
 * under a key made once per installation. An auditor holding the key can check whether a given lookup was made; a
 * reader of the log alone cannot recover an identity number by hashing every possible one.
 */
final class ParameterHash {

    private final Mac prototype;

    ParameterHash(JdbcClient jdbc) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into share.call_log_key (id, key, created_at) values (1, ?, ?) on conflict (id) do nothing")
                .params(fresh, OffsetDateTime.now(ZoneOffset.UTC)).update();
        byte[] key = jdbc.sql("select key from share.call_log_key where id = 1").query(byte[].class).single();
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String of(Map<String, String> parameters) {
        StringBuilder b = new StringBuilder();
        for (var e : new TreeMap<>(parameters).entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
