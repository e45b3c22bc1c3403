package dev.banyan.synthcity.departments;

import java.util.List;

/** The twelve departments of Rongcheng in catalogue order (部门目录). */
public final class Departments {

    private Departments() {
    }

    public static List<Department> all() {
        return List.of(new PublicSecurityBureau(), new MarketRegulation(), new CivilAffairs(), new HumanResources(),
                new MedicalInsurance(), new RealEstateRegistry(), new HousingBureau(), new ProvidentFund(),
                new TaxBureau(), new HealthCommission(), new EducationBureau(), new TransportBureau());
    }

    /** The department with this code. */
    public static Department byCode(String code) {
        for (Department d : all()) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no department " + code);
    }
}
