package org.hostarea.identity.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class CustomerNumbersTest {

    @Test
    void numbersAreEightDigitsWithALuhnCheckDigit() {
        CustomerNumbers numbers = new CustomerNumbers(new SecureRandom());
        for (int i = 0; i < 1000; i++) {
            String number = numbers.next();
            assertTrue(CustomerNumbers.valid(number), number);
        }
    }

    @Test
    void aSingleTypoOrSwapIsCaught() {
        String number = "1234567" + CustomerNumbers.checkDigit("1234567");
        assertTrue(CustomerNumbers.valid(number));
        assertFalse(CustomerNumbers.valid("1234568" + number.charAt(7)), "one digit wrong");
        assertFalse(CustomerNumbers.valid("1243567" + number.charAt(7)), "two digits swapped");
        assertFalse(CustomerNumbers.valid("0234567" + CustomerNumbers.checkDigit("0234567")), "leading zero");
        assertFalse(CustomerNumbers.valid("ana@example.org"));
    }
}
