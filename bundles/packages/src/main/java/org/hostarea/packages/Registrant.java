package org.hostarea.packages;

/**
 * The holder (registrant) of a domain as the registry knows it.
 *
 * @param country ISO 3166-1 alpha-2, upper case
 */
public record Registrant(String name, String organization, String email, String street, String postcode, String city, String country) {
}
