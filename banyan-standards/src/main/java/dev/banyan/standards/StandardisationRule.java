package dev.banyan.standards;

/**
 * A standardisation rule (标准化规则): turns one raw text value as a department delivered it into a typed,
 * standard value, or says what is wrong with it. Rules never throw on bad data, are thread-safe and are
 * cheap enough to run on every cell of a million-row file.
 *
 * <p>Configurable rules ({@link DateValue}, {@link AmountValue}, {@link CodeTable}, {@link AddressParser} …)
 * implement this interface; the identifiers parse with static methods that fit it as method references,
 * e.g. {@code StandardisationRule<CitizenIdNumber> rule = CitizenIdNumber::parse;}.
 *
 * @param <T> the standard value
 */
@FunctionalInterface
public interface StandardisationRule<T> {

    /**
     * Parses one raw value. Blank input (null, empty or whitespace) gives a problem with code
     * {@link ParseResult#EMPTY}.
     */
    ParseResult<T> parse(String raw);
}
