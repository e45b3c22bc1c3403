package dev.banyan.server.identity.internal;

import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RSA key that signs access tokens. Created on first start and kept in the database so that tokens
 * stay valid across restarts and across several Banyan nodes sharing one database.
 */
final class TokenSigningKey {

    private TokenSigningKey() {
    }

    static RSAKey loadOrCreate(JdbcClient jdbc) {
        if (jdbc.sql("select count(*) from identity.signing_key where active").query(Integer.class).single() > 0) {
            return oldestActive(jdbc);
        }
        KeyPair pair = generate();
        String keyId = UUID.randomUUID().toString();
        jdbc.sql("insert into identity.signing_key (key_id, algorithm, public_key, private_key) values (?, 'RS256', ?, ?)")
                .params(keyId, pair.getPublic().getEncoded(), pair.getPrivate().getEncoded())
                .update();
        // Another node may have inserted one at the same moment; everyone uses the oldest active key.
        return oldestActive(jdbc);
    }

    private static RSAKey oldestActive(JdbcClient jdbc) {
        return jdbc.sql("select key_id, public_key, private_key from identity.signing_key where active order by created_at, key_id limit 1")
                .query((rs, n) -> toJwk(rs.getString("key_id"), rs.getBytes("public_key"), rs.getBytes("private_key")))
                .single();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required by every Java platform", e);
        }
    }

    private static RSAKey toJwk(String keyId, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(keyId)
                    .build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("The stored token signing key " + keyId + " cannot be read", e);
        }
    }
}
