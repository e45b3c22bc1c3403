package dev.banyan.server.fuse.internal;

import dev.banyan.linkage.BlockingRule;
import dev.banyan.linkage.ComparatorKind;
import dev.banyan.linkage.FieldSpec;
import dev.banyan.linkage.LinkMode;
import dev.banyan.linkage.LinkSchema;
import dev.banyan.linkage.Thresholds;
import dev.banyan.server.fuse.EntityKind;
import java.util.List;

/**
 * The linkage schemes (链接方案) of the base libraries: deterministic on valid identity numbers and credit codes,
 * probabilistic on names (toneless pinyin, homophones), dates, sex, phones and addresses; blocking rules chosen so that
 * every true pair shares at least one small block. The fields are the linked {@link Attribute}s, in order.
 */
public final class LinkSchemas {

    private LinkSchemas() {
    }

    static LinkSchema of(EntityKind kind) {
        return kind == EntityKind.PERSON ? persons() : companies();
    }

    /** The person schema, the same for the server's base library and the linkage benchmark. */
    public static LinkSchema persons() {
        return new LinkSchema(List.of(
                new FieldSpec("name", ComparatorKind.NAME, false, true),
                new FieldSpec("id", ComparatorKind.IDENTITY_NUMBER, true, false),
                FieldSpec.of("birth", ComparatorKind.DATE),
                FieldSpec.of("sex", ComparatorKind.SEX),
                FieldSpec.of("phone", ComparatorKind.PHONE),
                FieldSpec.of("address", ComparatorKind.ADDRESS)),
                List.of(BlockingRule.parse("id"),
                        BlockingRule.parse("name:pinyin & birth:date"),
                        BlockingRule.parse("name:pinyin & id:head9"),
                        BlockingRule.parse("name:pinyin & id:tail9"),
                        BlockingRule.parse("name:pinyin & phone:last8"),
                        BlockingRule.parse("name:pinyin & address:numbers"),
                        BlockingRule.parse("birth:date & phone:last4"),
                        BlockingRule.parse("birth:date & address:numbers"),
                        BlockingRule.parse("name:initials & birth:date & sex")),
                Thresholds.standard(), LinkMode.DEDUPLICATE, 400);
    }

    static LinkSchema companies() {
        return new LinkSchema(List.of(
                new FieldSpec("name", ComparatorKind.STRING, false, true),
                new FieldSpec("uscc", ComparatorKind.CREDIT_CODE, true, false),
                FieldSpec.of("orgcode", ComparatorKind.EXACT),
                FieldSpec.of("address", ComparatorKind.ADDRESS),
                FieldSpec.of("phone", ComparatorKind.PHONE),
                FieldSpec.of("representative", ComparatorKind.NAME)),
                List.of(BlockingRule.parse("uscc"),
                        BlockingRule.parse("orgcode"),
                        BlockingRule.parse("name"),
                        BlockingRule.parse("uscc:tail9"),
                        BlockingRule.parse("name:prefix3 & phone:last8"),
                        BlockingRule.parse("address:numbers & phone:last4")),
                Thresholds.standard(), LinkMode.DEDUPLICATE, 400);
    }
}
