package dev.banyan.ledger;

/**
 * One tile of a C2SP {@code tlog-tiles} log: up to 256 consecutive hashes of one level of the Merkle tree.
 *
 * <p>Level 0 holds leaf hashes; each hash at level {@code L > 0} is the root of a <em>full</em> tile at level
 * {@code L − 1}, i.e. of a perfect subtree of 256^L leaves. Tile {@code index} at a level holds that level's
 * hashes {@code 256·index … 256·index + width − 1}. A tile is full at {@code width == 256}; a partial tile (width
 * 1 … 255) is the right edge of a tree whose size is not a multiple of 256^(L+1). Tiles only ever grow, so a
 * partial tile is a prefix of every later version of the same tile.
 *
 * <p>The same coordinates name the entry bundle with the leaves of the level-0 tile ({@link #entriesPath()}).
 *
 * @param level tile level, 0 … 63 (the range C2SP allows; trees that fit a {@code long} use at most 0 … 7)
 * @param index index of the tile within its level, ≥ 0
 * @param width number of hashes, 1 … 256
 */
public record Tile(int level, long index, int width) {

    /** Tree levels covered by one tile: 256 = 2^8 hashes per tile. */
    public static final int HEIGHT = 8;
    /** Hashes in a full tile. */
    public static final int FULL_WIDTH = 1 << HEIGHT;
    /** Highest level a tile path may name. */
    public static final int MAX_LEVEL = 63;

    public Tile {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level " + level + " is outside 0.." + MAX_LEVEL);
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index " + index + " is negative");
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width " + width + " is outside 1.." + FULL_WIDTH);
        }
    }

    /** The full (256-hash) tile at these coordinates. */
    public static Tile full(int level, long index) {
        return new Tile(level, index, FULL_WIDTH);
    }

    /**
     * The tile at these coordinates as it is in a tree of {@code treeSize} leaves.
     *
     * @throws IllegalArgumentException if that tile is still empty at that size
     */
    public static Tile atSize(int level, long index, long treeSize) {
        int width = width(level, index, treeSize);
        if (width == 0) {
            throw new IllegalArgumentException("tile " + level + "/" + index + " is empty at tree size " + treeSize);
        }
        return new Tile(level, index, width);
    }

    /**
     * The tile holding hash number {@code hashIndex} of {@code level}, as it is in a tree of {@code treeSize}
     * leaves.
     *
     * @throws IllegalArgumentException if that hash does not exist yet at that size
     */
    public static Tile ofHash(int level, long hashIndex, long treeSize) {
        if (hashIndex < 0 || hashIndex >= hashesAtLevel(level, treeSize)) {
            throw new IllegalArgumentException("level " + level + " has no hash " + hashIndex + " at tree size "
                    + treeSize);
        }
        return atSize(level, hashIndex >>> HEIGHT, treeSize);
    }

    /**
     * How many hashes tile {@code tileIndex} of {@code level} holds in a tree of {@code treeSize} leaves: 256 if
     * full, 0 if it does not exist yet.
     */
    public static int width(int level, long tileIndex, long treeSize) {
        if (tileIndex < 0) {
            throw new IllegalArgumentException("tile index " + tileIndex + " is negative");
        }
        long hashes = hashesAtLevel(level, treeSize);
        if (tileIndex > hashes >>> HEIGHT) {
            return 0;
        }
        // tileIndex ≤ hashes / 256 here, so the product cannot overflow.
        return (int) Math.min(FULL_WIDTH, hashes - tileIndex * FULL_WIDTH);
    }

    /**
     * How many hashes {@code level} holds in a tree of {@code treeSize} leaves: floor(treeSize / 256^level), one
     * per full tile of the level below.
     */
    public static long hashesAtLevel(int level, long treeSize) {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level " + level + " is outside 0.." + MAX_LEVEL);
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size " + treeSize + " is negative");
        }
        int shift = HEIGHT * level;
        // Java masks shift distances to 6 bits, so 1 << 64 would silently become 1 << 0.
        return shift >= Long.SIZE ? 0 : treeSize >>> shift;
    }

    /** True for a 256-hash tile, which never changes again. */
    public boolean isFull() {
        return width == FULL_WIDTH;
    }

    /** The hash path, e.g. {@code tile/0/x001/x234/067} or {@code tile/1/000.p/17}. */
    public String path() {
        StringBuilder path = new StringBuilder(24).append("tile/").append(level).append('/');
        return appendIndexAndWidth(path).toString();
    }

    /**
     * The path of the entry bundle holding the leaves of this level-0 tile, e.g. {@code tile/entries/x001/067.p/9}.
     *
     * @throws IllegalStateException if this is not a level-0 tile (only leaves have entries)
     */
    public String entriesPath() {
        if (level != 0) {
            throw new IllegalStateException("only level-0 tiles have entry bundles, this is level " + level);
        }
        return appendIndexAndWidth(new StringBuilder(32).append("tile/entries/")).toString();
    }

    /**
     * Parses a hash tile path {@code tile/<L>/<N>[.p/<W>]}. Only the canonical spelling is accepted, so each tile
     * has exactly one path (which is what makes the paths safe to use as immutable cache keys).
     *
     * @throws IllegalArgumentException naming what is wrong with the path
     */
    public static Tile parse(String path) {
        if (!path.startsWith("tile/")) {
            throw bad(path, "must start with \"tile/\"");
        }
        String rest = path.substring("tile/".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw bad(path, "missing the tile index after the level");
        }
        String levelText = rest.substring(0, slash);
        if (levelText.equals("entries")) {
            throw bad(path, "is an entry bundle path, not a hash tile path");
        }
        int level = decimal(path, levelText, "level");
        if (level > MAX_LEVEL) {
            throw bad(path, "level " + level + " exceeds " + MAX_LEVEL);
        }
        return indexAndWidth(path, rest.substring(slash + 1), level);
    }

    /**
     * Parses an entry bundle path {@code tile/entries/<N>[.p/<W>]}. The result is the level-0 tile whose leaves
     * the bundle holds.
     *
     * @throws IllegalArgumentException naming what is wrong with the path
     */
    public static Tile parseEntries(String path) {
        String prefix = "tile/entries/";
        if (!path.startsWith(prefix)) {
            throw bad(path, "must start with \"" + prefix + "\"");
        }
        return indexAndWidth(path, path.substring(prefix.length()), 0);
    }

    // N as zero-padded groups of three digits, all but the last prefixed with 'x'; then ".p/W" if partial.
    private StringBuilder appendIndexAndWidth(StringBuilder path) {
        String digits = Long.toString(index);
        int pad = (3 - digits.length() % 3) % 3;
        digits = "00".substring(0, pad) + digits;
        for (int i = 0; i < digits.length(); i += 3) {
            if (i + 3 < digits.length()) {
                path.append('x').append(digits, i, i + 3).append('/');
            } else {
                path.append(digits, i, i + 3);
            }
        }
        if (!isFull()) {
            path.append(".p/").append(width);
        }
        return path;
    }

    private static Tile indexAndWidth(String path, String text, int level) {
        int width = FULL_WIDTH;
        int partial = text.indexOf(".p/");
        if (partial >= 0) {
            width = decimal(path, text.substring(partial + ".p/".length()), "partial width");
            if (width == 0) {
                throw bad(path, "partial width 0: empty tiles do not exist");
            }
            if (width >= FULL_WIDTH) {
                throw bad(path, "partial width " + width + " is not below 256 (a full tile has no \".p/\" suffix)");
            }
            text = text.substring(0, partial);
        }
        String[] groups = text.split("/", -1);
        long index = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            String digits;
            if (last) {
                if (group.startsWith("x")) {
                    throw bad(path, "the last index group \"" + group + "\" must not start with 'x'");
                }
                digits = group;
            } else {
                if (!group.startsWith("x")) {
                    throw bad(path, "index group \"" + group + "\" must start with 'x' (all groups but the last do)");
                }
                digits = group.substring(1);
            }
            if (digits.length() != 3 || !allDigits(digits)) {
                throw bad(path, "index group \"" + group + "\" must be exactly three digits (zero-padded)");
            }
            if (i == 0 && !last && digits.equals("000")) {
                throw bad(path, "index starts with a redundant group \"x000\"");
            }
            try {
                index = Math.addExact(Math.multiplyExact(index, 1000), Integer.parseInt(digits));
            } catch (ArithmeticException e) {
                throw bad(path, "index does not fit in 63 bits");
            }
        }
        return new Tile(level, index, width);
    }

    // A decimal ASCII integer of at most three digits without leading zeros (levels and widths are < 1000).
    private static int decimal(String path, String text, String what) {
        if (text.isEmpty() || !allDigits(text)) {
            throw bad(path, what + " \"" + text + "\" must be a decimal number");
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            throw bad(path, what + " \"" + text + "\" has a leading zero");
        }
        if (text.length() > 3) {
            throw bad(path, what + " " + text + " is far too large");
        }
        return Integer.parseInt(text);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException bad(String path, String reason) {
        return new IllegalArgumentException("bad tile path \"" + path + "\": " + reason);
    }
}
