package dev.banyan.synthcity.departments;

import dev.banyan.synthcity.mess.MessMaker;
import dev.banyan.synthcity.people.Population;

/**
 * The fields about a person that most departments hold (姓名, 身份证号, 出生日期, 电话, 地址), written with the
 * department's habits and mistakes.
 */
final class PersonFields {

    private final City city;
    private final Population pop;
    private final MessMaker mess;

    PersonFields(City city, MessMaker mess) {
        this.city = city;
        this.pop = city.population();
        this.mess = mess;
    }

    /** The name, sometimes a former name the department never updated, with typos. */
    String name(int p) {
        String truth = pop.name(p);
        if (mess.formerName()) {
            String former = city.particulars().formerName(p);
            if (!former.isEmpty()) {
                truth = former;
            }
        }
        return mess.name(truth, city.surnameLength(p));
    }

    String id(int p) {
        return mess.idNumber(pop.idNumber(p), pop.birthYear(p));
    }

    String sex(int p) {
        return pop.sex(p).chinese();
    }

    /** GB/T 2261.1 code: 1 male, 2 female. */
    String sexCode(int p) {
        return pop.sex(p).code();
    }

    String birth(int p) {
        return mess.date(pop.birthDay(p));
    }

    String phone(int p) {
        return mess.phone(city.phone(p));
    }

    /** The address, stale if the household moved and the department did not notice. */
    String address(int p) {
        boolean moved = pop.previousCommunity(pop.household(p)) >= 0;
        return mess.address(city.addressOf(p, moved && mess.stale()));
    }
}
