package dev.banyan.synthcity.people;

/**
 * Ethnic group (民族) with its GB 3304 code. Fujian's largest minority is the She (畲族), which lives in the hills of
 * Luoyuan, Lianjiang and Fu'an.
 */
public enum Ethnicity {
    HAN("01", "汉族", 98.55),
    SHE("22", "畲族", 0.70),
    HUI("03", "回族", 0.20),
    MIAO("06", "苗族", 0.15),
    TUJIA("15", "土家族", 0.15),
    MAN("11", "满族", 0.10),
    ZHUANG("08", "壮族", 0.10),
    MONGOL("02", "蒙古族", 0.05);

    private final String code;
    private final String chinese;
    private final double percent;

    Ethnicity(String code, String chinese, double percent) {
        this.code = code;
        this.chinese = chinese;
        this.percent = percent;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    double percent() {
        return percent;
    }
}
