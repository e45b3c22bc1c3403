package dev.banyan.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.ingest.QualityScore;
import dev.banyan.server.ingest.QuarantineProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows: keys, rejection, flags, cross-field checks, facts and the quality tally. */
class RowStandardiserTest {

    private static ResourceField field(String name, String type, String element, boolean key) {
        return new ResourceField(name, type, null, key, element, PersonalInformation.NONE, DataGrade.GENERAL, false);
    }

    private static final List<ResourceField> FIELDS = List.of(field("id", "string", null, true),
            field("姓名", "string", "DE0002", false), field("身份证", "string", "DE0001", false),
            field("生日", "date", "DE0004", false), field("性别", "string", "DE0003", false),
            field("电话", "string", "DE0006", false));

    private final RowStandardiser rows = new RowStandardiser(FIELDS, FieldStandards.fuzhou());

    @Test
    void aGoodRowIsKeptWithItsKeyAndFacts() {
        StandardRow row = rows.standardise(new String[] {"7", "張三", "350102198001010011", "1980-01-01", "男", "13800138000"},
                null, null);
        assertThat(row.rejected()).isFalse();
        assertThat(row.key()).isEqualTo("7");
        assertThat(row.flags()).isNull();
        assertThat(row.values()).startsWith("7", "张三", "350102198001010011", "1980-01-01", "1", "13800138000");
        // facts after the fields: name (original, suspicious), identity (birth date, sex, division)
        assertThat(rows.factSlots()).hasSize(5);
        assertThat(row.values()).hasSize(FIELDS.size() + 5).contains("張三", "350102");
    }

    @Test
    void aMissingKeyOrABadIdentifierRejectsTheRowOtherProblemsAreFlagged() {
        StandardRow noKey = rows.standardise(new String[] {" ", "张三", null, null, null, null}, null, null);
        assertThat(noKey.rejected()).isTrue();
        assertThat(noKey.problems()).extracting(QuarantineProblem::code).containsExactly(RowStandardiser.KEY_MISSING);
        assertThat(noKey.values()[1]).isEqualTo("张三");   // the raw values, for the quarantine

        StandardRow badId = rows.standardise(new String[] {"1", "张三", "350102198001010012", null, null, null}, null, null);
        assertThat(badId.rejected()).isTrue();
        assertThat(badId.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("身份证");
            assertThat(p.rejects()).isTrue();
        });

        StandardRow flagged = rows.standardise(new String[] {"1", "张三", "350102198001010011", "1981-01-01", "女", "x"},
                null, null);
        assertThat(flagged.rejected()).isFalse();
        assertThat(flagged.problems()).extracting(QuarantineProblem::code)
                .contains(RowStandardiser.BIRTH_DATE_MISMATCH, RowStandardiser.SEX_MISMATCH);
        assertThat(flagged.flags()).contains("电话").contains(RowStandardiser.BIRTH_DATE_MISMATCH);
        assertThat(flagged.values()[5]).isNull();
    }

    @Test
    void withoutKeyFieldsTheContentIsTheKey() {
        RowStandardiser keyless = new RowStandardiser(List.of(field("名称", "string", null, false)), FieldStandards.fuzhou());
        assertThat(keyless.hasKey()).isFalse();
        assertThat(keyless.standardise(new String[] {"a"}, "abcd", null).key()).isEqualTo("abcd");
    }

    @Test
    void theTallyScoresCompletenessValidityUniquenessAndConsistency() {
        QualityTally tally = new QualityTally(rows);
        rows.standardise(new String[] {"1", "张三", "350102198001010011", "1980-01-01", "男", "13800138000"}, null, tally);
        rows.standardise(new String[] {"2", "李四", "350102199002150029", "1990-02-16", "女", null}, null, tally);
        rows.standardise(new String[] {"3", "王五", "350102199002150020", null, null, null}, null, tally);
        QualityScore q = tally.score(2, 100);
        assertThat(tally.rows()).isEqualTo(3);
        assertThat(tally.rejected()).isEqualTo(1);
        assertThat(q.uniqueness()).isEqualTo(100.0);
        assertThat(q.consistency()).isEqualTo(75.0);          // 4 checks on the two kept rows, one birth date off
        assertThat(q.fields()).filteredOn(f -> f.field().equals("电话")).singleElement()
                .satisfies(f -> assertThat(f.completeness(3)).isCloseTo(33.3, org.assertj.core.data.Offset.offset(0.1)));
        assertThat(q.score()).isCloseTo(QualityScore.weighted(q.completeness(), q.validity(), q.uniqueness(),
                q.consistency(), q.timeliness()), org.assertj.core.data.Offset.offset(0.1));
    }
}
