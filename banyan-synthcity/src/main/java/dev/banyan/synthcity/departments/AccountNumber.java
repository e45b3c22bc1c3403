package dev.banyan.synthcity.departments;

/**
 * Department-internal numbers (个人编号, 单位账号): a bijective scramble of an entity index into a fixed number of
 * digits, so numbers are unique and stable but do not reveal the true order.
 */
final class AccountNumber {

    private AccountNumber() {
    }

    /** {@code digits} digits for {@code index < 10^digits}; {@code salt} gives each system its own numbering. */
    static String of(long index, int digits, long salt) {
        long modulus = 1;
        for (int i = 0; i < digits; i++) {
            modulus *= 10;
        }
        // 7,919,113 is coprime with 10, so multiplication permutes the residues
        long v = Math.floorMod((index + salt) * 7_919_113L + salt * 31, modulus);
        String s = Long.toString(v);
        StringBuilder b = new StringBuilder(digits);
        for (int i = s.length(); i < digits; i++) {
            b.append('0');
        }
        return b.append(s).toString();
    }
}
