package dev.banyan.server.fuse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.ResourceField;
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

    @Test
    void masksAFieldByItsDataElementAndPersonalInformationClass() {
        assertThat(EntityFiles.mask(field("身份证号码", "DE0001", PersonalInformation.SENSITIVE_IDENTITY), "350102199001011234"))
                .isEqualTo("350102********1234");
        assertThat(EntityFiles.mask(field("联系电话", "DE0006", PersonalInformation.PERSONAL), "13812345678")).isEqualTo("138****5678");
        // a company's telephone is not personal information
        assertThat(EntityFiles.mask(field("联系电话", "DE0006", PersonalInformation.NONE), "059187654321")).isEqualTo("059187654321");
        assertThat(EntityFiles.mask(field("月养老金（元）", null, PersonalInformation.SENSITIVE_FINANCIAL), "3200")).isEqualTo("******");
        assertThat(EntityFiles.mask(field("居住地址", null, PersonalInformation.PERSONAL), "福建省福州市鼓楼区五四路158号"))
                .isEqualTo("福建省福州市****");
        assertThat(EntityFiles.mask(field("企业名称", "DE0011", PersonalInformation.NONE), "榕城科技有限公司")).isEqualTo("榕城科技有限公司");
    }

    private static ResourceField field(String name, String element, PersonalInformation pi) {
        return new ResourceField(name, "string", null, false, element, pi, DataGrade.GENERAL, false);
    }
}
