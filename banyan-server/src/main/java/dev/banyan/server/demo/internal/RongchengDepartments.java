package dev.banyan.server.demo.internal;

import dev.banyan.server.identity.DepartmentLevel;
import dev.banyan.standards.UnifiedSocialCreditCode;
import java.util.List;

/**
 * The departments of the synthetic city Rongcheng (榕城): the twelve that provide source data, the
 * big-data bureau that runs the platform, and one province, district and street office to show the levels.
 */
final class RongchengDepartments {

    /** One department as the demo registers it; {@code parent} is another entry's code or null. */
    record Entry(String code, String nameZh, String nameEn, DepartmentLevel level, String parent, boolean providesData) {

        /** A valid code of a government organ (机关: authority 1, category 1) registered in Fuzhou, derived from the position. */
        String creditCode(int position) {
            String division = switch (level) {
                case PROVINCE -> "350000";
                case CITY -> "350100";
                case COUNTY, TOWNSHIP -> "350102";
            };
            return UnifiedSocialCreditCode.of('1', '1', division, String.format("%08d", 3_500_100 + position)).value();
        }
    }

    static final List<Entry> ALL = List.of(
            new Entry("fujian-big-data", "福建省大数据管理局", "Fujian Provincial Big Data Administration", DepartmentLevel.PROVINCE, null, false),
            new Entry("big-data", "榕城市大数据管理局", "Rongcheng Big Data Bureau", DepartmentLevel.CITY, "fujian-big-data", false),
            new Entry("public-security", "榕城市公安局", "Rongcheng Public Security Bureau", DepartmentLevel.CITY, null, true),
            new Entry("market-regulation", "榕城市市场监督管理局", "Rongcheng Administration for Market Regulation", DepartmentLevel.CITY, null, true),
            new Entry("civil-affairs", "榕城市民政局", "Rongcheng Civil Affairs Bureau", DepartmentLevel.CITY, null, true),
            new Entry("human-resources", "榕城市人力资源和社会保障局", "Rongcheng Human Resources and Social Security Bureau", DepartmentLevel.CITY, null, true),
            new Entry("medical-insurance", "榕城市医疗保障局", "Rongcheng Healthcare Security Administration", DepartmentLevel.CITY, null, true),
            new Entry("real-estate", "榕城市不动产登记中心", "Rongcheng Real Estate Registration Center", DepartmentLevel.CITY, null, true),
            new Entry("housing", "榕城市住房和城乡建设局", "Rongcheng Housing and Urban-Rural Development Bureau", DepartmentLevel.CITY, null, true),
            new Entry("provident-fund", "榕城市住房公积金中心", "Rongcheng Housing Provident Fund Center", DepartmentLevel.CITY, null, true),
            new Entry("tax", "国家税务总局榕城市税务局", "Rongcheng Tax Service, State Taxation Administration", DepartmentLevel.CITY, null, true),
            new Entry("health", "榕城市卫生健康委员会", "Rongcheng Health Commission", DepartmentLevel.CITY, null, true),
            new Entry("education", "榕城市教育局", "Rongcheng Education Bureau", DepartmentLevel.CITY, null, true),
            new Entry("transport", "榕城市交通运输局", "Rongcheng Transport Bureau", DepartmentLevel.CITY, null, true),
            new Entry("gulou-district", "鼓楼区人民政府", "Gulou District Government", DepartmentLevel.COUNTY, null, false),
            new Entry("gudong-street", "鼓楼区鼓东街道办事处", "Gudong Sub-district Office, Gulou", DepartmentLevel.TOWNSHIP, "gulou-district", false));

    private RongchengDepartments() {
    }
}
