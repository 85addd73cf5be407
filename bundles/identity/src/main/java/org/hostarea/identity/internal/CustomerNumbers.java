package org.hostarea.identity.internal;

import java.security.SecureRandom;

/**
 * Customer numbers: eight digits, not starting with 0, the last one a Luhn check digit so that a typo
 * in a number read over the phone is caught. Random rather than sequential, so they reveal neither
 * the number of customers nor their neighbours.
 */
final class CustomerNumbers {

    private final SecureRandom random;

    CustomerNumbers(SecureRandom random) {
        this.random = random;
    }

    String next() {
        String body = Integer.toString(1_000_000 + random.nextInt(9_000_000));
        return body + checkDigit(body);
    }

    static boolean valid(String number) {
        return number != null && number.matches("[1-9][0-9]{7}")
                && checkDigit(number.substring(0, 7)) == number.charAt(7) - '0';
    }

    static int checkDigit(String digits) {
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
