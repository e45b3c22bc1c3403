package dev.banyan.server.catalog;

import static dev.banyan.server.catalog.CatalogFixtures.ADMIN;
import static dev.banyan.server.catalog.CatalogFixtures.complete;
import static dev.banyan.server.catalog.CatalogFixtures.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.CatalogFixtures.Dept;
import dev.banyan.server.identity.DepartmentDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Demand requests: routed to the owner, answered within one working day of the Chinese calendar. */
@BanyanServerTest
class DemandListTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    DemandList demands;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    private static Instant china(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant();
    }

    private static LocalDate dueDay(Instant deadline) {
        ZonedDateTime due = deadline.atZone(CHINA);
        assertThat(due.toLocalTime()).isAfterOrEqualTo(java.time.LocalTime.of(23, 59, 59));
        return due.toLocalDate();
    }

    @Test
    void deadlinesSkipTheNationalDayHolidayAndCountAdjustedWorkingDays() {
        // Tuesday 30 September 2025 is the last working day before the holiday of 1–8 October.
        assertThat(dueDay(demands.deadlineFor(china("2025-09-30T16:30")))).isEqualTo(LocalDate.of(2025, 10, 9));
        // Filed during the holiday: due on the first working day after it.
        assertThat(dueDay(demands.deadlineFor(china("2025-10-03T09:00")))).isEqualTo(LocalDate.of(2025, 10, 9));
        // Friday 10 October: Saturday 11 October is an adjusted working day (调休), so it is due then.
        assertThat(dueDay(demands.deadlineFor(china("2025-10-10T10:00")))).isEqualTo(LocalDate.of(2025, 10, 11));
        // Filed on that working Saturday: due on Monday.
        assertThat(dueDay(demands.deadlineFor(china("2025-10-11T10:00")))).isEqualTo(LocalDate.of(2025, 10, 13));
        // Saturday 27 September: the next day, Sunday 28 September, is an adjusted working day.
        assertThat(dueDay(demands.deadlineFor(china("2025-09-27T10:00")))).isEqualTo(LocalDate.of(2025, 9, 28));
        // 16:30 UTC on Friday 10 October is already the working Saturday in China: due on Monday, not Saturday.
        assertThat(dueDay(demands.deadlineFor(Instant.parse("2025-10-10T16:30:00Z")))).isEqualTo(LocalDate.of(2025, 10, 13));
    }

    @Test
    void routesToTheOwnerWhoAnswersAndTheLateOnesStandOut() {
        Dept owner = CatalogFixtures.department(directory, "榕城市医保局（需求测试）");
        Dept asker = CatalogFixtures.department(directory, "榕城市民政局（需求测试）");
        Dept stranger = CatalogFixtures.department(directory, "榕城市其他局（需求测试）");
        Resource r = catalog.draft(owner.liaison(), complete(owner, "001", "医保参保信息", "Medical insurance enrolment",
                List.of(field("公民身份号码", "DE0001"))));
        catalog.submit(owner.cdo(), r.id());
        Resource published = catalog.publish(ADMIN, r.id(), null);

        DemandRequest request = demands.file(asker.liaison(), new NewDemand("参保状态", "低保审核", "《社会救助暂行办法》第十一条",
                published.id(), null));
        assertThat(request.ownerId()).isEqualTo(owner.id());
        assertThat(request.requesterId()).isEqualTo(asker.id());
        assertThat(request.deadline()).isEqualTo(demands.deadlineFor(request.filedAt()));
        assertThat(request.isOpen()).isTrue();

        assertThatThrownBy(() -> demands.answer(stranger.liaison(), request.id(),
                new DemandAnswer(DemandAnswerKind.REFUSED, null, null, "无"))).isInstanceOf(CatalogPermissionException.class);
        assertThatThrownBy(() -> demands.answer(owner.liaison(), request.id(),
                new DemandAnswer(DemandAnswerKind.REFUSED, null, null, " "))).hasFieldOrPropertyWithValue("field", "reason");
        assertThatThrownBy(() -> demands.answer(owner.liaison(), request.id(),
                new DemandAnswer(DemandAnswerKind.WILL_PUBLISH, null, LocalDate.of(2020, 1, 1), null)))
                .hasFieldOrPropertyWithValue("field", "publishBy");
        DemandRequest answered = demands.answer(owner.cdo(), request.id(),
                new DemandAnswer(DemandAnswerKind.USE_EXISTING, published.id(), null, "已发布，可申请共享"));
        assertThat(answered.answer()).isEqualTo(DemandAnswerKind.USE_EXISTING);
        assertThat(answered.isOverdue(Instant.now())).isFalse();
        assertThatThrownBy(() -> demands.answer(owner.cdo(), request.id(),
                new DemandAnswer(DemandAnswerKind.REFUSED, null, null, "改主意"))).hasFieldOrPropertyWithValue("field", "answer");
        assertThat(demands.aboutResource(published.id())).extracting(DemandRequest::id).contains(request.id());

        // Without a known owner the platform answers; filed long ago and unanswered, it is overdue.
        DemandRequest orphan = demands.fileAsOf(asker.cdo(), new NewDemand("殡葬补贴发放记录", "救助核查", "《社会救助暂行办法》",
                null, null), china("2025-09-30T10:00"));
        assertThat(orphan.ownerId()).isNull();
        assertThat(demands.overdue()).extracting(DemandRequest::id).contains(orphan.id());
        assertThatThrownBy(() -> demands.answer(owner.liaison(), orphan.id(),
                new DemandAnswer(DemandAnswerKind.REFUSED, null, null, "无"))).isInstanceOf(CatalogPermissionException.class);

        DemandRequest late = demands.fileAsOf(asker.liaison(), new NewDemand("缴费基数", "救助核查", "《社会救助暂行办法》",
                null, owner.id()), china("2025-09-30T10:00"));
        demands.answer(owner.liaison(), late.id(), new DemandAnswer(DemandAnswerKind.REFUSED, null, null,
                "《医疗保障基金使用监督管理条例》第二十四条：缴费信息仅用于医保经办"));
        DemandMetrics ownerFigures = demands.metrics().stream().filter(m -> owner.id() == (m.departmentId() == null ? -1 : m.departmentId()))
                .findFirst().orElseThrow();
        assertThat(ownerFigures.received()).isEqualTo(2);
        assertThat(ownerFigures.answered()).isEqualTo(2);
        assertThat(ownerFigures.onTime()).isEqualTo(1);
        assertThat(ownerFigures.openOverdue()).isZero();
    }

    @Test
    void refusesRequestsWithoutLegalBasisOrToOneself() {
        Dept asker = CatalogFixtures.department(directory, "榕城市教育局（需求测试）");
        assertThatThrownBy(() -> demands.file(asker.liaison(), new NewDemand("学籍", "入学", " ", null, null)))
                .hasFieldOrPropertyWithValue("field", "legalBasis");
        assertThatThrownBy(() -> demands.file(asker.liaison(), new NewDemand("学籍", "入学", "《义务教育法》", null, asker.id())))
                .hasFieldOrPropertyWithValue("field", "ownerId");
        assertThatThrownBy(() -> demands.file(ADMIN, new NewDemand("学籍", "入学", "《义务教育法》", null, null)))
                .hasFieldOrPropertyWithValue("field", "requester");
    }
}
