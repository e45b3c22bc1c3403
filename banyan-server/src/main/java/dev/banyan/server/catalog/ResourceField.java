package dev.banyan.server.catalog;

/**
 * One field of a resource (信息项): name, type and meaning, the data element it carries, whether it is
 * (sensitive) personal information, and its grade.
 *
 * @param dataElement   code of the {@link DataElement} the field carries, or null
 * @param authoritative the provider claims to be the authoritative source (权威来源) of this data element for
 *                      the element's subject; checked against {@link DataAuthorities} and recorded on publish
 */
public record ResourceField(String name, String type, String description, boolean key, String dataElement,
                            PersonalInformation personalInformation, DataGrade grade, boolean authoritative) {

    public ResourceField {
        personalInformation = personalInformation == null ? PersonalInformation.NONE : personalInformation;
        grade = grade == null ? DataGrade.GENERAL : grade;
    }

    /** Reads a field from JSON, where the flags may be left out (meaning no). */
    @com.fasterxml.jackson.annotation.JsonCreator
    static ResourceField fromJson(@com.fasterxml.jackson.annotation.JsonProperty("name") String name,
                                  @com.fasterxml.jackson.annotation.JsonProperty("type") String type,
                                  @com.fasterxml.jackson.annotation.JsonProperty("description") String description,
                                  @com.fasterxml.jackson.annotation.JsonProperty("key") Boolean key,
                                  @com.fasterxml.jackson.annotation.JsonProperty("dataElement") String dataElement,
                                  @com.fasterxml.jackson.annotation.JsonProperty("personalInformation") PersonalInformation personalInformation,
                                  @com.fasterxml.jackson.annotation.JsonProperty("grade") DataGrade grade,
                                  @com.fasterxml.jackson.annotation.JsonProperty("authoritative") Boolean authoritative) {
        return new ResourceField(name, type, description, Boolean.TRUE.equals(key), dataElement, personalInformation, grade,
                Boolean.TRUE.equals(authoritative));
    }
}
