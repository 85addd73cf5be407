package org.hostarea.notifications.internal;

import java.time.LocalDate;

/** The calendar rule of the message log: keep messages from 1 January of the year {@code yearsBack} years ago on. */
record RetentionRule(int yearsBack) {

    LocalDate cutoff(LocalDate asOf) {
        return LocalDate.of(asOf.getYear() - yearsBack, 1, 1);
    }
}
