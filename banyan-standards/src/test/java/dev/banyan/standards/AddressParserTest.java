package dev.banyan.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressParserTest {

    private static final AddressParser FUZHOU = AddressParser.fuzhou();
    private static final AddressParser NATIONWIDE = AddressParser.nationwide();

    private static ChineseAddress parsed(AddressParser parser, String raw) {
        ParseResult<ChineseAddress> result = parser.parse(raw);
        assertThat(result.problem()).as(raw).isNull();
        return result.value();
    }

    private static String rejected(AddressParser parser, String raw, String code) {
        ParseResult<ChineseAddress> result = parser.parse(raw);
        assertThat(result.isValid()).as("%s should be rejected", raw).isFalse();
        assertThat(result.problemCode()).as("problem code of %s: %s", raw, result.problem()).isEqualTo(code);
        return result.problem();
    }

    @Nested
    class TheSyntheticCitysStyles {

        @Test
        void full() {
            ChineseAddress a = parsed(FUZHOU, "福建省福州市鼓楼区鼓东街道五四路158号融侨花园3座1203室");
            assertThat(a.province()).isEqualTo("福建省");
            assertThat(a.prefecture()).contains("福州市");
            assertThat(a.county()).contains("鼓楼区");
            assertThat(a.divisionCode()).isEqualTo("350102");
            assertThat(a.currentDivisionCode()).contains("350102");
            assertThat(a.isRetiredDivision()).isFalse();
            assertThat(a.township()).contains("鼓东街道");
            assertThat(a.townshipCode()).contains("350102001");
            assertThat(a.community()).isEmpty();
            assertThat(a.road()).contains("五四路");
            assertThat(a.number()).contains("158号");
            assertThat(a.rest()).contains("融侨花园3座1203室");
            assertThat(a.standardText()).isEqualTo("福建省福州市鼓楼区鼓东街道五四路158号融侨花园3座1203室");
            assertThat(a.original()).isEqualTo("福建省福州市鼓楼区鼓东街道五四路158号融侨花园3座1203室");
            assertThat(a.gridCell()).isEmpty();
        }

        @Test
        void city() {
            ChineseAddress a = parsed(FUZHOU, "福州市鼓楼区五四路158号融侨花园3号楼1203室");
            assertThat(a.divisionCode()).isEqualTo("350102");
            assertThat(a.township()).isEmpty();
            assertThat(a.road()).contains("五四路");
            assertThat(a.number()).contains("158号");
            assertThat(a.rest()).contains("融侨花园3号楼1203室");
            assertThat(a.standardText()).isEqualTo("福建省福州市鼓楼区五四路158号融侨花园3号楼1203室");
        }

        @Test
        void compound() {
            ChineseAddress a = parsed(FUZHOU, "鼓楼区融侨花园3#1203");
            assertThat(a.divisionCode()).isEqualTo("350102");
            assertThat(a.province()).isEqualTo("福建省");
            assertThat(a.prefecture()).contains("福州市");
            assertThat(a.road()).isEmpty();
            assertThat(a.number()).isEmpty();
            assertThat(a.rest()).contains("融侨花园3#1203");
            assertThat(a.standardText()).isEqualTo("福建省福州市鼓楼区融侨花园3#1203");
        }

        @Test
        void community() {
            ChineseAddress a = parsed(FUZHOU, "鼓楼区鼓东街道三牧坊社区五四路158号3-1203");
            assertThat(a.townshipCode()).contains("350102001");
            assertThat(a.community()).contains("三牧坊社区");
            assertThat(a.communityCode()).contains("350102001001");
            assertThat(a.road()).contains("五四路");
            assertThat(a.number()).contains("158号");
            assertThat(a.rest()).contains("3-1203");
        }

        @Test
        void villageHouses() {
            ChineseAddress full = parsed(FUZHOU, "福建省福州市闽侯县上街镇侯官村12号");
            assertThat(full.divisionCode()).isEqualTo("350121");
            assertThat(full.township()).contains("上街镇");
            assertThat(full.community()).contains("侯官村");
            assertThat(full.communityCode()).hasValueSatisfying(c -> assertThat(c).startsWith("350121").hasSize(12));
            assertThat(full.road()).isEmpty();
            assertThat(full.number()).contains("12号");
            assertThat(full.rest()).isEmpty();
            assertThat(parsed(FUZHOU, "闽侯县上街镇侯官村12号").communityCode()).isEqualTo(full.communityCode());
            assertThat(parsed(FUZHOU, "福州市闽侯县上街镇侯官村12号").communityCode()).isEqualTo(full.communityCode());
        }

        /**
         * Every community of the gazetteer in each style of banyan-synthcity's {@code Address.text}, with a made-up
         * road, number, compound, building and room.
         */
        @Test
        void everyCommunityInEveryStyle() {
            AdministrativeDivisions divisions = AdministrativeDivisions.load();
            Gazetteer gazetteer = Gazetteer.fuzhou();
            int checked = 0;
            for (Division d : divisions.childrenOf("350100")) {
                for (Township t : gazetteer.townships(d.code())) {
                    for (Community c : gazetteer.communities(t.code())) {
                        boolean village = c.name().endsWith("村");
                        String district = d.name();
                        String full;
                        String city;
                        String compound;
                        String civil;
                        if (village) {
                            full = "福建省福州市" + district + t.name() + c.name() + "7号";
                            city = "福州市" + district + t.name() + c.name() + "7号";
                            compound = district + t.name() + c.name() + "7号";
                            civil = district + t.name() + c.name() + "7号";
                        } else {
                            full = "福建省福州市" + district + t.name() + "榕城路58号阳光花园2座1203室";
                            city = "福州市" + district + "榕城路58号阳光花园2号楼1203室";
                            compound = district + "阳光花园2#1203";
                            civil = district + t.name() + c.name() + "榕城路58号2-1203";
                        }
                        for (String raw : new String[]{full, city, compound, civil}) {
                            ChineseAddress a = parsed(FUZHOU, raw);
                            assertThat(a.divisionCode()).as(raw).isEqualTo(d.code());
                            assertThat(a.standardText()).as(raw).startsWith("福建省福州市" + district);
                            if (raw.contains(t.name())) {
                                assertThat(a.townshipCode()).as(raw).contains(t.code());
                            }
                            if (raw.contains(c.name())) {
                                assertThat(a.communityCode()).as(raw).contains(c.code());
                            }
                            if (village) {
                                assertThat(a.number()).as(raw).contains("7号");
                            } else if (raw.contains("榕城路")) {
                                assertThat(a.road()).as(raw).contains("榕城路");
                                assertThat(a.number()).as(raw).contains("58号");
                            }
                            checked++;
                        }
                    }
                }
            }
            assertThat(checked).isEqualTo(387 * 4);
        }
    }

    @Nested
    class Divisions {

        @ParameterizedTest
        @CsvSource({
                "鼓楼区, 350102", "台江区, 350103", "仓山区, 350104", "马尾区, 350105", "晋安区, 350111",
                "长乐区, 350112", "闽侯县, 350121", "连江县, 350122", "罗源县, 350123", "闽清县, 350124",
                "永泰县, 350125", "平潭县, 350128", "福清市, 350181"
        })
        void everyDistrictOfFuzhouAlone(String district, String code) {
            assertThat(parsed(FUZHOU, district + "某某路1号").divisionCode()).isEqualTo(code);
            assertThat(parsed(FUZHOU, "福州市" + district).divisionCode()).isEqualTo(code);
            assertThat(parsed(NATIONWIDE, "福建省福州市" + district).divisionCode()).isEqualTo(code);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "福建省福州市鼓楼区五四路1号", "福建福州鼓楼区五四路1号", "福州鼓楼区五四路1号", "福州市鼓楼五四路1号",
                "福州鼓楼五四路1号", "鼓楼五四路1号", "中国福建省福州市鼓楼区五四路1号", "中华人民共和国福建省福州市鼓楼区五四路1号",
                "福建省 福州市 鼓楼区 五四路 1 号", "福建省福州市鼓樓區五四路1號", "鼓楼区五四路１号", "福州市鼓楼区五四路1号 "
        })
        void prefixesStemsSpacesAndScripts(String raw) {
            ChineseAddress a = parsed(FUZHOU, raw);
            assertThat(a.divisionCode()).isEqualTo("350102");
            assertThat(a.road()).contains("五四路");
            assertThat(a.number()).contains("1号");
            assertThat(a.standardText()).isEqualTo("福建省福州市鼓楼区五四路1号");
            assertThat(a.original()).isEqualTo(raw);
        }

        @Test
        void historicalDistrictNames() {
            ChineseAddress changle = parsed(FUZHOU, "福建省福州市长乐市吴航街道12号");
            assertThat(changle.county()).contains("长乐市");
            assertThat(changle.divisionCode()).isEqualTo("350182");
            assertThat(changle.currentDivisionCode()).contains("350112");
            assertThat(changle.isRetiredDivision()).isTrue();
            assertThat(changle.townshipCode()).as("gazetteer of today's 长乐区").contains("350112001");
            assertThat(changle.standardText()).isEqualTo("福建省福州市长乐区吴航街道12号");

            ChineseAddress county = parsed(FUZHOU, "长乐县吴航街道12号");
            assertThat(county.divisionCode()).isEqualTo("350126");
            assertThat(county.currentDivisionCode()).contains("350112");

            ChineseAddress suburb = parsed(FUZHOU, "福州市郊区王庄街道");
            assertThat(suburb.county()).contains("郊区");
            assertThat(suburb.divisionCode()).isEqualTo("350111");
            assertThat(suburb.isRetiredDivision()).as("the code was reused by 晋安区").isFalse();
            assertThat(suburb.townshipCode()).contains("350111002");
            assertThat(suburb.standardText()).isEqualTo("福建省福州市晋安区王庄街道");

            // 长乐市 was also the name of 359011 for one revision (1994); that code has no successor.
            assertThat(parsed(NATIONWIDE, "福建省长乐市吴航街道").divisionCode()).isEqualTo("350182");

            ChineseAddress fuqing = parsed(FUZHOU, "福清县音西街道");
            assertThat(fuqing.divisionCode()).isEqualTo("350127");
            assertThat(fuqing.currentDivisionCode()).contains("350181");
        }

        @Test
        void changesAfter2019() {
            ChineseAddress longhai = parsed(NATIONWIDE, "福建省漳州市龙海市石码街道1号");
            assertThat(longhai.divisionCode()).isEqualTo("350681");
            assertThat(longhai.currentDivisionCode()).contains("350604");
            assertThat(longhai.standardText()).startsWith("福建省漳州市龙海区");
            ChineseAddress newDistrict = parsed(NATIONWIDE, "福建省漳州市龙海区石码街道1号");
            assertThat(newDistrict.divisionCode()).isEqualTo("350604");
            assertThat(newDistrict.isRetiredDivision()).isFalse();
        }

        @Test
        void otherCitiesAndMunicipalities() {
            ChineseAddress beijing = parsed(NATIONWIDE, "北京市朝阳区建国路88号");
            assertThat(beijing.divisionCode()).isEqualTo("110105");
            assertThat(beijing.prefecture()).isEmpty();
            assertThat(beijing.standardText()).isEqualTo("北京市朝阳区建国路88号");
            assertThat(parsed(NATIONWIDE, "北京朝阳区建国路88号").divisionCode()).isEqualTo("110105");
            assertThat(parsed(NATIONWIDE, "江苏省南京市鼓楼区中山路1号").divisionCode()).isEqualTo("320106");
            assertThat(parsed(NATIONWIDE, "南京市鼓楼区中山路1号").divisionCode()).isEqualTo("320106");
            assertThat(parsed(FUZHOU, "厦门市思明区中山路1号").divisionCode()).isEqualTo("350203");
            assertThat(parsed(FUZHOU, "思明区中山路1号").divisionCode())
                    .as("not in Fuzhou, but unique in its province").isEqualTo("350203");
            ChineseAddress xiantao = parsed(NATIONWIDE, "湖北省仙桃市干河街道1号");
            assertThat(xiantao.divisionCode()).isEqualTo("429004");
            assertThat(xiantao.prefecture()).isEmpty();
            assertThat(xiantao.standardText()).isEqualTo("湖北省仙桃市干河街道1号");
        }

        @Test
        void aCityWithoutCounties() {
            ChineseAddress dongguan = parsed(NATIONWIDE, "广东省东莞市南城街道鸿福路1号");
            assertThat(dongguan.divisionCode()).isEqualTo("441900");
            assertThat(dongguan.county()).isEmpty();
            assertThat(dongguan.prefecture()).contains("东莞市");
            assertThat(dongguan.township()).contains("南城街道");
            assertThat(dongguan.townshipCode()).isEmpty();
            assertThat(dongguan.road()).contains("鸿福路");
            assertThat(dongguan.standardText()).isEqualTo("广东省东莞市南城街道鸿福路1号");
        }

        @Test
        void aHomeCityWithoutCounties() {
            AddressParser dongguan = AddressParser.forCity("441900", Gazetteer.none());
            ChineseAddress a = parsed(dongguan, "南城街道鸿福路1号");
            assertThat(a.divisionCode()).isEqualTo("441900");
            assertThat(a.township()).contains("南城街道");
            assertThat(parsed(dongguan, "东莞市南城街道鸿福路1号").divisionCode()).isEqualTo("441900");
            assertThat(parsed(dongguan, "福州市鼓楼区五四路1号").divisionCode()).isEqualTo("350102");
        }

        @Test
        void theDistrictFoundFromItsTownshipOrCommunity() {
            ChineseAddress byTownship = parsed(FUZHOU, "福州市鼓东街道五四路1号");
            assertThat(byTownship.divisionCode()).isEqualTo("350102");
            assertThat(byTownship.townshipCode()).contains("350102001");
            ChineseAddress byCommunity = parsed(FUZHOU, "三牧坊社区五四路1号");
            assertThat(byCommunity.divisionCode()).isEqualTo("350102");
            assertThat(byCommunity.townshipCode()).contains("350102001");
            assertThat(byCommunity.communityCode()).contains("350102001001");
            assertThat(byCommunity.standardText()).isEqualTo("福建省福州市鼓楼区鼓东街道三牧坊社区五四路1号");
            // 马尾 is both a district and a town of that district: the town wins.
            ChineseAddress mawei = parsed(FUZHOU, "福州市马尾镇罗星路5号");
            assertThat(mawei.divisionCode()).isEqualTo("350105");
            assertThat(mawei.township()).contains("马尾镇");
        }

        @Test
        void communityWithoutItsTownship() {
            ChineseAddress a = parsed(FUZHOU, "鼓楼区三牧坊社区五四路1号");
            assertThat(a.township()).contains("鼓东街道");
            assertThat(a.communityCode()).contains("350102001001");
        }
    }

    @Nested
    class Parts {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "鼓楼区五四路158号|五四路|158号|",
                "鼓楼区五四路158-2号|五四路|158-2号|",
                "鼓楼区五四路158号之一|五四路|158号之一|",
                "鼓楼区五四路附8号|五四路|附8号|",
                "鼓楼区东街123号|东街|123号|",
                "鼓楼区南后街1号|南后街|1号|",
                "鼓楼区三坊七巷5号|三坊七巷|5号|",
                "鼓楼区温泉支路3号|温泉支路|3号|",
                "鼓楼区杨桥东路18号7座|杨桥东路|18号|7座",
                "鼓楼区五四路|五四路||",
                "鼓楼区融侨花园3号楼|||融侨花园3号楼",
                "鼓楼区金山工业区5号|||金山工业区5号"
        })
        void roadNumberAndRest(String raw, String road, String number, String rest) {
            ChineseAddress a = parsed(FUZHOU, raw);
            assertThat(a.road()).isEqualTo(Optional.ofNullable(road));
            assertThat(a.number()).isEqualTo(Optional.ofNullable(number));
            assertThat(a.rest()).isEqualTo(Optional.ofNullable(rest));
        }

        @Test
        void genericTownshipsAndCommunitiesWithoutAGazetteer() {
            ChineseAddress a = parsed(NATIONWIDE, "福建省福州市鼓楼区鼓东街道三牧坊社区居委会五四路158号");
            assertThat(a.township()).contains("鼓东街道");
            assertThat(a.townshipCode()).isEmpty();
            assertThat(a.community()).contains("三牧坊社区");
            assertThat(a.communityCode()).isEmpty();
            assertThat(a.road()).contains("五四路");
            ChineseAddress village = parsed(NATIONWIDE, "福建省福州市闽侯县上街镇侯官村委会12号");
            assertThat(village.township()).contains("上街镇");
            assertThat(village.community()).contains("侯官村");
            assertThat(village.number()).contains("12号");
            ChineseAddress estate = parsed(NATIONWIDE, "福建省福州市闽侯县上街镇金山新村5号");
            assertThat(estate.community()).as("新村 is a housing estate, not a village").isEmpty();
        }

        @Test
        void fullWidthAndTraditional() {
            ChineseAddress a = parsed(FUZHOU, "福州市鼓樓區鼓東街道五四路１５８號");
            assertThat(a.townshipCode()).contains("350102001");
            assertThat(a.number()).contains("158号");
            assertThat(a.standardText()).isEqualTo("福建省福州市鼓楼区鼓东街道五四路158号");
            assertThat(AddressParser.normalise("鼓樓區 五四路 １５８號")).isEqualTo("鼓楼区五四路158号");
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\u3000"})
        void blank(String raw) {
            assertThat(rejected(FUZHOU, raw, ParseResult.EMPTY)).isEqualTo("empty address");
        }

        @Test
        void noDistrict() {
            assertThat(rejected(FUZHOU, "福州市五四路158号", AddressParser.NO_DIVISION))
                    .isEqualTo("no district or county found in '福州市五四路158号'; start the address with its district"
                            + " or county, e.g. 福州市鼓楼区… or 鼓楼区…");
            rejected(FUZHOU, "五四路158号", AddressParser.NO_DIVISION);
            rejected(FUZHOU, "福建省", AddressParser.NO_DIVISION);
            rejected(NATIONWIDE, "北京市", AddressParser.NO_DIVISION);
            assertThat(rejected(NATIONWIDE, "some street 5", AddressParser.NO_DIVISION))
                    .endsWith("e.g. 福州市鼓楼区… or 北京市朝阳区…");
        }

        @Test
        void ambiguousDistrict() {
            assertThat(rejected(NATIONWIDE, "鼓楼区五四路1号", AddressParser.AMBIGUOUS_DIVISION))
                    .isEqualTo("'鼓楼区' in '鼓楼区五四路1号' could be any of 江苏省南京市鼓楼区, 江苏省徐州市鼓楼区,"
                            + " 福建省福州市鼓楼区, 河南省开封市鼓楼区; write the city (and province) before it");
            rejected(FUZHOU, "朝阳区建国路88号", AddressParser.AMBIGUOUS_DIVISION);
        }

        @Test
        void inconsistentLevels() {
            assertThat(rejected(FUZHOU, "福州市思明区中山路1号", AddressParser.INCONSISTENT))
                    .isEqualTo("'思明区' is not in 福建省福州市 (it is 福建省厦门市思明区); check the address '福州市思明区中山路1号'");
            assertThat(rejected(NATIONWIDE, "广东省福州市鼓楼区", AddressParser.INCONSISTENT))
                    .startsWith("'福州市' is not in 广东省");
            assertThat(rejected(FUZHOU, "鼓楼区王庄街道福新路1号", AddressParser.INCONSISTENT))
                    .isEqualTo("'王庄街道' is in 晋安区, not in 鼓楼区 ('鼓楼区王庄街道福新路1号')");
        }

        @Test
        void tooLong() {
            assertThat(rejected(FUZHOU, "鼓楼区" + "很".repeat(200), AddressParser.TOO_LONG))
                    .isEqualTo("address has 203 characters, more than 200; is it several fields run together?");
        }
    }

    @Nested
    class Configuration {

        @Test
        void gridLocatorHook() {
            AddressParser withGrid = FUZHOU.withGridLocator(a -> a.communityCode().map(c -> c + "001"));
            assertThat(withGrid.parse("鼓楼区鼓东街道三牧坊社区五四路1号").orThrow().gridCell()).contains("350102001001001");
            assertThat(withGrid.parse("鼓楼区五四路1号").orThrow().gridCell()).isEmpty();
            assertThat(FUZHOU.parse("鼓楼区鼓东街道三牧坊社区五四路1号").orThrow().gridCell()).isEmpty();
        }

        @Test
        void cityMustBeAPrefectureOrMunicipality() {
            assertThat(AddressParser.forCity("110000", Gazetteer.none()).parse("朝阳区建国路88号").orThrow().divisionCode())
                    .isEqualTo("110105");
            assertThat(AddressParser.forCity("320100", Gazetteer.none()).parse("鼓楼区中山路1号").orThrow().divisionCode())
                    .isEqualTo("320106");
            assertThatThrownBy(() -> AddressParser.forCity("350102", Gazetteer.none()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AddressParser.forCity("350000", Gazetteer.none()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AddressParser.forCity("999900", Gazetteer.none()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AddressParser.forCity(null, Gazetteer.none()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void valueSemantics() {
            ChineseAddress a = parsed(FUZHOU, "鼓楼区五四路1号");
            ChineseAddress b = parsed(FUZHOU, "鼓楼区五四路1号");
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(a).isNotEqualTo(parsed(FUZHOU, "福州市鼓楼区五四路1号"));
            assertThat(a.toString()).isEqualTo("福建省福州市鼓楼区五四路1号 [350102]");
        }
    }
}
