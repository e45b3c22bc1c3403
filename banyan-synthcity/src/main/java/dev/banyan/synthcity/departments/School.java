package dev.banyan.synthcity.departments;

/**
 * A public school (学校) of one stage in one district.
 *
 * @param code       10-digit school identification code (学校标识码)
 * @param name       e.g. 鼓楼区第一中心小学
 * @param stage      0 primary (小学), 1 junior secondary (初级中学), 2 senior secondary (高级中学)
 * @param district   index of the district
 * @param creditCode unified social credit code of the school as a public institution (事业单位, category 12)
 */
record School(String code, String name, int stage, int district, String creditCode) {

    static final String[] STAGE_NAMES = {"小学", "初中", "高中"};
    static final String[] SCHOOL_TYPES = {"小学", "初级中学", "高级中学"};
}
