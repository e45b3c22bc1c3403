package dev.banyan.synthcity.economy;

import java.util.List;

/**
 * Industry sections (行业门类) of GB/T 4754-2017 that Rongcheng's companies belong to, with the words their names
 * use, the shop words of individual businesses, a business scope and a wage level relative to the city median.
 */
public enum Industry {
    AGRICULTURE("A", "农、林、牧、渔业", 2, 0.75,
            List.of("农业发展", "生态农业", "茶业", "水产", "果蔬种植"), List.of("茶叶店", "水产店", "果蔬店"),
            "农作物种植；水产养殖；农产品初加工；农副产品销售"),
    MANUFACTURING("C", "制造业", 9, 0.95,
            List.of("食品", "电子", "机械", "服装", "鞋业", "家具", "塑料制品", "包装", "工艺品", "纺织"),
            List.of("加工厂", "服装加工店", "工艺品厂"),
            "食品生产；电子元器件制造；服装制造；塑料制品制造；工艺美术品制造"),
    CONSTRUCTION("E", "建筑业", 8, 1.05,
            List.of("建筑工程", "装饰工程", "建设工程", "市政工程", "园林绿化工程"), List.of("装修部", "水电安装部"),
            "建设工程施工；住宅室内装饰装修；市政设施管理；园林绿化工程施工"),
    WHOLESALE_RETAIL("F", "批发和零售业", 30, 0.9,
            List.of("贸易", "商贸", "百货", "食品贸易", "医疗器械", "五金", "建材", "汽车销售", "茶叶", "电子商务"),
            List.of("百货店", "便利店", "五金店", "水果店", "茶叶店", "服装店", "日杂店", "烟酒商行", "母婴用品店"),
            "日用百货销售；食品销售；五金产品零售；建筑材料销售；互联网销售"),
    TRANSPORT("G", "交通运输、仓储和邮政业", 5, 1.0,
            List.of("物流", "运输", "货运代理", "供应链管理", "渣土运输", "客运", "出租汽车"), List.of("货运部", "搬家服务部"),
            "道路货物运输；普通货物仓储服务；国内货物运输代理；城市建筑垃圾处置（清运）"),
    HOSPITALITY("H", "住宿和餐饮业", 8, 0.72,
            List.of("餐饮管理", "酒店管理", "餐饮", "小吃"), List.of("小吃店", "面馆", "餐馆", "快餐店", "饮品店", "鱼丸店"),
            "餐饮服务；住宿服务；餐饮管理；食品小作坊经营"),
    SOFTWARE("I", "信息传输、软件和信息技术服务业", 7, 1.6,
            List.of("网络科技", "信息技术", "软件", "科技", "数字科技"), List.of("电脑维修部", "手机维修店"),
            "软件开发；信息系统集成服务；网络技术服务；数据处理和存储支持服务"),
    FINANCE("J", "金融业", 1, 1.8,
            List.of("投资", "融资担保", "典当"), List.of("咨询服务部"),
            "以自有资金从事投资活动；融资咨询服务"),
    REAL_ESTATE("K", "房地产业", 3, 1.15,
            List.of("房地产开发", "物业管理", "房地产经纪"), List.of("房产中介", "房屋租赁服务部"),
            "房地产开发经营；物业管理；房地产经纪；住房租赁"),
    BUSINESS_SERVICES("L", "租赁和商务服务业", 10, 1.0,
            List.of("企业管理咨询", "广告", "文化传媒", "人力资源", "商务咨询"), List.of("广告部", "图文设计部", "复印店"),
            "企业管理咨询；广告设计、代理；会议及展览服务；人力资源服务"),
    RESEARCH("M", "科学研究和技术服务业", 4, 1.35,
            List.of("工程技术", "检测技术", "工程设计", "环保科技"), List.of("技术服务部"),
            "工程和技术研究和试验发展；检验检测服务；工程管理服务"),
    RESIDENT_SERVICES("O", "居民服务、修理和其他服务业", 6, 0.7,
            List.of("家政服务", "美容美发", "汽车维修", "洗衣"), List.of("理发店", "美容店", "汽车维修部", "洗衣店", "家电维修部"),
            "家政服务；美发饰品服务；机动车修理和维护；洗染服务"),
    EDUCATION("P", "教育", 2, 1.0,
            List.of("教育咨询", "培训"), List.of("托管中心", "书法培训部"),
            "教育咨询服务；文化艺术培训；体育培训"),
    HEALTH("Q", "卫生和社会工作", 1, 1.1,
            List.of("健康管理", "医疗管理", "养老服务"), List.of("诊所", "推拿店"),
            "健康咨询服务；养老服务；医疗服务"),
    CULTURE("R", "文化、体育和娱乐业", 3, 0.95,
            List.of("文化传播", "体育发展", "影视", "娱乐"), List.of("棋牌室", "健身房", "书店"),
            "组织文化艺术交流活动；体育赛事策划；电影摄制服务");

    private final String code;
    private final String chinese;
    private final double share;
    private final double wageLevel;
    private final List<String> companyWords;
    private final List<String> shopWords;
    private final String scope;

    Industry(String code, String chinese, double share, double wageLevel, List<String> companyWords,
             List<String> shopWords, String scope) {
        this.code = code;
        this.chinese = chinese;
        this.share = share;
        this.wageLevel = wageLevel;
        this.companyWords = companyWords;
        this.shopWords = shopWords;
        this.scope = scope;
    }

    /** The GB/T 4754 section letter. */
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    double share() {
        return share;
    }

    public double wageLevel() {
        return wageLevel;
    }

    public List<String> companyWords() {
        return companyWords;
    }

    public List<String> shopWords() {
        return shopWords;
    }

    /** A typical business scope (经营范围) text. */
    public String scope() {
        return scope;
    }
}
