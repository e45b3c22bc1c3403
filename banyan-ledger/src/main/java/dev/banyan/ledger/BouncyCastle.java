package dev.banyan.ledger;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle JCA provider, registered once per JVM. SM2, SM3 and SM4 are not in the JDK, so every
 * use of them in this package goes through {@link #PROVIDER}.
 */
final class BouncyCastle {

    static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

    static {
        // Another library (or the server) may already have registered it; adding a second instance is harmless
        // but wasteful, and replacing theirs could change their behaviour.
        if (Security.getProvider(PROVIDER) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private BouncyCastle() {
    }

    /** Returns the provider name after making sure the provider is registered. */
    static String provider() {
        return PROVIDER;
    }
}
