package dev.banyan.linkage;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A blocking rule (分块规则): records whose keys all agree form a block, and only pairs within a block are compared.
 * A schema's rules are a union — a pair is a candidate if any rule puts it in one block — and each pair is compared
 * once, attributed to the first rule that finds it.
 *
 * @param keys the keys that must all agree, e.g. {@code name:pinyin & birth:date}
 */
public record BlockingRule(List<BlockingKey> keys) {

    public BlockingRule {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a blocking rule needs at least one key");
        }
        keys = List.copyOf(keys);
    }

    /** Parses keys joined by {@code &}, e.g. {@code name:pinyin & birth:year_month}. */
    public static BlockingRule parse(String text) {
        return new BlockingRule(Arrays.stream(text.split("&")).map(BlockingKey::parse).toList());
    }

    @Override
    public String toString() {
        return keys.stream().map(BlockingKey::toString).collect(Collectors.joining(" & "));
    }
}
