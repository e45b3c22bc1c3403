package dev.banyan.server.catalog;

/**
 * Whether a field holds personal information (个人信息), and which category of sensitive personal
 * information (敏感个人信息) of PIPL art. 28 it belongs to: 生物识别, 宗教信仰, 特定身份, 医疗健康, 金融账户,
 * 行踪轨迹, 不满十四周岁未成年人的个人信息. Independent of the field's {@link DataGrade}.
 */
public enum PersonalInformation {
    /** Not personal information. */
    NONE,
    /** 一般个人信息, e.g. a name or telephone number. */
    PERSONAL,
    /** 生物识别. */
    SENSITIVE_BIOMETRIC,
    /** 宗教信仰. */
    SENSITIVE_RELIGION,
    /** 特定身份, e.g. the citizen identity number. */
    SENSITIVE_IDENTITY,
    /** 医疗健康. */
    SENSITIVE_HEALTH,
    /** 金融账户. */
    SENSITIVE_FINANCIAL,
    /** 行踪轨迹. */
    SENSITIVE_WHEREABOUTS,
    /** 不满十四周岁未成年人的个人信息. */
    SENSITIVE_MINOR;

    public boolean isPersonal() {
        return this != NONE;
    }

    public boolean isSensitive() {
        return name().startsWith("SENSITIVE_");
    }
}
