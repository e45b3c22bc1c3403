package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Personal information is masked as the departments expect to see it. */
class MaskingTest {

    @Test
    void masksIdentifiersPhonesNamesAddressesAndDates() {
        assertThat(Masking.mask("350102199001011234", Masking.Kind.IDENTIFIER)).isEqualTo("350102********1234");
        assertThat(Masking.mask("13812345678", Masking.Kind.PHONE)).isEqualTo("138****5678");
        assertThat(Masking.mask("138-1234-5678", Masking.Kind.PHONE)).isEqualTo("138****5678");
        assertThat(Masking.mask("张三", Masking.Kind.NAME)).isEqualTo("张*");
        assertThat(Masking.mask("欧阳子墨", Masking.Kind.NAME)).isEqualTo("欧***");
        assertThat(Masking.mask("福建省福州市鼓楼区五四路158号", Masking.Kind.ADDRESS)).isEqualTo("福建省福州市****");
        assertThat(Masking.mask("1990-01-01", Masking.Kind.DATE)).isEqualTo("1990-**-**");
        assertThat(Masking.mask(null, Masking.Kind.NAME)).isNull();
        assertThat(Masking.mask("1", Masking.Kind.NONE)).isEqualTo("1");
    }
}
