package dev.banyan.synthcity.output;

/** What one record of a dataset is about (数据主体): what record linkage has to resolve it to. */
public enum Subject {
    PERSON("person"),
    COMPANY("company"),
    PERSON_OR_COMPANY("person|company"),
    HOUSEHOLD("household"),
    HOUSE("house"),
    VEHICLE("vehicle"),
    SCHOOL("school");

    private final String label;

    Subject(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether every record has a row in a ground-truth file. */
    public boolean hasGroundTruth() {
        return this == PERSON || this == COMPANY || this == PERSON_OR_COMPANY;
    }
}
