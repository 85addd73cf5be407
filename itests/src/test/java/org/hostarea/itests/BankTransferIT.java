package org.hostarea.itests;

import static org.awaitility.Awaitility.await;
import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The bank transfer plugin and camt.053 import: instructions for a PENDING payment, statement lines matched
 * by invoice number and exact amount (completing the pending payment, or recording a new one), the same
 * statement imported twice recording nothing new, unmatched and ambiguous lines listed for staff, a locked
 * down parser, and the gateway turned off by configuration without uninstalling it.
 */
public class BankTransferIT extends HostareaTestSupport {

    private static final String FEATURE = "hostarea-payment-banktransfer";

    @Inject
    ConfigurationAdmin configurationAdmin;

    private String accountId;
    private String token;

    @Before
    public void setUp() {
        installFeature(FEATURE);
        String email = uniqueEmail();
        accountId = createCustomer("Bea Bank", email, "bea-password-123").get("id").asText();
        token = loginToken(email, "bea-password-123");
        await("bank transfer offered").atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/me/payment-gateways", token).body().contains("\"banktransfer\""));
    }

    @Test
    public void aStatementPaysTheInvoicesItNamesOnceAndListsTheRest() throws Exception {
        JsonNode a = invoice("30.00");
        JsonNode b = invoice("12.50");
        JsonNode c = invoice("20.00");
        Http.Reply started = http.post("/api/v1/me/invoices/" + a.get("id").asText() + "/payments", Http.json(Map.of("gateway",
                "banktransfer")), token);
        assertEquals(started.toString(), 201, started.status());
        JsonNode pending = started.json();
        assertEquals("PENDING", pending.get("status").asText());
        String instructions = pending.get("instructions").asText();
        assertTrue(instructions, instructions.contains("ES9121000418450200051332") && instructions.contains(a.get("number").asText())
                && instructions.contains("30.00"));

        String statement = statement("ST-" + unique(), a, b, c);
        Http.Reply imported = importStatement(statement);
        assertEquals(imported.toString(), 200, imported.status());
        JsonNode result = imported.json();
        assertEquals(4, result.get("credits").asInt());
        assertEquals(1, result.get("skipped").asInt());
        assertEquals(0, result.get("duplicates").asInt());
        Map<String, String> statuses = new LinkedHashMap<>();
        for (JsonNode entry : result.get("entries")) {
            statuses.put(entry.get("reference").asText(), entry.get("status").asText());
        }
        assertEquals(statuses.toString(), "MATCHED", statuses.get("Factura " + a.get("number").asText()));
        assertEquals(statuses.toString(), "MATCHED", statuses.get(b.get("number").asText()));
        assertEquals(statuses.toString(), "AMBIGUOUS", statuses.get("Pago " + c.get("number").asText() + " (menos comision)"));
        assertEquals(statuses.toString(), "UNMATCHED", statuses.get("hosting renewal thanks"));

        assertEquals("PAID", invoiceStatus(a));
        assertEquals("PAID", invoiceStatus(b));
        assertEquals("UNPAID", invoiceStatus(c));
        // the customer's pending transfer is the payment that completed; B got a new one
        assertEquals("COMPLETED", http.get("/api/v1/me/payments/" + pending.get("id").asText(), token).json().get("status").asText());
        assertEquals(2, http.get("/api/v1/me/payments", token).json().get("total").asInt());

        // the same statement again: nothing new
        JsonNode again = importStatement(statement).json();
        assertEquals(4, again.get("duplicates").asInt());
        assertEquals(0, again.get("entries").size());
        assertEquals(2, http.get("/api/v1/me/payments", token).json().get("total").asInt());

        java.nio.file.Path file = java.nio.file.Files.createTempFile("statement", ".xml");
        try {
            java.nio.file.Files.writeString(file, statement);
            String out = shell("hostarea:bank-statement-import " + file);
            assertTrue(out, out.contains("4 credit line(s), 4 seen before"));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }

        JsonNode open = http.get("/api/v1/admin/payments/bank-entries?status=UNMATCHED&size=100", adminToken()).json();
        assertTrue(open.toString(), open.toString().contains("hosting renewal thanks"));
        JsonNode ambiguous = http.get("/api/v1/admin/payments/bank-entries?status=AMBIGUOUS&size=100", adminToken()).json();
        assertTrue(ambiguous.toString(), ambiguous.toString().contains("the amount differs"));
    }

    @Test
    public void theParserRefusesDoctypesExternalEntitiesAndOtherDocuments() throws Exception {
        assertProblem(importStatement(resource("/camt/xxe.xml")), 400, "statement-invalid");
        assertProblem(importStatement("<Document><Other/></Document>"), 400, "statement-invalid");
        assertProblem(importStatement("not xml at all"), 400, "statement-invalid");
        assertProblem(http.send("POST", "/api/v1/admin/payments/bank-statements", resource("/camt/statement.xml"), "application/xml",
                token, Map.of()), 403, "forbidden");
    }

    @Test
    public void anOperatorTurnsTheGatewayOffWithoutUninstallingIt() throws Exception {
        JsonNode invoice = invoice("8.00");
        Configuration config = configurationAdmin.getConfiguration("org.hostarea.payment.banktransfer", null);
        Dictionary<String, Object> properties = config.getProperties();
        Dictionary<String, Object> off = new Hashtable<>();
        for (java.util.Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            off.put(key, properties.get(key));
        }
        off.put("enabled", "false");
        config.update(off);
        try {
            await("bank transfer hidden").atMost(Duration.ofSeconds(30))
                    .until(() -> !http.get("/api/v1/me/payment-gateways", token).body().contains("\"banktransfer\""));
            Http.Reply refused = http.post("/api/v1/me/invoices/" + invoice.get("id").asText() + "/payments",
                    Http.json(Map.of("gateway", "banktransfer")), token);
            assertProblem(refused, 503, "plugin-missing");
            assertEquals(0, http.get("/api/v1/me/payments", token).json().get("total").asInt());
        } finally {
            off.put("enabled", "true");
            config.update(off);
        }
        await("bank transfer offered again").atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/me/payment-gateways", token).body().contains("\"banktransfer\""));
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private Http.Reply importStatement(String xml) {
        return http.send("POST", "/api/v1/admin/payments/bank-statements", xml, "application/xml", adminToken(), Map.of());
    }

    private String statement(String id, JsonNode a, JsonNode b, JsonNode c) throws IOException {
        return resource("/camt/statement.xml").replace("${STATEMENT}", id)
                .replace("${INVOICE_A}", a.get("number").asText()).replace("${AMOUNT_A}", a.get("total").get("amount").decimalValue()
                        .setScale(2).toPlainString())
                .replace("${INVOICE_B}", b.get("number").asText()).replace("${AMOUNT_B}", b.get("total").get("amount").decimalValue()
                        .setScale(2).toPlainString())
                .replace("${INVOICE_C}", c.get("number").asText());
    }

    private String resource(String name) throws IOException {
        try (InputStream in = BankTransferIT.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String invoiceStatus(JsonNode invoice) {
        return http.get("/api/v1/me/invoices/" + invoice.get("id").asText(), token).json().get("status").asText();
    }

    private JsonNode invoice(String amount) {
        return issueInvoice(accountId, amount, "EUR");
    }
}
