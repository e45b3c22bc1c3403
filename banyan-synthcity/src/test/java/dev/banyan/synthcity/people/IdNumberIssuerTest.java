package dev.banyan.synthcity.people;

import dev.banyan.standards.CitizenIdNumber;
import dev.banyan.standards.Sex;
import dev.banyan.synthcity.geo.Gazetteer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberIssuerTest {

    @Test
    void issuesValidUniqueNumbersThatEncodeBirthDateSexAndTheCodeOfTheIssueYear() {
        BirthPlaces places = BirthPlaces.load(Gazetteer.load(), DivisionHistory.load());
        IdNumberIssuer issuer = new IdNumberIssuer(places, 900);
        SplittableRandom r = new SplittableRandom(1);
        byte[] ids = new byte[18 * 900];
        int birth = (int) LocalDate.of(1968, 3, 7).toEpochDay();
        int changle = 5; // gazetteer order: 鼓楼 台江 仓山 马尾 晋安 长乐 …
        assertThat(places.place(changle).code()).isEqualTo("350112");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 900; i++) {
            boolean female = i % 2 == 0;
            // 900 people born on the same day in the same county (of 1,000 possible sequences) still get unique numbers
            issuer.issue(ids, i * 18, changle, birth, female, 1990, r);
            String id = new String(ids, i * 18, 18, StandardCharsets.ISO_8859_1);
            CitizenIdNumber parsed = CitizenIdNumber.parse(id).orThrow();
            assertThat(parsed.divisionCode()).isEqualTo("350126");
            assertThat(parsed.birthDate()).isEqualTo(LocalDate.of(1968, 3, 7));
            assertThat(parsed.sex()).isEqualTo(female ? Sex.FEMALE : Sex.MALE);
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void olderPeopleReceivedTheirNumbersWhenIssuanceBegan() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 100; i++) {
            assertThat(IdNumberIssuer.issueYear(1950, r)).isBetween(1984, 1989);
            assertThat(IdNumberIssuer.issueYear(1972, r)).isBetween(1988, 1989);
            assertThat(IdNumberIssuer.issueYear(2001, r)).isEqualTo(2001);
        }
    }
}
