package dev.banyan.synthcity.economy;

/** The registered type of a market entity (市场主体类型) and its GB 32100 category digit. */
public enum EnterpriseKind {
    LIMITED_NATURAL_PERSONS("有限责任公司（自然人投资或控股）", '1'),
    LIMITED_SOLE_SHAREHOLDER("有限责任公司（自然人独资）", '1'),
    JOINT_STOCK("股份有限公司（非上市、自然人投资或控股）", '1'),
    INDIVIDUAL_BUSINESS("个体工商户", '2'),
    FARMERS_COOPERATIVE("农民专业合作社", '3');

    private final String chinese;
    private final char category;

    EnterpriseKind(String chinese, char category) {
        this.chinese = chinese;
        this.category = category;
    }

    public String chinese() {
        return chinese;
    }

    /** The second character of the unified social credit code under registration authority 9 (工商). */
    public char category() {
        return category;
    }

    public boolean isCompany() {
        return category == '1';
    }
}
