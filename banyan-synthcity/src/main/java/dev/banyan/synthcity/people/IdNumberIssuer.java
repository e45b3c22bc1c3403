package dev.banyan.synthcity.people;

import dev.banyan.standards.CitizenIdNumber;
import dev.banyan.synthcity.chance.LongSet;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Issues citizen identity numbers (公民身份号码, GB 11643) the way police stations did: the county code in force
 * when the number was first issued, the birth date, a sequence whose last digit is odd for men and even for women,
 * and the check character. Every number is unique.
 */
public final class IdNumberIssuer {

    /** Nationwide issuance of identity cards began in 1984; older people got their numbers then. */
    private static final int FIRST_ISSUE_YEAR = 1984;

    private final BirthPlaces places;
    private final LongSet issued;

    public IdNumberIssuer(BirthPlaces places, int expected) {
        this.places = places;
        this.issued = new LongSet(expected);
    }

    /** The year a person born in {@code birthYear} first received a number. */
    public static int issueYear(int birthYear, SplittableRandom r) {
        return birthYear >= FIRST_ISSUE_YEAR ? birthYear : Math.max(birthYear + 16, FIRST_ISSUE_YEAR + r.nextInt(6));
    }

    /** Writes the 18 ASCII characters of a new number into {@code target[offset..offset+17]}. */
    public void issue(byte[] target, int offset, int place, int birthDay, boolean female, int issueYear,
                      SplittableRandom r) {
        LocalDate b = LocalDate.ofEpochDay(birthDay);
        long division = Long.parseLong(places.codeInForce(place, issueYear));
        long prefix = division * 100_000_000L + b.getYear() * 10_000L + b.getMonthValue() * 100L + b.getDayOfMonth();
        long key;
        int attempts = 0;
        do {
            if (++attempts > 5_000) {
                throw new IllegalStateException("no free identity number sequence for " + prefix);
            }
            // first two digits of the sequence stand for the registering police station, the last one for sex
            int seq = r.nextInt(100) * 10 + 2 * r.nextInt(5) + (female ? 0 : 1);
            key = prefix * 1000 + seq;
        } while (!issued.add(key));
        char[] first17 = new char[17];
        long k = key;
        for (int i = 16; i >= 0; i--) {
            first17[i] = (char) ('0' + (k % 10));
            k /= 10;
        }
        for (int i = 0; i < 17; i++) {
            target[offset + i] = (byte) first17[i];
        }
        target[offset + 17] = (byte) CitizenIdNumber.checkCharacter(new String(first17));
    }
}
