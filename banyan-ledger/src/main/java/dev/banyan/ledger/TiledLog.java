package dev.banyan.ledger;

/**
 * A transparency log as a verifier sees it (平铺日志): exactly what a C2SP tlog-tiles server serves — the latest
 * signed checkpoint, hash tiles and entry bundles — and nothing it would have to trust.
 */
public interface TiledLog {

    /** The latest checkpoint, as the signed note served at {@code <prefix>/checkpoint}. */
    String checkpoint();

    /** The first {@code width} hashes of a hash tile, as served at {@code <prefix>/tile/<L>/<N>[.p/<W>]}. */
    byte[] hashTile(int level, long index, int width);

    /** The first {@code width} entries of an entry bundle, as served at {@code <prefix>/tile/entries/<N>[.p/<W>]}. */
    byte[] entryBundle(long index, int width);
}
