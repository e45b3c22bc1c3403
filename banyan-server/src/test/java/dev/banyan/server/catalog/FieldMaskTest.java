package dev.banyan.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A field is masked by its data element and personal-information class. */
class FieldMaskTest {

    @Test
    void masksAFieldByItsDataElementAndPersonalInformationClass() {
        assertThat(FieldMask.apply(field("身份证号码", "DE0001", PersonalInformation.SENSITIVE_IDENTITY), "350102199001011234"))
                .isEqualTo("350102********1234");
        assertThat(FieldMask.apply(field("联系电话", "DE0006", PersonalInformation.PERSONAL), "13812345678")).isEqualTo("138****5678");
        // a company's telephone is not personal information
        assertThat(FieldMask.apply(field("联系电话", "DE0006", PersonalInformation.NONE), "059187654321")).isEqualTo("059187654321");
        assertThat(FieldMask.apply(field("月养老金（元）", null, PersonalInformation.SENSITIVE_FINANCIAL), "3200")).isEqualTo("******");
        assertThat(FieldMask.apply(field("居住地址", null, PersonalInformation.PERSONAL), "福建省福州市鼓楼区五四路158号"))
                .isEqualTo("福建省福州市****");
        assertThat(FieldMask.apply(field("企业名称", "DE0011", PersonalInformation.NONE), "榕城科技有限公司")).isEqualTo("榕城科技有限公司");
    }

    private static ResourceField field(String name, String element, PersonalInformation pi) {
        return new ResourceField(name, "string", null, false, element, pi, DataGrade.GENERAL, false);
    }

    @Test
    void strictMaskingHidesPersonalFieldsThatNoRuleMasks() {
        assertThat(FieldMask.strict(field("民族", null, PersonalInformation.PERSONAL), "汉族")).isEqualTo("******");
        assertThat(FieldMask.strict(field("联系电话", "DE0006", PersonalInformation.PERSONAL), "13812345678")).isEqualTo("138****5678");
        assertThat(FieldMask.strict(field("企业名称", "DE0011", PersonalInformation.NONE), "榕城科技有限公司")).isEqualTo("榕城科技有限公司");
    }
}
