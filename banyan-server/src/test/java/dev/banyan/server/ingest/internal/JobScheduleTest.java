package dev.banyan.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.catalog.UpdateCycle;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Cron schedules in China time, and timeliness against the update cycle. */
class JobScheduleTest {

    @Test
    void fiveFieldsAreReadInChinaTime() {
        // 2026-12-02 10:00 UTC is 18:00 in Shanghai; the next 02:00 there is 2026-12-02T18:00Z.
        Instant next = JobSchedule.parse("0 2 * * *").next(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(next).isEqualTo(Instant.parse("2026-12-02T18:00:00Z"));
        assertThat(JobSchedule.parse("@daily").next(Instant.parse("2026-12-02T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
        assertThat(JobSchedule.problem("every day")).isPresent();
        assertThatThrownBy(() -> JobSchedule.parse("61 * * * *")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timelinessFallsWithTheDelayBeyondTheCycle() {
        Instant now = Instant.parse("2026-12-02T00:00:00Z");
        assertThat(Timeliness.score(UpdateCycle.MONTHLY, null, now)).isEqualTo(100);
        assertThat(Timeliness.score(UpdateCycle.MONTHLY, now.minus(Duration.ofDays(20)), now)).isEqualTo(100);
        assertThat(Timeliness.score(UpdateCycle.MONTHLY, now.minus(Duration.ofDays(64)), now)).isEqualTo(50);
        assertThat(Timeliness.score(UpdateCycle.IRREGULAR, now.minus(Duration.ofDays(999)), now)).isEqualTo(100);
    }
}
