package dev.banyan.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.standards.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BanyanServerTest
class DepartmentDirectoryTest {

    @Autowired
    DepartmentDirectory departments;

    static String creditCode(int serial) {
        return UnifiedSocialCreditCode.of('1', '1', "350100", String.format("%08d", 90_000_000 + serial)).value();
    }

    @Test
    void registersADepartmentUnderItsParent() {
        Department city = departments.register(new NewDepartment("dir-city", "榕城市测试局", "Test Bureau", creditCode(1), DepartmentLevel.CITY, null));
        Department district = departments.register(new NewDepartment("dir-district", "鼓楼区测试局", "Gulou Test Bureau", creditCode(2),
                DepartmentLevel.COUNTY, city.id()));
        assertThat(departments.findByCode("dir-district")).contains(district);
        assertThat(district.parentId()).isEqualTo(city.id());
        assertThat(district.creditCode()).isEqualTo(creditCode(2));
    }

    @Test
    void refusesAnInvalidCreditCodeAndStoresNothing() {
        int before = departments.count();
        String valid = creditCode(3);
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> departments.register(new NewDepartment("dir-bad", "坏局", "Bad", wrongCheck, DepartmentLevel.CITY, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("creditCode");
                    assertThat(e.messageCode()).isEqualTo("error.department.creditCode.invalid");
                    assertThat(e.arguments()[0].toString()).contains("check character");
                });
        assertThat(departments.count()).isEqualTo(before);
        assertThat(departments.findByCode("dir-bad")).isEmpty();
    }

    @Test
    void refusesDuplicatesAndUnknownParents() {
        departments.register(new NewDepartment("dir-once", "一次局", "Once", creditCode(4), DepartmentLevel.CITY, null));
        assertThatThrownBy(() -> departments.register(new NewDepartment("dir-once", "二次局", "Twice", creditCode(5), DepartmentLevel.CITY, null)))
                .hasFieldOrPropertyWithValue("field", "code");
        assertThatThrownBy(() -> departments.register(new NewDepartment("dir-other", "二次局", "Twice", creditCode(4), DepartmentLevel.CITY, null)))
                .hasFieldOrPropertyWithValue("field", "creditCode");
        assertThatThrownBy(() -> departments.register(new NewDepartment("dir-orphan", "孤儿局", "Orphan", creditCode(6), DepartmentLevel.COUNTY, 987_654L)))
                .hasFieldOrPropertyWithValue("field", "parentId");
        assertThatThrownBy(() -> departments.register(new NewDepartment("Dir Upper", "大写", "Upper", creditCode(7), DepartmentLevel.CITY, null)))
                .hasFieldOrPropertyWithValue("field", "code");
    }
}
