package org.hostarea.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MasterDataRulesTest {

    @Test
    void checksIbansByMod97() {
        assertTrue(MasterDataRules.validIban(MasterDataRules.normaliseIban("DE89 3704 0044 0532 0130 00")));
        assertTrue(MasterDataRules.validIban("ES9121000418450200051332"));
        assertTrue(MasterDataRules.validIban("GB82WEST12345698765432"));
        assertFalse(MasterDataRules.validIban("DE89370400440532013001"), "one digit off");
        assertFalse(MasterDataRules.validIban("XX89370400440532013000"), "no such country");
        assertFalse(MasterDataRules.validIban("DE8937"), "too short");
        assertEquals("DE89370400440532013000", MasterDataRules.normaliseIban("de89 3704 0044 0532 0130 00"));
    }

    @Test
    void checksBicsCountriesAndPhones() {
        assertTrue(MasterDataRules.validBic("COBADEFFXXX"));
        assertTrue(MasterDataRules.validBic("CAIXESBB"));
        assertFalse(MasterDataRules.validBic("COBAXXFF"), "no such country");
        assertFalse(MasterDataRules.validBic("COBADE"));
        assertTrue(MasterDataRules.validCountry("ES"));
        assertFalse(MasterDataRules.validCountry("XX"));
        assertTrue(MasterDataRules.validPhone("+34 912 345 678"));
        assertFalse(MasterDataRules.validPhone("call me\r\nmaybe"));
    }
}
