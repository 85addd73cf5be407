package org.hostarea.packages;

import java.time.LocalDate;

/** An SSL certificate of a package: the name it is issued for and when it expires. */
public record Certificate(String name, LocalDate expiresOn) {
}
