package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.standards.PersonName.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {

    private static PersonName parsed(String raw) {
        return PersonName.parse(raw).orThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"陈伟", " 陈伟", "陈伟 ", "陈 伟", "陈　伟", "陈\t伟", " 陈  伟 ", "陈\u200B伟", "\uFEFF陈伟"})
    void spacesAroundAndInsideChineseNamesGo(String raw) {
        PersonName name = parsed(raw);
        assertThat(name.normalised()).isEqualTo("陈伟");
        assertThat(name.simplified()).isEqualTo("陈伟");
        assertThat(name.original()).isEqualTo(raw);
        assertThat(name.flags()).isEmpty();
        assertThat(name.isSuspicious()).isFalse();
    }

    @Test
    void theSyntheticCitysSpacingMistakes() {
        // MessMaker.name: a space after the surname, a trailing space, or an ideographic space after the surname.
        assertThat(parsed("欧阳 娜娜").simplified()).isEqualTo("欧阳娜娜");
        assertThat(parsed("林依金 ").simplified()).isEqualTo("林依金");
        assertThat(parsed("黄\u3000建国").simplified()).isEqualTo("黄建国");
    }

    @ParameterizedTest
    @CsvSource({
            "陳偉, 陳偉, 陈伟",
            "鄭國華, 鄭國華, 郑国华",
            "劉 麗, 劉麗, 刘丽",
            "歐陽鳳, 歐陽鳳, 欧阳凤",
            "鍾曉東, 鍾曉東, 钟晓东"
    })
    void traditionalNamesKeepBothForms(String raw, String normalised, String simplified) {
        PersonName name = parsed(raw);
        assertThat(name.normalised()).isEqualTo(normalised);
        assertThat(name.simplified()).isEqualTo(simplified);
        assertThat(name.flags()).containsExactly(Flag.TRADITIONAL);
        assertThat(name.isSuspicious()).isFalse();
        assertThat(name.toString()).isEqualTo(simplified);
    }

    @ParameterizedTest
    @CsvSource({
            "买买提·艾力, 买买提·艾力",
            "买买提•艾力, 买买提·艾力",
            "买买提・艾力, 买买提·艾力",
            "买买提‧艾力, 买买提·艾力",
            "买买提∙艾力, 买买提·艾力",
            "买买提．艾力, 买买提·艾力",
            "买买提.艾力, 买买提·艾力",
            "买买提 · 艾力, 买买提·艾力",
            "买买提 艾力, 买买提艾力",
            "买买提··艾力, 买买提·艾力",
            "·买买提·艾力·, 买买提·艾力",
            "阿卜杜热合曼·买买提明·吐尔逊, 阿卜杜热合曼·买买提明·吐尔逊",
            "爱新觉罗・溥仪, 爱新觉罗·溥仪"
    })
    void separatorDotIsUnified(String raw, String expected) {
        PersonName name = parsed(raw);
        assertThat(name.normalised()).isEqualTo(expected);
        assertThat(name.has(Flag.SYMBOLS)).isFalse();
        assertThat(name.has(Flag.TOO_LONG)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "John Smith|John Smith",
            "John   Smith|John Smith",
            "Ｊｏｈｎ　Ｓｍｉｔｈ|John Smith",
            "Mary-Jane O'Neil|Mary-Jane O'Neil",
            "J. R. Smith|J. R. Smith",
            "José Müller|José Müller",
            "John•Smith|John·Smith"
    })
    void foreignNamesInLatinLetters(String raw, String expected) {
        PersonName name = parsed(raw);
        assertThat(name.normalised()).isEqualTo(expected);
        assertThat(name.flags()).containsExactly(Flag.LATIN);
        assertThat(name.isSuspicious()).isFalse();
    }

    @Test
    void suspiciousContentIsFlagged() {
        assertThat(parsed("张三2").flags()).containsExactly(Flag.DIGITS);
        assertThat(parsed("张三２").normalised()).isEqualTo("张三2");
        assertThat(parsed("张三（临时）").flags()).containsExactly(Flag.SYMBOLS);
        assertThat(parsed("张三?").flags()).containsExactly(Flag.SYMBOLS);
        assertThat(parsed("张San").flags()).containsExactly(Flag.LATIN, Flag.MIXED_SCRIPT);
        assertThat(parsed("张").flags()).containsExactly(Flag.SINGLE_CHARACTER);
        assertThat(parsed("张三李四王五赵").flags()).containsExactly(Flag.TOO_LONG);
        assertThat(parsed("张三李四王五").flags()).isEmpty();
        assertThat(parsed("A".repeat(31)).flags()).contains(Flag.TOO_LONG);
        assertThat(parsed("陳3").flags()).containsExactly(Flag.TRADITIONAL, Flag.DIGITS);
        for (String raw : new String[]{"张三2", "张三（临时）", "张San", "张", "张三李四王五赵"}) {
            assertThat(parsed(raw).isSuspicious()).as(raw).isTrue();
        }
    }

    @Test
    void flagsHaveChineseTerms() {
        assertThat(Flag.DIGITS.chinese()).isEqualTo("含数字");
        assertThat(Flag.TRADITIONAL.suspicious()).isFalse();
        assertThat(Flag.TOO_LONG.suspicious()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000\u3000", "\u200B"})
    void blankNamesAreEmpty(String raw) {
        ParseResult<PersonName> result = PersonName.parse(raw);
        assertThat(result.problemCode()).isEqualTo(ParseResult.EMPTY);
        assertThat(result.problem()).isEqualTo("empty name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "？？", "---", "·", "12 34", "（）"})
    void nameWithoutLetters(String raw) {
        ParseResult<PersonName> result = PersonName.parse(raw);
        assertThat(result.problemCode()).isEqualTo(PersonName.NO_LETTERS);
        assertThat(result.problem()).isEqualTo("'" + raw.strip() + "' has no letters, so it is not a name");
    }

    @Test
    void absurdlyLongInputIsRefused() {
        ParseResult<PersonName> result = PersonName.parse("张".repeat(65));
        assertThat(result.problemCode()).isEqualTo(PersonName.TOO_LONG);
        assertThat(result.problem()).isEqualTo("name has 65 characters, more than 64; is it several fields run together?");
        assertThat(PersonName.parse("张".repeat(64)).isValid()).isTrue();
    }

    @Test
    void namesOutsideTheBasicPlane() {
        // 𠮷 (U+20BB7) is a real surname character outside the Basic Multilingual Plane.
        PersonName name = parsed("𠮷 祥");
        assertThat(name.normalised()).isEqualTo("𠮷祥");
        assertThat(name.flags()).isEmpty();
    }

    @Test
    void normaliseAlone() {
        assertThat(PersonName.normalise(" 陳　偉 ")).isEqualTo("陳偉");
        assertThat(PersonName.normalise("")).isEmpty();
    }
}
