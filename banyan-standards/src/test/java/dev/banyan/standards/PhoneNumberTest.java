package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.standards.PhoneNumber.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    private static String problemOf(String raw) {
        ParseResult<PhoneNumber> result = PhoneNumber.parse(raw);
        assertThat(result.isValid()).as("%s should be rejected", raw).isFalse();
        return result.problem();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+8613800138000",
            "+86 138 0013 8000",
            "+86-138-0013-8000",
            "(+86) 138 0013 8000",
            "86 13800138000",
            "8613800138000",
            "0086 13800138000",
            "013800138000",         // stray trunk 0
            "１３８００１３８０００",    // full-width
            "＋８６　１３８－００１３－８０００"
    })
    void mobileNumbers(String raw) {
        PhoneNumber phone = PhoneNumber.parse(raw).orThrow();
        assertThat(phone.kind()).isEqualTo(Kind.MOBILE);
        assertThat(phone.e164()).isEqualTo("+8613800138000");
        assertThat(phone.national()).isEqualTo("13800138000");
        assertThat(phone.areaCode()).isEmpty();
        assertThat(phone.city()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0591-87654321",
            "059187654321",
            "0591 8765 4321",
            "(0591) 87654321",
            "(0591)8765-4321",
            "0591.87654321",
            "0591—8765–4321",   // em dash and en dash
            "+86 591 87654321",
            "+86-591-87654321",
            "+86 (0)591 87654321",
            "8659187654321",
            "0086 591 87654321",
            "０５９１－８７６５４３２１",
            "（０５９１）８７６５４３２１"
    })
    void fuzhouLandline(String raw) {
        PhoneNumber phone = PhoneNumber.parse(raw).orThrow();
        assertThat(phone.kind()).isEqualTo(Kind.LANDLINE);
        assertThat(phone.e164()).isEqualTo("+8659187654321");
        assertThat(phone.national()).isEqualTo("0591-87654321");
        assertThat(phone.areaCode()).contains("0591");
        assertThat(phone.subscriberNumber()).contains("87654321");
        assertThat(phone.city()).contains("福州");
        assertThat(phone.extension()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "010-62345678,   +861062345678, 010,  北京",
            "+86 10 6234 5678, +861062345678, 010, 北京",
            "021-52345678,   +862152345678, 021,  上海",
            "0592-5123456,   +865925123456, 0592, 厦门",
            "0595 22345678,  +8659522345678, 0595, 泉州"
    })
    void landlinesOfOtherCities(String raw, String e164, String area, String city) {
        PhoneNumber phone = PhoneNumber.parse(raw).orThrow();
        assertThat(phone.kind()).isEqualTo(Kind.LANDLINE);
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.areaCode()).contains(area);
        assertThat(phone.city()).contains(city);
    }

    @Test
    void landlineOutsideTheCityTableIsValidButUnnamed() {
        PhoneNumber phone = PhoneNumber.parse("0755-83456789").orThrow();
        assertThat(phone.e164()).isEqualTo("+8675583456789");
        assertThat(phone.city()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400-810-8888,   +864008108888",
            "4008108888,     +864008108888",
            "800 820 8820,   +868008208820",
            "+86 400 810 8888, +864008108888"
    })
    void serviceNumbers(String raw, String e164) {
        PhoneNumber phone = PhoneNumber.parse(raw).orThrow();
        assertThat(phone.kind()).isEqualTo(Kind.SERVICE);
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.areaCode()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0591-87654321转8001", "0591-87654321 分机 8001", "0591-87654321-8001",
            "0591 87654321 ext. 8001", "0591-87654321 x8001", "0591-87654321#8001", "(0591)87654321 - 8001"})
    void landlineWithExtension(String raw) {
        PhoneNumber phone = PhoneNumber.parse(raw).orThrow();
        assertThat(phone.e164()).isEqualTo("+8659187654321");
        assertThat(phone.extension()).contains("8001");
        assertThat(phone).hasToString("+8659187654321;ext=8001");
    }

    @Test
    void oddlySplitNumberIsNotReadAsAnExtension() {
        PhoneNumber phone = PhoneNumber.parse("0591-8765432-1").orThrow();
        assertThat(phone.e164()).isEqualTo("+8659187654321");
        assertThat(phone.extension()).isEmpty();
    }

    @Test
    void localNumberNeedsADefaultAreaCode() {
        assertThat(problemOf("87654321")).isEqualTo("local number 87654321 has no area code (such as 0591), so the city is unknown");
        PhoneNumber phone = PhoneNumber.parse("8765 4321", "0591").orThrow();
        assertThat(phone.e164()).isEqualTo("+8659187654321");
        // A full number ignores the default.
        assertThat(PhoneNumber.parse("0592-5123456", "0591").orThrow().city()).contains("厦门");
        assertThat(PhoneNumber.parse("13800138000", "0591").orThrow().kind()).isEqualTo(Kind.MOBILE);
    }

    @Test
    void defaultAreaCodeMustBeAnAreaCode() {
        assertThatThrownBy(() -> PhoneNumber.parse("87654321", "591"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an area code");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\u3000"})
    void emptyInput(String raw) {
        assertThat(problemOf(raw)).isEqualTo("empty telephone number");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "1380013800      | mobile number must have 11 digits, got 10",
            "138001380001    | mobile number must have 11 digits, got 12",
            "12800138000     | mobile numbers start with 13 to 19, got 12",
            "12345           | 12345 is a short code, not a full telephone number",
            "110             | 110 is a short code, not a full telephone number",
            "95588           | 95588 is a short code, not a full telephone number",
            "0591-876543     | landline subscriber number after area code 0591 must have 7 or 8 digits, got 6",
            "0591-876543210  | landline subscriber number after area code 0591 must have 7 or 8 digits, got 9",
            "0591-07654321   | landline subscriber number cannot start with 0",
            "0591-17654321   | landline subscriber number cannot start with 1",
            "0123-4567890    | area code must be 010, 02x or 0 followed by three digits starting 3-9, got 0123",
            "400-810-888     | 400/800 service numbers have 10 digits, got 9",
            "+852 2345 6789  | not a mainland China number: +85223456789 does not start with the country code +86",
            "00852 2345 6789 | not a mainland China number: +85223456789 does not start with the country code +86",
            "+86             | nothing follows the country code +86",
            "+               | telephone number has no digits",
            "--              | telephone number has no digits",
            "13800138000转8001 | a mobile number cannot have an extension",
            "13800138000/13900139000 | character '/' is not allowed in a telephone number (only digits, spaces, dashes, parentheses, a leading + and an extension)",
            "tel 13800138000 | character 't' is not allowed in a telephone number (only digits, spaces, dashes, parentheses, a leading + and an extension)",
            "138+00138000    | character '+' is not allowed in a telephone number (only digits, spaces, dashes, parentheses, a leading + and an extension)",
            "5918765432123   | not a mobile, landline or 400/800 number: 13 digits starting with 5"
    })
    void invalidNumbersSayWhatIsWrong(String raw, String problem) {
        assertThat(problemOf(raw)).isEqualTo(problem);
        assertThat(PhoneNumber.isValid(raw)).isFalse();
    }

    @Test
    void equalityIsByNumberAndExtension() {
        assertThat(PhoneNumber.parse("+86 591 87654321").orThrow())
                .isEqualTo(PhoneNumber.parse("0591-87654321").orThrow())
                .hasSameHashCodeAs(PhoneNumber.parse("0591-87654321").orThrow())
                .isNotEqualTo(PhoneNumber.parse("0591-87654321转8001").orThrow());
    }

    @Test
    void kindsHaveChineseNames() {
        assertThat(Kind.MOBILE.chinese()).isEqualTo("手机");
        assertThat(Kind.LANDLINE.chinese()).isEqualTo("固定电话");
    }

    @Test
    void areaCodeTable() {
        assertThat(TelephoneAreaCodes.city("0591")).contains("福州");
        assertThat(TelephoneAreaCodes.city("0593")).contains("宁德");
        assertThat(TelephoneAreaCodes.city("0599")).contains("南平");
        assertThat(TelephoneAreaCodes.city("0755")).isEmpty();
        assertThat(TelephoneAreaCodes.city(null)).isEmpty();
        assertThat(TelephoneAreaCodes.isWellFormed("0591")).isTrue();
        assertThat(TelephoneAreaCodes.isWellFormed("010")).isTrue();
        assertThat(TelephoneAreaCodes.isWellFormed("011")).isFalse();
        assertThat(TelephoneAreaCodes.isWellFormed("591")).isFalse();
    }
}
