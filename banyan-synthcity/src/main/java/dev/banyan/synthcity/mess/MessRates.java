package dev.banyan.synthcity.mess;

import dev.banyan.synthcity.Profile;

/**
 * How dirty one department's records are (数据质量问题发生率): the probability, per record, of each kind of mistake.
 * Departments declare rates for {@link Profile#NORMAL}; {@link #scaled(Profile)} makes them several times higher for
 * {@link Profile#HARD}.
 *
 * @param homophone      a character of the name replaced by a confusable one (陈→程, 黄→王)
 * @param traditional    the name written in traditional characters (陈→陳)
 * @param swappedGiven   the two characters of the given name swapped
 * @param spacing        a space or full-width space inside or after the name
 * @param missingId      identity number left empty
 * @param fifteenDigitId legacy identifier forms: the 15-digit number for people born before 1985, the old tax number or organisation code of companies registered before October 2015
 * @param transposedId   two adjacent digits of the identity number transposed (detectable by the check character)
 * @param mistypedId     one digit of the identity number mistyped (detectable by the check character)
 * @param fullWidthId    the identity number typed with full-width digits or stray spaces (valid after NFKC)
 * @param duplicate      the same person entered twice under two record ids
 * @param stale          outdated data: the address before the household's last move, a status not updated after death
 * @param formerName     a former name (曾用名) kept where the person has one
 * @param dateVariety    a date in another format than the department's usual one
 * @param phoneVariety   a phone number in another format than the department's usual one
 */
public record MessRates(double homophone, double traditional, double swappedGiven, double spacing, double missingId,
                        double fifteenDigitId, double transposedId, double mistypedId, double fullWidthId,
                        double duplicate, double stale, double formerName, double dateVariety,
                        double phoneVariety) {

    /** An authoritative source with no mistakes (the household register, the enterprise register). */
    public static MessRates clean() {
        return new MessRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The rates under a profile: HARD multiplies typos and gaps by 4, legacy forms and staleness by 2.5. */
    public MessRates scaled(Profile profile) {
        if (profile == Profile.NORMAL) {
            return this;
        }
        return new MessRates(x(homophone, 4, 0.5), x(traditional, 4, 0.5), x(swappedGiven, 4, 0.5),
                x(spacing, 4, 0.5), x(missingId, 4, 0.5), x(fifteenDigitId, 2.5, 0.9), x(transposedId, 4, 0.5),
                x(mistypedId, 4, 0.5), x(fullWidthId, 4, 0.5), x(duplicate, 4, 0.25), x(stale, 2.5, 0.9),
                x(formerName, 2.5, 0.9), x(dateVariety, 3, 0.9), x(phoneVariety, 3, 0.9));
    }

    private static double x(double rate, double factor, double cap) {
        return Math.min(cap, rate * factor);
    }

    /** The share of non-empty, non-15-digit identity numbers that fail the check: transposed or mistyped. */
    public double invalidIdShare() {
        return transposedId + (1 - transposedId) * mistypedId;
    }
}
