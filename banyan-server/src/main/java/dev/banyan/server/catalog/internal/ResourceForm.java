package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceDraft;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.UpdateCycle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The resource editor's form as typed; rows whose field name is empty are dropped. */
public class ResourceForm {

    /** Empty field rows offered below the existing ones. */
    static final int SPARE_ROWS = 4;

    private String code;
    private String nameZh;
    private String nameEn;
    private Long providerId;
    private String summary;
    private DataDomain domain;
    private String format;
    private UpdateCycle updateCycle;
    private String sourceSystem;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate releaseDate;
    private ShareType shareType = ShareType.UNCONDITIONAL;
    private String shareConditions;
    private String shareLegalBasis;
    private OpenType openType = OpenType.NOT_OPEN;
    private DataGrade grade = DataGrade.GENERAL;
    private String reason;
    private List<FieldRow> fields = new ArrayList<>();

    static ResourceForm of(Resource r) {
        ResourceForm f = new ResourceForm();
        f.code = r.code();
        f.nameZh = r.nameZh();
        f.nameEn = r.nameEn();
        f.providerId = r.providerId();
        f.summary = r.summary();
        f.domain = r.domain();
        f.format = r.format();
        f.updateCycle = r.updateCycle();
        f.sourceSystem = r.sourceSystem();
        f.releaseDate = r.releaseDate();
        f.shareType = r.shareType();
        f.shareConditions = r.shareConditions();
        f.shareLegalBasis = r.shareLegalBasis();
        f.openType = r.openType();
        f.grade = r.grade();
        for (ResourceField field : r.fields()) {
            f.fields.add(FieldRow.of(field));
        }
        return f;
    }

    /** Pads the field rows with empty ones to fill in. */
    ResourceForm withSpareRows() {
        for (int i = 0; i < SPARE_ROWS; i++) {
            fields.add(new FieldRow());
        }
        return this;
    }

    ResourceDraft toDraft() {
        List<ResourceField> list = fields.stream().filter(r -> r.getName() != null && !r.getName().isBlank())
                .map(FieldRow::toField).toList();
        return new ResourceDraft(code, nameZh, nameEn, providerId, summary, domain, format, updateCycle, sourceSystem,
                releaseDate, shareType, shareConditions, shareLegalBasis, openType, grade, list);
    }

    /** One row of the field table. */
    public static class FieldRow {
        private String name;
        private String type = "string";
        private String description;
        private boolean key;
        private String dataElement;
        private PersonalInformation personalInformation = PersonalInformation.NONE;
        private DataGrade grade = DataGrade.GENERAL;
        private boolean authoritative;

        static FieldRow of(ResourceField f) {
            FieldRow r = new FieldRow();
            r.name = f.name();
            r.type = f.type();
            r.description = f.description();
            r.key = f.key();
            r.dataElement = f.dataElement();
            r.personalInformation = f.personalInformation();
            r.grade = f.grade();
            r.authoritative = f.authoritative();
            return r;
        }

        ResourceField toField() {
            return new ResourceField(name, type, description, key, dataElement == null || dataElement.isBlank() ? null : dataElement,
                    personalInformation, grade, authoritative);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public boolean isKey() { return key; }
        public void setKey(boolean key) { this.key = key; }
        public String getDataElement() { return dataElement; }
        public void setDataElement(String dataElement) { this.dataElement = dataElement; }
        public PersonalInformation getPersonalInformation() { return personalInformation; }
        public void setPersonalInformation(PersonalInformation p) { this.personalInformation = p; }
        public DataGrade getGrade() { return grade; }
        public void setGrade(DataGrade grade) { this.grade = grade; }
        public boolean isAuthoritative() { return authoritative; }
        public void setAuthoritative(boolean authoritative) { this.authoritative = authoritative; }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public Long getProviderId() { return providerId; }
    public void setProviderId(Long providerId) { this.providerId = providerId; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public DataDomain getDomain() { return domain; }
    public void setDomain(DataDomain domain) { this.domain = domain; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public UpdateCycle getUpdateCycle() { return updateCycle; }
    public void setUpdateCycle(UpdateCycle updateCycle) { this.updateCycle = updateCycle; }
    public String getSourceSystem() { return sourceSystem; }
    public void setSourceSystem(String sourceSystem) { this.sourceSystem = sourceSystem; }
    public LocalDate getReleaseDate() { return releaseDate; }
    public void setReleaseDate(LocalDate releaseDate) { this.releaseDate = releaseDate; }
    public ShareType getShareType() { return shareType; }
    public void setShareType(ShareType shareType) { this.shareType = shareType; }
    public String getShareConditions() { return shareConditions; }
    public void setShareConditions(String shareConditions) { this.shareConditions = shareConditions; }
    public String getShareLegalBasis() { return shareLegalBasis; }
    public void setShareLegalBasis(String shareLegalBasis) { this.shareLegalBasis = shareLegalBasis; }
    public OpenType getOpenType() { return openType; }
    public void setOpenType(OpenType openType) { this.openType = openType; }
    public DataGrade getGrade() { return grade; }
    public void setGrade(DataGrade grade) { this.grade = grade; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public List<FieldRow> getFields() { return fields; }
    public void setFields(List<FieldRow> fields) { this.fields = fields; }
}
