package dev.banyan.server.share.internal;

import dev.banyan.server.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The period statistics are asked for (统计期间), as the console and the API take it: ISO dates, both included,
 * ending today and covering the last 30 days unless given.
 */
record StatisticsPeriod(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;

    /**
     * @throws InvalidInputException naming the parameter that is not a date
     */
    static StatisticsPeriod of(String from, String to) {
        LocalDate end = date("to", to, LocalDate.now(CallRollup.ZONE));
        return new StatisticsPeriod(date("from", from, end.minusDays(DEFAULT_DAYS - 1)), end);
    }

    private static LocalDate date(String field, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "share.statistics.error.date", text.strip());
        }
    }
}
