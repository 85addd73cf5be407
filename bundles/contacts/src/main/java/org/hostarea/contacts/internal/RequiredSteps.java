package org.hostarea.contacts.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.hostarea.core.PluginMissingException;

/** The cross-bundle steps a contract change cannot run without (a missing one would leave data behind). */
final class RequiredSteps {

    private RequiredSteps() {
    }

    /** @throws PluginMissingException naming the missing steps: the request FAILS and staff retry it once they are back */
    static void check(Collection<String> present, Set<String> required, String what) {
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(present);
        if (!missing.isEmpty()) {
            throw new PluginMissingException(what + " needs " + missing + " installed; retry once they are.", Duration.ofMinutes(5));
        }
    }
}
