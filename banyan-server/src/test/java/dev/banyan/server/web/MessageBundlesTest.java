package dev.banyan.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the console exists in Chinese and in English (and the fallback bundle is the English one). */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages", "i18n/catalog", "i18n/audit", "i18n/ingest", "i18n/fuse", "i18n/share", "i18n/share-verification", "i18n/share-subscriptions", "i18n/share-upstream"})
    void chineseAndEnglishHaveTheSameKeys(String basename) throws IOException {
        Properties zh = load(basename + "_zh_CN");
        Properties en = load(basename + "_en");
        Properties fallback = load(basename);
        assertThat(keys(zh)).as("keys of %s_zh_CN", basename).isEqualTo(keys(en));
        assertThat(fallback).as("%s.properties is the English bundle", basename).isEqualTo(en);
        zh.forEach((key, value) -> assertThat((String) value).as("%s in Chinese", key).isNotBlank());
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
