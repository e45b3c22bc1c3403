package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.Profile;
import dev.banyan.synthcity.chance.Aspect;
import dev.banyan.synthcity.chance.SeedMixer;
import dev.banyan.synthcity.economy.EnterpriseKind;
import dev.banyan.synthcity.economy.Enterprises;
import dev.banyan.synthcity.economy.Pensions;
import dev.banyan.synthcity.economy.Wages;
import dev.banyan.synthcity.geo.Address;
import dev.banyan.synthcity.geo.AddressBook;
import dev.banyan.synthcity.geo.Community;
import dev.banyan.synthcity.geo.District;
import dev.banyan.synthcity.geo.Gazetteer;
import dev.banyan.synthcity.geo.HouseLayout;
import dev.banyan.synthcity.people.BirthPlaces;
import dev.banyan.synthcity.people.NameBook;
import dev.banyan.synthcity.people.PersonalParticulars;
import dev.banyan.synthcity.people.Population;
import dev.banyan.synthcity.property.Houses;

/**
 * The whole synthetic city (榕城) as the departments see it: the true population, enterprises and houses, and the
 * derived facts every department agrees on. Immutable once built, so departments can be written in parallel.
 */
public record City(long seed, Profile profile, Gazetteer gazetteer, AddressBook addressBook, BirthPlaces birthPlaces,
                   NameBook names, Population population, Enterprises enterprises, Houses houses,
                   PersonalParticulars particulars, Wages wages, Pensions pensions) {

    /** The district a household lives in. */
    public District district(int household) {
        return gazetteer.district(gazetteer.community(population.community(household)));
    }

    public District districtOfPerson(int person) {
        return district(population.household(person));
    }

    public Community communityOfPerson(int person) {
        return gazetteer.community(population.community(population.household(person)));
    }

    /** The address of the household's dwelling. */
    public Address homeAddress(int household) {
        return addressBook.address(houses.layout(population.house(household)));
    }

    /** The address before the household's last move, or the current one if it never moved. */
    public Address previousAddress(int household) {
        int community = population.previousCommunity(household);
        if (community < 0) {
            return homeAddress(household);
        }
        long h = Aspect.HOUSEHOLD_DETAILS.hash(seed, household);
        boolean village = gazetteer.community(community).isVillage() && (h & 1) == 0;
        HouseLayout layout = addressBook.layout(community, SeedMixer.below(h >>> 1, 3000), village);
        return addressBook.address(layout);
    }

    /** The address a department holds for a person: current, or stale if asked and the household moved. */
    public Address addressOf(int person, boolean stale) {
        int household = population.household(person);
        return stale ? previousAddress(household) : homeAddress(household);
    }

    public boolean urban(int person) {
        return districtOfPerson(person).urban();
    }

    /** The person's phone number as plain digits, or empty. */
    public String phone(int person) {
        return particulars.phone(person, urban(person));
    }

    /** Length of the person's surname: 2 for compound surnames such as 欧阳. */
    public int surnameLength(int person) {
        return population.surname(person).length();
    }

    /** The registered address of an enterprise (住所). */
    public Address enterpriseAddress(int e) {
        int office = enterprises.officeHouse(e);
        if (office >= 0) {
            return addressBook.address(houses.layout(office));
        }
        return addressBook.office(enterprises.community(e), Aspect.COMPANY_ADDRESS.hash(seed, e),
                enterprises.kind(e) == EnterpriseKind.INDIVIDUAL_BUSINESS);
    }

    public District enterpriseDistrict(int e) {
        return gazetteer.district(gazetteer.community(enterprises.community(e)));
    }

    /** The enterprise's contact phone: a landline for most companies, the owner's mobile for small businesses. */
    public String enterprisePhone(int e) {
        long h = Aspect.COMPANY_PHONE.hash(seed, e);
        if (enterprises.kind(e) == EnterpriseKind.INDIVIDUAL_BUSINESS || SeedMixer.unit(h) < 0.3) {
            String mobile = phone(enterprises.legalRepresentative(e));
            return mobile.isEmpty() ? PersonalParticulars.mobile(h >>> 3) : mobile;
        }
        return PersonalParticulars.landline(h >>> 3, enterpriseDistrict(e).urban());
    }
}
