package dev.banyan.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PostgreSQL's text COPY format: tabs, newlines, NULL and escapes. */
class TextCopyRowsTest {

    @Test
    void escapesWhatTheFormatReservesAndWritesNullAndBytea() {
        TextCopyRows rows = new TextCopyRows(8);
        rows.value("a\tb").value((String) null).value("c\\d\ne\rf").value(42L).value(true)
                .bytes(new byte[] {0x01, (byte) 0xAB}, 0, 2).value("张三");
        rows.endRow();
        String text = new String(rows.buffer(), 0, rows.size(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("a\\tb\t\\N\tc\\\\d\\ne\\rf\t42\tt\t\\\\x01ab\t张三\n");
        rows.clear();
        assertThat(rows.size()).isZero();
    }
}
