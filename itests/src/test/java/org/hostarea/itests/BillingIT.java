package org.hostarea.itests;

import static org.hostarea.itests.PackagesIT.assertAmount;
import static org.hostarea.itests.PlatformIT.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Invoices and credit over REST: validation, gapless numbers under concurrent issuing, the PDF in the
 * account's language, credit that is never spent twice, idempotent apply-credit, and 404 across accounts.
 */
public class BillingIT extends HostareaTestSupport {

    @javax.inject.Inject
    org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    private final Mailbox mailbox = new Mailbox(SMTP_PORT);
    private String email;
    private String accountId;
    private String token;

    @Before
    public void setUp() {
        installFeature("hostarea-notify-email");
        mailbox.start();
        email = uniqueEmail();
        accountId = createCustomer("José Müller", email, "jose-password-1").get("id").asText();
        token = loginToken(email, "jose-password-1");
    }

    @After
    public void tearDown() {
        mailbox.stop();
    }

    @Test
    public void staffIssueInvoicesWithTaxAndTheCustomerSeesOnlyIssuedOnes() {
        JsonNode draft = create(accountId, "EUR", List.of(line("Hosting Plus 2027", "100.00", "21"), line("Setup", "0.50", "21")));
        assertEquals("DRAFT", draft.get("status").asText());
        assertTrue(draft.get("number").isNull());
        assertAmount("100.50", draft.get("net"));
        assertAmount("21.11", draft.get("tax")); // 21.00 + 0.105 -> 0.11, rounded per line
        assertAmount("121.61", draft.get("total"));
        String id = draft.get("id").asText();
        assertProblem(http.get("/api/v1/me/invoices/" + id, token), 404, "invoice-not-found");
        assertEquals(0, http.get("/api/v1/me/invoices", token).json().get("total").asInt());

        JsonNode issued = http.post("/api/v1/admin/invoices/" + id + "/issue", "", adminToken()).json();
        assertEquals("UNPAID", issued.get("status").asText());
        assertTrue(issued.toString(), issued.get("number").asText().matches("20[0-9]{2}-[0-9]{6}"));
        assertProblem(http.post("/api/v1/admin/invoices/" + id + "/issue", "", adminToken()), 422, "invoice-not-draft");
        JsonNode mine = http.get("/api/v1/me/invoices/" + id, token).json();
        assertEquals(issued.get("number"), mine.get("number"));
        assertAmount("121.61", mine.get("amountDue"));
        assertTrue(Mailbox.text(mailbox.awaitTo(email, "Invoice " + issued.get("number").asText())).contains("121.61"));

        // bad input: every bad field named, nothing stored
        int before = http.get("/api/v1/admin/invoices?accountId=" + accountId, adminToken()).json().get("total").asInt();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("accountId", accountId);
        bad.put("currency", "EUR");
        bad.put("lines", List.of(line("Negative", "-1.00", "21"), line("Too precise", "1.005", "21"), line("Bad rate", "1.00", "101")));
        Http.Reply refused = http.post("/api/v1/admin/invoices", Http.json(bad), adminToken());
        assertProblem(refused, 400, "validation");
        for (String field : new String[] {"lines[0].unitPrice", "lines[1].unitPrice", "lines[2].taxRate"}) {
            assertTrue(field + " in " + refused.body(), refused.body().contains("\"" + field + "\""));
        }
        assertProblem(http.post("/api/v1/admin/invoices", Http.json(Map.of("accountId", accountId, "currency", "EURO",
                "lines", List.of(line("x", "1.00", "0")))), adminToken()), 400, "validation");
        assertProblem(http.post("/api/v1/admin/invoices", Http.json(Map.of("accountId", "no-such-account", "currency", "EUR",
                "lines", List.of(line("x", "1.00", "0")))), adminToken()), 400, "validation");
        assertEquals(before, http.get("/api/v1/admin/invoices?accountId=" + accountId, adminToken()).json().get("total").asInt());

        // a draft staff discard never shows
        String discarded = create(accountId, "EUR", List.of(line("Discarded", "5.00", "0"))).get("id").asText();
        assertEquals("CANCELLED", http.post("/api/v1/admin/invoices/" + discarded + "/cancel", Http.json(Map.of()), adminToken()).json()
                .get("status").asText());
        assertProblem(http.get("/api/v1/me/invoices/" + discarded, token), 404, "invoice-not-found");
        assertEquals(1, http.get("/api/v1/me/invoices", token).json().get("total").asInt());

        // customers do not write invoices
        assertProblem(http.post("/api/v1/admin/invoices", Http.json(bad), token), 403, "forbidden");
    }

    @Test
    public void concurrentIssuesTakeConsecutiveNumbersWithoutGapOrRepeat() throws Exception {
        String series = "T" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accountId", accountId);
            body.put("currency", "EUR");
            body.put("series", series);
            body.put("lines", List.of(line("Item " + i, "10.00", "0")));
            Http.Reply reply = http.post("/api/v1/admin/invoices", Http.json(body), adminToken());
            assertEquals(reply.toString(), 201, reply.status());
            drafts.add(reply.json().get("id").asText());
        }
        String staff = adminToken();
        List<Callable<String>> issues = new ArrayList<>();
        for (String id : drafts) {
            issues.add(() -> http.post("/api/v1/admin/invoices/" + id + "/issue", "", staff).json().get("number").asText());
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        String year = null;
        for (String number : runAll(issues)) {
            Matcher m = Pattern.compile(series + "-(20[0-9]{2})-([0-9]{6})").matcher(number);
            assertTrue(number, m.matches());
            year = m.group(1);
            numbers.add(Integer.parseInt(m.group(2)));
        }
        assertEquals(numbers.toString(), 10, numbers.size());
        assertEquals(numbers.toString(), numbers.first() + 9, (int) numbers.last());
        // a cancelled invoice keeps its number; the next one continues the sequence
        assertEquals("CANCELLED", http.post("/api/v1/admin/invoices/" + drafts.get(0) + "/cancel", Http.json(Map.of("reason", "test")),
                adminToken()).json().get("status").asText());
        String next = create(accountId, "EUR", List.of(line("After", "1.00", "0")), series).get("id").asText();
        assertEquals(series + "-" + year + "-" + String.format("%06d", numbers.last() + 1),
                http.post("/api/v1/admin/invoices/" + next + "/issue", "", adminToken()).json().get("number").asText());
    }

    @Test
    public void creditIsNeverSpentTwiceAndCancellingGivesItBack() throws Exception {
        String first = issue(create(accountId, "EUR", List.of(line("A", "40.00", "0"))).get("id").asText());
        String second = issue(create(accountId, "EUR", List.of(line("B", "40.00", "0"))).get("id").asText());
        assertProblem(http.post("/api/v1/me/invoices/" + first + "/apply-credit", Http.json(Map.of()), token), 422, "credit-insufficient");
        assertEquals(201, http.post("/api/v1/admin/credit", Http.json(Map.of("accountId", accountId, "currency", "EUR", "amount", 50,
                "note", "goodwill")), adminToken()).status());
        assertProblem(http.post("/api/v1/admin/credit", Http.json(Map.of("accountId", accountId, "currency", "EUR", "amount", -5)),
                adminToken()), 400, "validation");

        // 10 concurrent requests of 10.00 against 50.00 of credit: exactly five succeed, the balance ends at 0
        List<Callable<Integer>> spends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String invoice = i % 2 == 0 ? first : second;
            spends.add(() -> http.post("/api/v1/me/invoices/" + invoice + "/apply-credit", Http.json(Map.of("amount", 10)), token).status());
        }
        List<Integer> statuses = runAll(spends);
        assertEquals(statuses.toString(), 5, statuses.stream().filter(s -> s == 200).count());
        assertEquals(statuses.toString(), 5, statuses.stream().filter(s -> s == 422).count());
        JsonNode credit = http.get("/api/v1/me/credit", token).json().get(0);
        assertAmount("0.00", credit.get("balance"));
        assertEquals(6, credit.get("entries").size());
        BigDecimal paid = http.get("/api/v1/me/invoices/" + first, token).json().get("amountPaid").get("amount").decimalValue()
                .add(http.get("/api/v1/me/invoices/" + second, token).json().get("amountPaid").get("amount").decimalValue());
        assertEquals(0, new BigDecimal("50").compareTo(paid));

        // bad amounts change nothing
        assertProblem(http.post("/api/v1/me/invoices/" + first + "/apply-credit", Http.json(Map.of("amount", 0)), token), 400, "validation");
        assertProblem(http.post("/api/v1/me/invoices/" + first + "/apply-credit", Http.json(Map.of("amount", new BigDecimal("1.001"))),
                token), 400, "validation");

        // cancelling an invoice paid partly with credit gives the credit back (which of the two is still UNPAID
        // depends on how the concurrent spends fell; 50.00 cannot pay both 40.00 invoices)
        String cancelled = "UNPAID".equals(http.get("/api/v1/me/invoices/" + first, token).json().get("status").asText()) ? first : second;
        BigDecimal fromCredit = http.get("/api/v1/me/invoices/" + cancelled, token).json().get("amountPaid").get("amount").decimalValue();
        assertEquals(200, http.post("/api/v1/admin/invoices/" + cancelled + "/cancel", Http.json(Map.of()), adminToken()).status());
        assertEquals(0, fromCredit.compareTo(http.get("/api/v1/me/credit", token).json().get(0).get("balance").get("amount").decimalValue()));
        JsonNode after = http.get("/api/v1/me/invoices/" + cancelled, token).json();
        assertEquals("CANCELLED", after.get("status").asText());
        assertAmount("0.00", after.get("amountPaid"));
    }

    @Test
    public void applyingCreditTwiceWithOneIdempotencyKeyMovesItOnceAndPaysTheInvoice() throws Exception {
        String invoice = issue(create(accountId, "EUR", List.of(line("C", "30.00", "0"))).get("id").asText());
        http.post("/api/v1/admin/credit", Http.json(Map.of("accountId", accountId, "currency", "EUR", "amount", 100)), adminToken());
        Map<String, String> key = Map.of("Idempotency-Key", "pay-" + unique());
        List<Callable<String>> repeats = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            repeats.add(() -> http.send("POST", "/api/v1/me/invoices/" + invoice + "/apply-credit", Http.json(Map.of()),
                    "application/json", token, key).json().get("id").asText());
        }
        assertEquals(1, new TreeSet<>(runAll(repeats)).size());
        JsonNode paid = http.get("/api/v1/me/invoices/" + invoice, token).json();
        assertEquals("PAID", paid.get("status").asText());
        assertAmount("0.00", paid.get("amountDue"));
        assertAmount("70.00", http.get("/api/v1/me/credit", token).json().get(0).get("balance"));
        assertProblem(http.send("POST", "/api/v1/me/invoices/" + invoice + "/apply-credit", Http.json(Map.of("amount", 5)),
                "application/json", token, key), 422, "idempotency-key-reused");
        assertProblem(http.post("/api/v1/me/invoices/" + invoice + "/apply-credit", Http.json(Map.of()), token), 422, "invoice-not-payable");
        assertAmount("70.00", http.get("/api/v1/me/credit", token).json().get(0).get("balance"));
    }

    @Test
    public void thePdfIsInTheAccountsLanguageAndAnotherAccountGetsNotFound() throws Exception {
        Map<String, String> titles = Map.of("en", "Invoice", "es", "Factura", "de", "Rechnung");
        for (Map.Entry<String, String> language : titles.entrySet()) {
            String address = uniqueEmail();
            String out = shell("hostarea:customer-add --language " + language.getKey() + " --password pdf-password-123 'Núñez "
                    + language.getKey() + "' " + address);
            Matcher id = Pattern.compile("\\(id ([0-9a-f-]{36})\\)").matcher(out);
            assertTrue(out, id.find());
            String customerToken = loginToken(address, "pdf-password-123");
            String invoice = issue(create(id.group(1), "EUR", List.of(line("Hosting <b>{{name}}</b>", "100.00", "21"))).get("id").asText());
            String number = http.get("/api/v1/me/invoices/" + invoice, customerToken).json().get("number").asText();
            Http.Reply pdf = http.get("/api/v1/me/invoices/" + invoice + "/pdf", customerToken);
            assertEquals(pdf.toString(), 200, pdf.status());
            assertTrue(pdf.contentType(), pdf.contentType().startsWith("application/pdf"));
            String text = pdfText(http.bytes("/api/v1/me/invoices/" + invoice + "/pdf", customerToken));
            for (String expected : new String[] {language.getValue(), number, "121.00", "Núñez " + language.getKey(), "{{name}}"}) {
                assertTrue(expected + " in " + text, text.contains(expected));
            }
            assertProblem(http.get("/api/v1/me/invoices/" + invoice + "/pdf", token), 404, "invoice-not-found");
            assertProblem(http.get("/api/v1/me/invoices/" + invoice, token), 404, "invoice-not-found");
            assertProblem(http.post("/api/v1/me/invoices/" + invoice + "/apply-credit", Http.json(Map.of()), token), 404,
                    "invoice-not-found");
        }
        assertEquals(0, http.get("/api/v1/me/credit", token).json().size());
    }

    @Test
    public void withAutomaticCreditUseAnIssuedInvoiceIsPaidFromTheCredit() throws Exception {
        org.osgi.service.cm.Configuration config = configurationAdmin.getConfiguration("org.hostarea.billing", null);
        java.util.Dictionary<String, Object> properties = config.getProperties();
        java.util.Hashtable<String, Object> on = new java.util.Hashtable<>();
        for (java.util.Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            on.put(key, properties.get(key));
        }
        on.put("credit.autoApply", "true");
        config.update(on);
        try {
            http.post("/api/v1/admin/credit", Http.json(Map.of("accountId", accountId, "currency", "EUR", "amount", 25)), adminToken());
            // the configuration reaches billing asynchronously: issue until an invoice comes out paid from credit
            JsonNode[] partly = new JsonNode[1];
            org.awaitility.Awaitility.await("automatic credit use on").atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                String id = issue(create(accountId, "EUR", List.of(line("Auto", "40.00", "0"))).get("id").asText());
                partly[0] = http.get("/api/v1/me/invoices/" + id, token).json();
                if (partly[0].get("amountPaid").get("amount").decimalValue().signum() == 0) {
                    http.post("/api/v1/admin/invoices/" + id + "/cancel", Http.json(Map.of()), adminToken());
                    return false;
                }
                return true;
            });
            assertEquals("UNPAID", partly[0].get("status").asText());
            assertAmount("25.00", partly[0].get("amountPaid"));
            assertAmount("15.00", partly[0].get("amountDue"));
            assertAmount("0.00", http.get("/api/v1/me/credit", token).json().get(0).get("balance"));
        } finally {
            on.put("credit.autoApply", "false");
            config.update(on);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Map<String, Object> line(String description, String unitPrice, String taxRate) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("description", description);
        line.put("unitPrice", new BigDecimal(unitPrice));
        line.put("taxRate", new BigDecimal(taxRate));
        return line;
    }

    private JsonNode create(String account, String currency, List<Map<String, Object>> lines) {
        return create(account, currency, lines, null);
    }

    private JsonNode create(String account, String currency, List<Map<String, Object>> lines, String series) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", account);
        body.put("currency", currency);
        if (series != null) {
            body.put("series", series);
        }
        body.put("lines", lines);
        Http.Reply reply = http.post("/api/v1/admin/invoices", Http.json(body), adminToken());
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }

    private String issue(String invoiceId) {
        Http.Reply reply = http.post("/api/v1/admin/invoices/" + invoiceId + "/issue", "", adminToken());
        assertEquals(reply.toString(), 200, reply.status());
        return invoiceId;
    }

}
