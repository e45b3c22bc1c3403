package dev.banyan.synthcity.economy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Names market entities the way Fuzhou's registry does (企业名称): 行政区划 + 字号 + 行业 + 组织形式, e.g.
 * 福州闽江源贸易有限公司; individual businesses as 鼓楼区林记面馆. Every name is unique in the city.
 */
final class EnterpriseNamer {

    private static final String BRAND_CHARACTERS =
            "鑫盛恒达华信隆源泰丰德兴福瑞祥宏昌利通海闽榕融嘉佳创新锦诚和鼎辉腾宇航星致远博优立东南中金天正永安康美百万众汇凯旭晟易睿捷聚合力成";
    private static final List<String> PLACE_BRANDS = List.of(
            "闽江源", "鼓山", "榕城", "海峡", "东南", "三山", "冶山", "乌山", "西湖", "左海", "马尾", "琅岐", "闽都", "榕树",
            "茉莉花", "坊巷", "于山", "屏山", "旗山", "青山", "福鼎", "闽越", "海西", "八闽", "福道", "闽侯", "江滨", "上下杭");

    private final Set<String> used = new HashSet<>();

    /** A trade name of two characters, a place-like word, or a surname with 记/氏. */
    String brand(SplittableRandom r, String ownerSurname) {
        double u = r.nextDouble();
        if (u < 0.62) {
            char a = BRAND_CHARACTERS.charAt(r.nextInt(BRAND_CHARACTERS.length()));
            char b;
            do {
                b = BRAND_CHARACTERS.charAt(r.nextInt(BRAND_CHARACTERS.length()));
            } while (b == a);
            return "" + a + b;
        }
        if (u < 0.85) {
            return PLACE_BRANDS.get(r.nextInt(PLACE_BRANDS.size()));
        }
        return ownerSurname + (r.nextBoolean() ? "记" : "氏");
    }

    /** A unique name; draws new trade names until the name is free. */
    Named name(EnterpriseKind kind, Industry industry, String districtName, String districtShort, String surname,
               SplittableRandom r) {
        for (int attempt = 0; ; attempt++) {
            String brand = brand(r, surname);
            if (attempt > 20) {
                brand = brand + BRAND_CHARACTERS.charAt(r.nextInt(BRAND_CHARACTERS.length()));
            }
            String full = compose(kind, industry, districtName, districtShort, brand, r);
            if (used.add(full)) {
                return new Named(brand, full);
            }
        }
    }

    private static String compose(EnterpriseKind kind, Industry industry, String districtName, String districtShort,
                                  String brand, SplittableRandom r) {
        return switch (kind) {
            case INDIVIDUAL_BUSINESS -> {
                String shop = industry.shopWords().get(r.nextInt(industry.shopWords().size()));
                boolean county = districtName.endsWith("县") || districtName.endsWith("市");
                yield (!county && r.nextDouble() < 0.25 ? "福州市" : "") + districtName + brand + shop;
            }
            case FARMERS_COOPERATIVE -> "福州市" + districtShort + brand
                    + List.of("茶叶专业合作社", "果蔬专业合作社", "水产养殖专业合作社", "食用菌专业合作社").get(r.nextInt(4));
            default -> {
                String word = industry.companyWords().get(r.nextInt(industry.companyWords().size()));
                String form = kind == EnterpriseKind.JOINT_STOCK ? "股份有限公司"
                        : r.nextDouble() < 0.1 ? "有限责任公司" : "有限公司";
                double u = r.nextDouble();
                if (u < 0.68) {
                    yield "福州" + brand + word + form;
                }
                if (u < 0.83) {
                    yield "福建" + brand + word + form;
                }
                if (u < 0.93) {
                    // district companies carry 福州市鼓楼区…; county companies just 闽侯县… or 福清市…
                    boolean county = districtName.endsWith("县") || districtName.endsWith("市");
                    yield (county ? "" : "福州市") + districtName + brand + word + form;
                }
                yield brand + "（福州）" + word + form;
            }
        };
    }

    record Named(String brand, String full) {
    }
}
