package org.hostarea.packages;

import java.time.Instant;

/** An application installed in a package, e.g. {@code wordpress} under {@code /blog}. */
public record InstalledApp(String id, String name, String version, String path, Instant installedAt) {
}
