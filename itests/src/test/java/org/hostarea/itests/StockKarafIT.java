package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The extension path: a provider's stock Apache Karaf (the {@code org.apache.karaf:apache-karaf} archive, not our
 * distribution) gets the Hostarea features repository and {@code feature:install hostarea} with exactly the console
 * commands of the README's "Install into your Karaf"; every Hostarea bundle is then active, every component
 * satisfied and the API answers with the configuration the features ship. Each plugin feature installs and
 * uninstalls; {@code feature:uninstall hostarea} then leaves no Hostarea bundle and the provider's features as
 * they were. Runs outside Pax Exam (whose suite shares one container of our distribution), through
 * {@code bin/client} as an operator would.
 */
class StockKarafIT {

    private static final String VERSION = System.getProperty("hostarea.version");
    private static final List<String> PLUGINS = List.of("hostarea-notify-email", "hostarea-notify-webhook",
            "hostarea-payment-banktransfer", "hostarea-payment-paypal");
    private static final Duration INSTALL = Duration.ofMinutes(6);

    private Distribution karaf;

    @Test
    void hostareaInstallsIntoAStockKarafAndUninstallsCleanly() throws Exception {
        karaf = Distribution.unpackArchive(System.getProperty("hostarea.stock.karaf.dist"), "stock-karaf-it", "18981", "18911", "11999",
                "44994");
        // as it comes: no JVM option, no file of ours (the JDK's zip check must not meet a nested jar it rejects)
        karaf.startProcess();
        Set<String> before = installedFeatures();
        assertTrue(before.stream().anyMatch(f -> f.startsWith("shell ")), before.toString());
        assertTrue(before.stream().noneMatch(f -> f.startsWith("hostarea")), before.toString());
        int bundlesBefore = bundles().size();

        String added = karaf.console("feature:repo-add mvn:org.hostarea/hostarea-features/" + VERSION + "/xml/features", INSTALL);
        assertFalse(added.toLowerCase().contains("error"), added);
        String installed = karaf.console("feature:install hostarea", INSTALL);
        assertFalse(installed.toLowerCase().contains("error"), installed);
        try {
            await("Hostarea healthy").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(karaf::healthy);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not healthy; health answers " + karaf.http.get("/api/v1/health", null) + "; errors and warnings logged:\n"
                    + String.join("\n", logProblems()), e);
        }

        List<String> hostarea = hostareaBundles();
        assertEquals(Set.of("apidocs", "billing", "contacts", "core", "forms", "identity", "jaxrs.api", "notifications", "packages"),
                hostarea.stream().map(b -> b.substring(b.lastIndexOf("org.hostarea.") + "org.hostarea.".length()).strip())
                        .collect(java.util.stream.Collectors.toSet()), hostarea.toString());
        for (String bundle : hostarea) {
            assertTrue(bundle.contains("Active"), "not active: " + bundle);
        }
        awaitComponentsSatisfied();

        // the API answers, with the configuration the features shipped (Argon2id parameters, links, ...)
        String email = "stock-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String created = karaf.client("hostarea:customer-add --password stock-secret-password 'Sam Stock' " + email, Duration.ofMinutes(1));
        assertTrue(created.contains("Created customer"), created);
        Http.Reply login = karaf.http.post("/api/v1/auth/login", Http.json(Map.of("login", email, "password", "stock-secret-password")), null);
        assertEquals(200, login.status(), login.toString());
        assertEquals(200, karaf.http.get("/api/v1/me", login.json().get("token").asText()).status());
        assertEquals(200, karaf.http.get("/api/v1/openapi.json", null).status());
        // every route of every bundle is served, not only those this test calls
        String staff = karaf.client("hostarea:staff-add --password stock-staff-password stock-admin", Duration.ofMinutes(1));
        assertFalse(staff.toLowerCase().contains("error"), staff);
        Http.Reply staffLogin = karaf.http.post("/api/v1/admin/auth/login",
                Http.json(Map.of("login", "stock-admin", "password", "stock-staff-password")), null);
        assertEquals(200, staffLogin.status(), staffLogin.toString());
        String staffToken = staffLogin.json().get("token").asText();
        // (a whiteboard service dropped while every bundle started is registered anew within seconds: WhiteboardRepair)
        await("nothing unserved").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> karaf.http.get("/api/v1/admin/routes", staffToken).json().get("unserved").size() == 0);
        Http.Reply routes = karaf.http.get("/api/v1/admin/routes", staffToken);
        assertEquals(200, routes.status(), routes.toString());
        assertEquals(0, routes.json().get("violations").size(), routes.toString());
        assertTrue(routes.json().get("routes").size() > 80, routes.toString());
        String identityConfig = karaf.console("config:property-list --pid org.hostarea.identity", Duration.ofMinutes(1));
        assertTrue(identityConfig.contains("argon2.memoryKib = 19456"), identityConfig);

        for (String plugin : PLUGINS) {
            String out = karaf.console("feature:install " + plugin, INSTALL);
            assertFalse(out.toLowerCase().contains("error"), plugin + ": " + out);
            String symbolicName = "org.hostarea." + plugin.substring("hostarea-".length()).replace('-', '.');
            await(plugin + " active").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> hostareaBundles().stream().anyMatch(b -> b.contains(symbolicName) && b.contains("Active")));
            assertTrue(karaf.healthy(), plugin + " installed: the application stays up");
            out = karaf.console("feature:uninstall " + plugin, INSTALL);
            assertFalse(out.toLowerCase().contains("error"), plugin + ": " + out);
            assertTrue(hostareaBundles().stream().noneMatch(b -> b.contains(symbolicName + " ") || b.endsWith(symbolicName)),
                    plugin + " left a bundle: " + hostareaBundles());
            assertTrue(karaf.healthy(), plugin + " removed: the application stays up");
        }
        awaitComponentsSatisfied();

        String removed = karaf.console("feature:uninstall hostarea", INSTALL);
        assertFalse(removed.toLowerCase().contains("error"), removed);
        assertEquals(List.of(), hostareaBundles(), "Hostarea bundles left after feature:uninstall hostarea");
        assertEquals(before, installedFeatures(), "the features installed before Hostarea");
        assertEquals(bundlesBefore, bundles().size(), "bundles before and after: " + bundles());
        String log = Files.readString(karaf.home().resolve("data/log/karaf.log"));
        assertFalse(log.contains("Invalid CEN header"), "an embedded jar could not be read");
        assertFalse(log.contains("SCHEMA MIGRATION FAILED"), "a schema migration failed");
        karaf.stop();
    }

    /** The ERROR and WARN lines of the Karaf log, the last 40. */
    private List<String> logProblems() throws java.io.IOException {
        List<String> lines = Files.readAllLines(karaf.home().resolve("data/log/karaf.log")).stream()
                .filter(line -> line.contains("| ERROR |") || line.contains("| WARN  |")).toList();
        return lines.subList(Math.max(0, lines.size() - 40), lines.size());
    }

    /** "name version" of every installed feature. */
    private Set<String> installedFeatures() throws Exception {
        Set<String> features = new TreeSet<>();
        for (String line : karaf.console("feature:list -i --no-format", Duration.ofMinutes(1)).split("\\R")) {
            String[] columns = line.strip().split("\\t|\\s{2,}|│");
            if (columns.length >= 2 && !line.startsWith("Name") && !columns[0].isBlank() && !columns[0].startsWith("-")) {
                features.add(columns[0].strip() + " " + columns[1].strip());
            }
        }
        return features;
    }

    /** The bundle list lines (symbolic names) of every bundle. */
    private List<String> bundles() throws Exception {
        List<String> bundles = new ArrayList<>();
        for (String line : karaf.console("bundle:list -t 0 -s --no-format", Duration.ofMinutes(1)).split("\\R")) {
            if (line.matches("^\\s*\\d+\\s.*")) {
                bundles.add(line.strip());
            }
        }
        return bundles;
    }

    private List<String> hostareaBundles() throws Exception {
        return bundles().stream().filter(line -> line.contains("org.hostarea.")).toList();
    }

    /** Every Hostarea DS component is enabled and each of its instances active or satisfied (Felix SCR's scr:list). */
    private void awaitComponentsSatisfied() {
        List<String> problems = new ArrayList<>();
        await("every Hostarea component satisfied").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            problems.clear();
            int components = 0;
            boolean ours = false;
            for (String line : karaf.consoleInteractive("scr:list", Duration.ofMinutes(1)).split("\\R")) {
                if (line.contains(" in bundle ")) {
                    ours = line.contains("(org.hostarea.");
                    if (ours) {
                        components++;
                        if (!line.contains(" enabled, ") || line.contains(" 0 instance")) {
                            problems.add(line.strip());
                        }
                    }
                } else if (ours && line.contains("State:") && !line.matches(".*State:(ACTIVE|SATISFIED).*")) {
                    problems.add(line.strip());
                }
            }
            return components > 50 && problems.isEmpty();
        });
        assertEquals(List.of(), problems);
    }

    @AfterEach
    void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }
}
