package dev.banyan.synthcity.departments;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.banyan.synthcity.economy.Enterprises;
import dev.banyan.synthcity.geo.Address;
import dev.banyan.synthcity.geo.AddressStyle;
import dev.banyan.synthcity.mess.DateStyle;
import dev.banyan.synthcity.output.ProgressMeter;
import dev.banyan.synthcity.people.Population;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The true attributes of every person and company (真值主档): what a perfect golden record would say. Only for
 * evaluating record linkage and fusion; no department sees these files.
 */
public final class MasterFiles {

    public static final String PERSONS = "persons_master.csv";
    public static final String COMPANIES = "companies_master.csv";

    private MasterFiles() {
    }

    /** Writes both master files into {@code dir}; returns the row counts {persons, companies}. */
    public static long[] write(City city, Path dir, ProgressMeter progress) throws IOException {
        Population pop = city.population();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                .build(dir.resolve(PERSONS), StandardCharsets.UTF_8)) {
            csv.writeRecord("person_id", "id_number", "name", "former_name", "sex", "birth_date", "death_date",
                    "ethnicity", "birth_place_code", "birth_place", "household_id", "relation_to_head", "address",
                    "grid_code", "previous_address", "phone", "employer_company_id", "education", "low_income");
            for (int p = 0; p < pop.size(); p++) {
                int h = pop.household(p);
                Address home = city.homeAddress(h);
                var place = city.birthPlaces().place(pop.birthPlace(p));
                int employer = pop.employer(p);
                csv.writeRecord(Population.personId(p), pop.idNumber(p), pop.name(p),
                        city.particulars().formerName(p), pop.sex(p).chinese(), DateStyle.ISO.format(pop.birthDay(p)),
                        pop.isDead(p) ? DateStyle.ISO.format(pop.deathDay(p)) : "", pop.ethnicity(p).chinese(),
                        place.code(), place.fullName(), "H" + pad(h + 1), pop.relation(p).chinese(),
                        home.text(AddressStyle.FULL), home.gridCode(),
                        pop.previousCommunity(h) >= 0 ? city.previousAddress(h).text(AddressStyle.FULL) : "",
                        city.phone(p), employer >= 0 ? Enterprises.companyId(employer) : "",
                        city.particulars().education(p), pop.isLowIncome(h) ? "1" : "0");
                progress.step();
            }
        }
        Enterprises ent = city.enterprises();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                .build(dir.resolve(COMPANIES), StandardCharsets.UTF_8)) {
            csv.writeRecord("company_id", "uscc", "name", "kind", "industry_code", "industry", "status", "established",
                    "closed", "legal_representative_person_id", "registered_capital_wan", "address", "grid_code",
                    "employees");
            for (int e = 0; e < ent.size(); e++) {
                Address a = city.enterpriseAddress(e);
                csv.writeRecord(Enterprises.companyId(e), ent.uscc(e), ent.name(e), ent.kind(e).chinese(),
                        ent.industry(e).code(), ent.industry(e).chinese(), ent.status(e).chinese(),
                        DateStyle.ISO.format(ent.established(e)),
                        ent.closed(e) > 0 ? DateStyle.ISO.format(ent.closed(e)) : "",
                        Population.personId(ent.legalRepresentative(e)), ent.capitalText(e),
                        a.text(AddressStyle.FULL), a.gridCode(), Integer.toString(ent.employees(e)));
                progress.step();
            }
        }
        return new long[]{pop.size(), ent.size()};
    }

    private static String pad(int n) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, 8 - s.length())) + s;
    }
}
