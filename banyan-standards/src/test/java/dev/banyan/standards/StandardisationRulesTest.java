package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What every rule promises: one shape, blank input reported alike, and no exception whatever the input. */
class StandardisationRulesTest {

    private static Map<String, StandardisationRule<?>> rules() {
        Map<String, StandardisationRule<?>> rules = new LinkedHashMap<>();
        rules.put("date", DateValue.standard());
        rules.put("date with Excel serials", DateValue.standard().acceptingExcelSerials());
        rules.put("date-time", DateTimeValue.standard().acceptingExcelSerials());
        rules.put("year-month", YearMonthValue.standard());
        rules.put("amount", AmountValue.yuan());
        rules.put("amount in 万元", AmountValue.in(AmountUnit.TEN_THOUSAND_YUAN).nonNegative());
        rules.put("name", (StandardisationRule<PersonName>) PersonName::parse);
        rules.put("sex", NationalCodeTables.sex());
        rules.put("ethnicity", NationalCodeTables.ethnicity());
        rules.put("address", AddressParser.fuzhou());
        rules.put("address nationwide", AddressParser.nationwide());
        rules.put("address in Beijing", AddressParser.forCity("110000", Gazetteer.none()));
        rules.put("address in Dongguan", AddressParser.forCity("441900", Gazetteer.none()));
        // The identifiers fit the same shape.
        rules.put("identity number", (StandardisationRule<CitizenIdNumber>) CitizenIdNumber::parse);
        rules.put("credit code", (StandardisationRule<UnifiedSocialCreditCode>) UnifiedSocialCreditCode::parse);
        rules.put("phone", (StandardisationRule<PhoneNumber>) PhoneNumber::parse);
        return rules;
    }

    @Test
    void newRulesReportBlankInputWithTheSharedCode() {
        rules().forEach((name, rule) -> {
            if (name.equals("identity number") || name.equals("credit code") || name.equals("phone")) {
                return; // written before problem codes: generic code
            }
            for (String blank : new String[]{null, "", "  ", "\u3000", "\u200B"}) {
                ParseResult<?> result = rule.parse(blank);
                assertThat(result.isEmptyInput()).as("%s of %s", name, blank).isTrue();
            }
        });
    }

    @Test
    void noInputMakesARuleThrow() {
        String alphabet = "0123456789０１２３-/.,:年月日号时分秒T Z+()（）万亿千百元¥￥约至~"
                + "〇零一二三四五六七八九十壹贰拾佰仟角整负·•．陳张 \u3000\u200B\uD842\uDFB7"
                + "福建省福州市鼓楼区东街道三牧坊社区五四路村镇乡号楼室#xXaA男女";
        SplittableRandom random = new SplittableRandom(20240102L);
        Map<String, StandardisationRule<?>> rules = rules();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(1, 24);
            for (int k = 0; k < length; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String raw = b.toString();
            rules.forEach((name, rule) -> {
                ParseResult<?> result = rule.parse(raw);
                assertThat(result).as("%s of %s", name, raw).isNotNull();
                if (!result.isValid()) {
                    assertThat(result.problemCode()).isNotBlank();
                    assertThat(result.problem()).isNotBlank();
                }
            });
        }
    }

    @Test
    void rulesAreFastEnoughForMillionsOfRows() {
        // Not a benchmark (that belongs in banyan-bench): a guard against accidental quadratic work.
        String[] dates = {"2024-01-02", "2024/1/2", "20240102", "2024年1月2日", "2024.01.02"};
        String[] amounts = {"1,234.56", "12.5万", "3亿元", "1234.5元"};
        String[] names = {"陈伟", "陳 偉", "买买提•艾力"};
        String[] addresses = {"福建省福州市鼓楼区鼓东街道五四路158号融侨花园3座1203室", "鼓楼区鼓东街道三牧坊社区五四路158号3-1203"};
        AddressParser parser = AddressParser.fuzhou();
        long start = System.nanoTime();
        int valid = 0;
        for (int n = 0; n < 20_000; n++) {
            valid += DateValue.standard().parse(dates[n % dates.length]).isValid() ? 1 : 0;
            valid += AmountValue.yuan().parse(amounts[n % amounts.length]).isValid() ? 1 : 0;
            valid += PersonName.parse(names[n % names.length]).isValid() ? 1 : 0;
            valid += parser.parse(addresses[n % addresses.length]).isValid() ? 1 : 0;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(valid).isEqualTo(80_000);
        assertThat(millis).as("80,000 values in %d ms", millis).isLessThan(20_000);
    }
}
