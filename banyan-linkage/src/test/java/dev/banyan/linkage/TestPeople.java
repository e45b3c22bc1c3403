package dev.banyan.linkage;

import java.util.ArrayList;
import java.util.List;

/** Small hand-made person records for the clustering, incremental and review tests. */
final class TestPeople {

    private TestPeople() {
    }

    static LinkSchema schema() {
        return new LinkSchema(List.of(
                new FieldSpec("name", ComparatorKind.NAME, false, false),
                new FieldSpec("id", ComparatorKind.IDENTITY_NUMBER, true, false),
                FieldSpec.of("birth", ComparatorKind.DATE),
                FieldSpec.of("phone", ComparatorKind.PHONE),
                FieldSpec.of("address", ComparatorKind.ADDRESS)),
                List.of(BlockingRule.parse("id"), BlockingRule.parse("name:pinyin"),
                        BlockingRule.parse("birth:date & phone:last4")),
                new Thresholds(0.9, 0.3), LinkMode.DEDUPLICATE, 100);
    }

    static LinkRecord person(String id, String name, String idNumber, String birth, String phone, String address) {
        return new LinkRecord(id, "test", List.of(name, idNumber, birth, phone, address));
    }

    /**
     * A population in which each of {@code people} persons has four records in different styles, with one typo or
     * missing value each, so that the model has something to learn from.
     */
    static List<LinkRecord> population(int people) {
        String[] surnames = {"陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许"};
        String[] given = {"伟", "芳", "建华", "秀英", "晓明", "丽娟", "志强", "美玲", "国庆", "海燕", "子轩", "雨涵", "俊杰",
            "婷婷", "文彬", "少华"};
        String[] roads = {"六一北路", "五四路", "杨桥东路", "下渡路", "福州大道", "乌山西路"};
        List<LinkRecord> out = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String name = surnames[p % surnames.length] + given[(p * 7 / surnames.length) % given.length];
            int year = 1950 + (p * 37) % 60;
            int month = 1 + (p * 5) % 12;
            int day = 1 + (p * 11) % 28;
            String id17 = String.format("350102%04d%02d%02d%03d", year, month, day, p % 1000);
            String id = id17 + dev.banyan.standards.CitizenIdNumber.checkCharacter(id17);
            String phone = String.format("1%02d%08d", 30 + p % 60, 10_000_000 + p * 7919 % 89_999_999);
            String address = "福州市鼓楼区" + roads[p % roads.length] + (p % 300 + 1) + "号" + (p % 9 + 1) + "号楼"
                    + (101 + p % 4) + "室";
            String birth = String.format("%04d-%02d-%02d", year, month, day);
            String key = String.format("P%05d", p);
            out.add(person(key + "-a", name, id, birth, phone, address));
            out.add(person(key + "-b", name, "", String.format("%04d年%d月%d日", year, month, day), phone,
                    address.replace("福州市", "")));
            out.add(person(key + "-c", name, id.substring(0, 17) + "0".repeat(1), birth.replace("-", ""), "", address));
            out.add(person(key + "-d", name, "", birth, "+86 " + phone, ""));
        }
        return out;
    }
}
