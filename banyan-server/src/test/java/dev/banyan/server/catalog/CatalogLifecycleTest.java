package dev.banyan.server.catalog;

import static dev.banyan.server.catalog.CatalogFixtures.ADMIN;
import static dev.banyan.server.catalog.CatalogFixtures.complete;
import static dev.banyan.server.catalog.CatalogFixtures.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.platform.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lifecycle liaison drafts → chief data officer submits → administrator publishes, and who may do what. */
@BanyanServerTest
class CatalogLifecycleTest {

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    Dept civil;
    Dept other;

    @BeforeEach
    void departments() {
        civil = CatalogFixtures.department(directory, "榕城市民政局（目录测试）");
        other = CatalogFixtures.department(directory, "榕城市其他局（目录测试）");
    }

    private Resource drafted(String serial) {
        return catalog.draft(civil.liaison(), complete(civil, serial, "婚姻登记信息", "Marriage registrations",
                List.of(field("男方公民身份号码", "DE0001"), field("登记日期", "DE0028"))));
    }

    @Test
    void liaisonDraftsChiefDataOfficerSubmitsAdministratorPublishes() {
        Resource draft = drafted("001");
        assertThat(draft.status()).isEqualTo(ResourceStatus.DRAFT);
        assertThat(draft.version()).isEqualTo(1);

        Resource submitted = catalog.submit(civil.cdo(), draft.id());
        assertThat(submitted.status()).isEqualTo(ResourceStatus.PENDING_REVIEW);

        Resource published = catalog.publish(ADMIN, draft.id(), "资料齐全");
        assertThat(published.status()).isEqualTo(ResourceStatus.PUBLISHED);
        assertThat(published.version()).isEqualTo(3);

        List<ResourceVersion> history = catalog.versions(draft.id());
        assertThat(history).extracting(ResourceVersion::action).containsExactly("published", "submitted", "created");
        assertThat(history.get(0).actor()).isEqualTo("test.admin");
        assertThat(history.get(0).reason()).isEqualTo("资料齐全");
        assertThat(history.get(0).changes()).contains(new FieldDiff("status", "PENDING_REVIEW", "PUBLISHED"));
        assertThat(history.get(2).changes()).contains(new FieldDiff("fields[男方公民身份号码].dataElement", null, "DE0001"));

        Resource retired = catalog.retire(civil.cdo(), draft.id(), "业务系统停用");
        assertThat(retired.status()).isEqualTo(ResourceStatus.RETIRED);
        assertThat(catalog.versions(draft.id())).hasSize(4);
        assertThatThrownBy(() -> catalog.update(ADMIN, draft.id(), retired.toDraft(), "改")).hasFieldOrPropertyWithValue("field", "status");
    }

    @Test
    void everyRoleMayDoOnlyItsOwnPart() {
        Resource draft = drafted("002");
        assertThatThrownBy(() -> catalog.submit(civil.liaison(), draft.id())).isInstanceOf(CatalogPermissionException.class);
        assertThatThrownBy(() -> catalog.submit(other.cdo(), draft.id())).isInstanceOf(CatalogPermissionException.class);
        assertThatThrownBy(() -> catalog.update(other.liaison(), draft.id(), draft.toDraft(), null))
                .isInstanceOf(CatalogPermissionException.class);
        assertThatThrownBy(() -> catalog.draft(other.liaison(), complete(civil, "003", "越权", "Other", List.of())))
                .isInstanceOf(CatalogPermissionException.class);
        CatalogActor developer = new CatalogActor("dev", civil.id(), Set.of(Role.DEPARTMENT_DEVELOPER));
        assertThatThrownBy(() -> catalog.draft(developer, complete(civil, "004", "开发者", "Dev", List.of())))
                .isInstanceOf(CatalogPermissionException.class);

        catalog.submit(civil.cdo(), draft.id());
        assertThatThrownBy(() -> catalog.publish(civil.cdo(), draft.id(), null)).isInstanceOf(CatalogPermissionException.class);
        assertThatThrownBy(() -> catalog.update(civil.liaison(), draft.id(), draft.toDraft(), "改"))
                .isInstanceOf(CatalogPermissionException.class);
        catalog.publish(ADMIN, draft.id(), null);
        assertThatThrownBy(() -> catalog.retire(civil.liaison(), draft.id(), "停用")).isInstanceOf(CatalogPermissionException.class);
        assertThat(catalog.get(draft.id()).version()).isEqualTo(3);
    }

    @Test
    void administratorReturnsWithCommentsAndEditsPublishedResourcesWithAReason() {
        Resource draft = drafted("005");
        catalog.submit(civil.cdo(), draft.id());
        assertThatThrownBy(() -> catalog.returnForRevision(ADMIN, draft.id(), " ")).hasFieldOrPropertyWithValue("field", "comment");
        Resource returned = catalog.returnForRevision(ADMIN, draft.id(), "请补充共享条件");
        assertThat(returned.status()).isEqualTo(ResourceStatus.DRAFT);
        assertThat(returned.reviewComment()).isEqualTo("请补充共享条件");

        ResourceDraft conditional = CatalogFixtures.withShare(returned.toDraft(), ShareType.CONDITIONAL, "仅用于婚姻状况核验", null);
        Resource edited = catalog.update(civil.liaison(), draft.id(), conditional, "按意见修改");
        assertThat(catalog.versions(draft.id()).get(0).changes()).containsExactly(
                new FieldDiff("shareType", "UNCONDITIONAL", "CONDITIONAL"),
                new FieldDiff("shareConditions", null, "仅用于婚姻状况核验"));
        catalog.submit(civil.cdo(), edited.id());
        catalog.publish(ADMIN, edited.id(), null);

        ResourceDraft renamed = CatalogFixtures.withFields(edited.toDraft(), List.of(field("男方公民身份号码", "DE0001"),
                field("登记日期", "DE0004")));
        assertThatThrownBy(() -> catalog.update(ADMIN, edited.id(), renamed, null)).hasFieldOrPropertyWithValue("field", "reason");
        catalog.update(ADMIN, edited.id(), renamed, "数据元更正");
        ResourceVersion last = catalog.versions(edited.id()).get(0);
        assertThat(last.changes()).containsExactly(new FieldDiff("fields[登记日期].dataElement", "DE0028", "DE0004"));
        assertThat(last.reason()).isEqualTo("数据元更正");
        assertThat(catalog.get(edited.id()).status()).isEqualTo(ResourceStatus.PUBLISHED);
    }

    @Test
    void refusesBadInputAndChangesNothing() {
        Resource first = drafted("006");
        assertInvalid(() -> drafted("006"), "code", "error.catalog.code.taken");
        assertInvalid(() -> catalog.draft(civil.liaison(), complete(civil, "007", "坏", "Bad", List.of(field("证件号", "DE9999")))),
                "fields[0].dataElement", "error.catalog.element.unknown");
        assertInvalid(() -> catalog.draft(civil.liaison(), CatalogFixtures.withShare(complete(civil, "008", "不共享", "Not shared",
                List.of()), ShareType.NOT_SHARED, null, " ")), "shareLegalBasis", "error.catalog.share.legalBasis");
        assertInvalid(() -> catalog.draft(civil.liaison(), CatalogFixtures.withShare(complete(civil, "009", "有条件", "Conditional",
                List.of()), ShareType.CONDITIONAL, null, null)), "shareConditions", "error.catalog.share.conditions");
        ResourceDraft wrongProvider = complete(civil, "010", "别人的代码", "Other's code", List.of());
        assertInvalid(() -> catalog.draft(civil.liaison(), new ResourceDraft(wrongProvider.code().replace(civil.creditCode(),
                other.creditCode()), "别人", null, civil.id(), null, null, null, null, null, null, null, null, null, null, null,
                List.of())), "code", "error.catalog.code.provider");
        assertInvalid(() -> catalog.draft(civil.liaison(), new ResourceDraft("12-34", "坏代码", null, civil.id(), null, null, null,
                null, null, null, null, null, null, null, null, List.of())), "code", "error.catalog.code.format");
        assertInvalid(() -> catalog.draft(civil.liaison(), complete(civil, "011", "重复信息项", "Twice",
                List.of(field("姓名", "DE0002"), field("姓名", null)))), "fields[1].name", "error.catalog.field.duplicate");

        // Every problem of a draft is reported at once, not only the first one found.
        ResourceDraft manyMistakes = CatalogFixtures.withShare(complete(civil, "016", "多处错误", "Several mistakes",
                List.of(field("证件号", "DE9999"), field("证件号", "DE0001"), field(" ", null))), ShareType.NOT_SHARED, null, null);
        assertThatThrownBy(() -> catalog.draft(civil.liaison(), manyMistakes)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::field, InputProblem::messageCode).containsExactly(
                        tuple("shareLegalBasis", "error.catalog.share.legalBasis"),
                        tuple("fields[0].dataElement", "error.catalog.element.unknown"),
                        tuple("fields[1].name", "error.catalog.field.duplicate"),
                        tuple("fields[2].name", "error.required")));

        // A bare draft is fine, but cannot be submitted before the reviewer's required metadata is there.
        Resource bare = catalog.draft(civil.liaison(), new ResourceDraft("101001-" + civil.creditCode() + "-012", "只有名称", null,
                civil.id(), null, null, null, null, null, null, null, null, null, null, null, List.of()));
        assertThatThrownBy(() -> catalog.submit(civil.cdo(), bare.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::field).containsExactly(
                        "nameEn", "summary", "format", "sourceSystem", "domain", "updateCycle", "fields"));
        assertThat(catalog.get(bare.id()).status()).isEqualTo(ResourceStatus.DRAFT);
        assertThat(catalog.get(bare.id()).version()).isEqualTo(1);
        assertThat(catalog.ofProvider(civil.id())).extracting(Resource::id).containsExactlyInAnyOrder(first.id(), bare.id());
    }

    @Test
    void refusesToPublishWithoutTheRequiredMetadata() {
        Resource draft = drafted("015");
        catalog.submit(civil.cdo(), draft.id());
        ResourceDraft d = draft.toDraft();
        ResourceDraft noSummary = new ResourceDraft(d.code(), d.nameZh(), d.nameEn(), d.providerId(), " ", d.domain(), d.format(),
                d.updateCycle(), d.sourceSystem(), d.releaseDate(), d.shareType(), d.shareConditions(), d.shareLegalBasis(),
                d.openType(), d.grade(), d.fields());
        catalog.update(ADMIN, draft.id(), noSummary, "摘要待重写");
        assertInvalid(() -> catalog.publish(ADMIN, draft.id(), null), "summary", "error.catalog.publish.missing");
        assertThat(catalog.get(draft.id()).status()).isEqualTo(ResourceStatus.PENDING_REVIEW);
    }

    @Test
    void aResourceKeepsItsCodeWhenItsDepartmentsCreditCodeIsCorrected() {
        Dept d = CatalogFixtures.department(directory, "榕城市改码测试局");
        Resource draft = catalog.draft(d.liaison(), complete(d, "001", "改码前登记", "Before the correction", List.of(field("姓名", "DE0002"))));
        var dept = d.department();
        String corrected = CatalogFixtures.creditCode(9_000 + (int) dept.id());
        directory.update("test.admin", dept.id(), new dev.banyan.server.identity.DepartmentChange(dept.nameZh(), dept.nameEn(),
                corrected, dept.level(), dept.parentId()));

        Resource edited = catalog.update(d.liaison(), draft.id(), CatalogFixtures.withShare(draft.toDraft(), ShareType.CONDITIONAL,
                "仅用于核验", null), null);
        assertThat(edited.code()).isEqualTo(draft.code());
        catalog.submit(d.cdo(), draft.id());
        assertThat(catalog.suggestCode("101001", d.id())).isEqualTo("101001-" + corrected + "-001");
        // A new resource takes the corrected code.
        assertInvalid(() -> catalog.draft(d.liaison(), complete(d, "002", "旧代码", "Old code", List.of())), "code",
                "error.catalog.code.provider");
    }

    @Test
    void suggestsTheNextCodeOfAClassification() {
        drafted("013");
        assertThat(catalog.suggestCode("101001", civil.id())).isEqualTo("101001-" + civil.creditCode() + "-014");
        assertThat(catalog.suggestCode("201002", civil.id())).isEqualTo("201002-" + civil.creditCode() + "-001");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageCode()).isEqualTo(code);
        });
    }
}
