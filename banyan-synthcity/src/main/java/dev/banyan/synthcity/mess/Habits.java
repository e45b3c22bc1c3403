package dev.banyan.synthcity.mess;

import dev.banyan.synthcity.geo.AddressStyle;

/**
 * A department's data-entry habits (录入习惯): how often it makes each kind of mistake and how it usually writes
 * dates, phone numbers and addresses.
 */
public record Habits(MessRates rates, DateStyle date, PhoneStyle phone, AddressStyle address) {
}
