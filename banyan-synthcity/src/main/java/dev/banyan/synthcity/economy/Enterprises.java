package dev.banyan.synthcity.economy;

/**
 * The market entities of Rongcheng (市场主体): companies, individual businesses and farmers' cooperatives, held as
 * parallel arrays. The public company id is {@code C} + 7 digits of index + 1.
 */
public final class Enterprises {

    final int size;
    final byte[] kind;
    final byte[] industry;
    final byte[] status;
    final int[] established;
    final int[] closed;
    final int[] legalRepresentative;
    /** Registered capital in units of 0.01 万元 (100 yuan); 0 if not registered. */
    final int[] capital;
    final String[] name;
    final String[] brand;
    final String[] uscc;
    final int[] community;
    final int[] officeHouse;
    final double[] sizeWeight;
    final int[] employees;

    Enterprises(int size) {
        this.size = size;
        kind = new byte[size];
        industry = new byte[size];
        status = new byte[size];
        established = new int[size];
        closed = new int[size];
        legalRepresentative = new int[size];
        capital = new int[size];
        name = new String[size];
        brand = new String[size];
        uscc = new String[size];
        community = new int[size];
        officeHouse = new int[size];
        sizeWeight = new double[size];
        employees = new int[size];
        java.util.Arrays.fill(officeHouse, -1);
    }

    public int size() {
        return size;
    }

    public static String companyId(int e) {
        String s = Integer.toString(e + 1);
        return "C" + "0".repeat(Math.max(0, 7 - s.length())) + s;
    }

    public EnterpriseKind kind(int e) {
        return EnterpriseKind.values()[kind[e]];
    }

    public Industry industry(int e) {
        return Industry.values()[industry[e]];
    }

    public EnterpriseStatus status(int e) {
        return EnterpriseStatus.values()[status[e]];
    }

    public boolean isActive(int e) {
        return status[e] == EnterpriseStatus.ACTIVE.ordinal();
    }

    public int established(int e) {
        return established[e];
    }

    /** The day of cancellation or revocation, or 0. */
    public int closed(int e) {
        return closed[e];
    }

    public int legalRepresentative(int e) {
        return legalRepresentative[e];
    }

    /** Registered capital in 万元 with two decimals, e.g. "100.00"; empty for individual businesses. */
    public String capitalText(int e) {
        int c = capital[e];
        if (c == 0) {
            return "";
        }
        int cents = c % 100;
        return (c / 100) + "." + (cents < 10 ? "0" : "") + cents;
    }

    /** Registered capital in 0.01 万元. */
    public int capital(int e) {
        return capital[e];
    }

    public String name(int e) {
        return name[e];
    }

    /** The trade name (字号), e.g. 闽江源. */
    public String brand(int e) {
        return brand[e];
    }

    public String uscc(int e) {
        return uscc[e];
    }

    /** The pre-2015 organisation code as printed on old certificates: {@code XXXXXXXX-X}. */
    public String organisationCode(int e) {
        return uscc[e].substring(8, 16) + "-" + uscc[e].charAt(16);
    }

    /** The registering authority's division code (positions 3-8 of the credit code). */
    public String registeringDivision(int e) {
        return uscc[e].substring(2, 8);
    }

    public int community(int e) {
        return community[e];
    }

    /** The office or shop unit the enterprise owns, or -1. */
    public int officeHouse(int e) {
        return officeHouse[e];
    }

    public int employees(int e) {
        return employees[e];
    }

    void countEmployee(int e) {
        employees[e]++;
    }
}
