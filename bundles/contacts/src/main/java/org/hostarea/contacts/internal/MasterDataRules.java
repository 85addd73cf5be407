package org.hostarea.contacts.internal;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of master-data values: IBAN (ISO 13616: country, check digits, mod 97), BIC (ISO 9362), country
 * (ISO 3166-1 alpha-2, as the JDK knows them), phone numbers.
 */
final class MasterDataRules {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()/.-]{4,30}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private MasterDataRules() {
    }

    /** Upper case without spaces, as IBANs are stored. */
    static String normaliseIban(String iban) {
        return iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    static boolean validIban(String normalised) {
        if (!IBAN.matcher(normalised).matches() || !COUNTRIES.contains(normalised.substring(0, 2))) {
            return false;
        }
        String rearranged = normalised.substring(4) + normalised.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    static boolean validBic(String bic) {
        return BIC.matcher(bic.toUpperCase(Locale.ROOT)).matches() && COUNTRIES.contains(bic.substring(4, 6).toUpperCase(Locale.ROOT));
    }

    static boolean validCountry(String country) {
        return COUNTRIES.contains(country);
    }

    static boolean validPhone(String phone) {
        return PHONE.matcher(phone).matches();
    }
}
