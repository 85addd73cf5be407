package org.hostarea.billing.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import org.hostarea.billing.internal.pdf.InvoiceDocument.Holder;
import org.hostarea.billing.internal.pdf.InvoiceDocument.Line;
import org.hostarea.billing.internal.pdf.InvoiceDocument.Provider;
import org.hostarea.billing.internal.pdf.InvoiceDocument.TaxTotal;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    private static final String NUMBER = "2026-000123";
    private static final String HOLDER = "José Müller-Ñúñez";
    private static final String PROVIDER = "Hostarea S.L.";

    @Test
    void printsTheInvoiceInEachLanguage() throws IOException {
        // language -> title, customer number label, status word
        Map<String, List<String>> words = Map.of(
                "en", List.of("Invoice", "Customer number", "PAID"),
                "es", List.of("Factura", "Número de cliente", "PAGADA"),
                "de", List.of("Rechnung", "Kundennummer", "BEZAHLT"));
        for (Map.Entry<String, List<String>> language : words.entrySet()) {
            String text = text(InvoicePdf.render(
                    invoice(language.getKey(), HOLDER, NUMBER, "PAID", List.of(line("Web hosting Basic")))));
            List<String> expected = language.getValue();
            assertAll(language.getKey(),
                    () -> assertTrue(text.contains(expected.get(0) + " " + NUMBER), text),
                    () -> assertTrue(text.contains(HOLDER), text),
                    () -> assertTrue(text.contains("121.00 EUR"), text),
                    () -> assertTrue(text.contains(expected.get(1) + ": C-000042"), text),
                    () -> assertTrue(text.contains(expected.get(2)), text),
                    () -> assertTrue(text.contains("Web hosting Basic"), text));
        }
    }

    @Test
    void anyOtherLanguageIsEnglish() throws IOException {
        String text = text(InvoicePdf.render(invoice("fr", HOLDER, NUMBER, "UNPAID", List.of(line("Hosting")))));
        assertTrue(text.contains("Invoice " + NUMBER), text);
        assertTrue(text.contains("Customer number"), text);
    }

    @Test
    void setsTitleAuthorAndBankDetails() throws IOException {
        byte[] pdf = InvoicePdf.render(invoice("de", HOLDER, NUMBER, "UNPAID", List.of(line("Hosting"))));
        try (PDDocument document = PDDocument.load(pdf)) {
            assertEquals(NUMBER, document.getDocumentInformation().getTitle());
            assertEquals(PROVIDER, document.getDocumentInformation().getAuthor());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Bankverbindung: IBAN ES91 2100 0418 4502 0005 1332, BIC CAIXESBBXXX"), text);
            assertTrue(text.contains("MwSt. 21% auf 100.00 EUR"), text);
        }
    }

    @Test
    void longLinesWrapAndTheTableContinuesOnNewPages() throws IOException {
        List<Line> lines = new ArrayList<>();
        lines.add(line("W".repeat(3000)));
        lines.add(line(String.join(" ", Collections.nCopies(80 * 12, "lorem"))));
        for (int i = 3; i < 120; i++) {
            lines.add(line("Mailbox " + i));
        }
        lines.add(line("Last line: offsite backup"));

        byte[] pdf = InvoicePdf.render(invoice("en", HOLDER, NUMBER, "UNPAID", lines));

        try (PDDocument document = PDDocument.load(pdf)) {
            assertTrue(document.getNumberOfPages() > 1, "pages: " + document.getNumberOfPages());
            GlyphBounds stripper = new GlyphBounds();
            String text = stripper.getText(document);
            int last = text.indexOf("Last line: offsite backup");
            assertTrue(last > 0, text);
            assertTrue(text.indexOf("121.00 EUR", last) > last, text);
            assertTrue(occurrences(text, "Description") >= 2, "the header row repeats on the next page");
            // the unbreakable word is cut inside the description column (50 + 225), all text inside the margins
            assertTrue(stripper.maxRightOfW > 200f && stripper.maxRightOfW <= 275.5f, "W up to " + stripper.maxRightOfW);
            assertTrue(stripper.minLeft >= 49.5f, "text from " + stripper.minLeft);
            assertTrue(stripper.maxRight <= 546f, "text up to " + stripper.maxRight);
        }
    }

    @Test
    void hostileTextIsNeutralised() throws IOException {
        String hostile = "Mallory\r\nEvil: 1\u0000 \u540D\u524D \uD83D\uDE00";
        InvoiceDocument invoice = invoice("en", hostile, NUMBER, "UNPAID", List.of(line("Setup\tfee\u202E\u0007")));

        byte[] pdf = assertDoesNotThrow(() -> InvoicePdf.render(invoice));

        String text = text(pdf);
        assertTrue(text.contains("?"), text);
        assertFalse(text.contains("\u0000"), text);
        assertFalse(text.contains("\u540D"), text);
        assertFalse(text.contains("\uD83D\uDE00"), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("Mallory") && l.contains("Evil: 1")),
                "the name stays on one line: " + text);
        assertTrue(text.lines().map(String::strip).noneMatch(l -> l.startsWith("Evil")), text);
        assertTrue(text.contains("Setup fee"), text);
    }

    @Test
    void aDraftShowsTheWordForDraft() throws IOException {
        Map<String, String> titles = Map.of("en", "Invoice DRAFT", "es", "Factura BORRADOR", "de", "Rechnung ENTWURF");
        for (Map.Entry<String, String> title : titles.entrySet()) {
            byte[] pdf = InvoicePdf.render(invoice(title.getKey(), HOLDER, null, "DRAFT", List.of(line("Hosting"))));
            try (PDDocument document = PDDocument.load(pdf)) {
                String text = new PDFTextStripper().getText(document);
                assertTrue(text.contains(title.getValue()), text);
                String word = title.getValue().substring(title.getValue().indexOf(' ') + 1);
                assertEquals(word, document.getDocumentInformation().getTitle());
            }
        }
    }

    private static InvoiceDocument invoice(String language, String holderName, String number, String status,
            List<Line> lines) {
        Provider provider = new Provider(PROVIDER, "Calle Mayor 1\n28013 Madrid\nSpain", "ESB12345678",
                "ES91 2100 0418 4502 0005 1332", "CAIXESBBXXX", "billing@hostarea.example");
        Holder holder = new Holder(holderName, "Müller Consulting", "Hauptstraße 5", "10115", "Berlin", "DE",
                "DE123456789", "C-000042");
        List<TaxTotal> taxes = List.of(new TaxTotal(new BigDecimal("21.00"), new BigDecimal("100.00"),
                new BigDecimal("21.00")));
        return new InvoiceDocument(language, provider, holder, number, LocalDate.of(2026, 11, 22),
                LocalDate.of(2026, 12, 6), "EUR", lines, taxes, new BigDecimal("100.00"), new BigDecimal("21.00"),
                new BigDecimal("121.00"), new BigDecimal("0.00"), new BigDecimal("121.00"), status);
    }

    private static Line line(String description) {
        return new Line(description, "2026-11-22 – 2027-11-21", new BigDecimal("1"), new BigDecimal("100.00"),
                new BigDecimal("21.00"), new BigDecimal("100.00"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int occurrences(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            count++;
        }
        return count;
    }

    /** Extracts the text and records where its glyphs are, horizontally. */
    private static final class GlyphBounds extends PDFTextStripper {

        float minLeft = Float.MAX_VALUE;
        float maxRight;
        float maxRightOfW;

        GlyphBounds() throws IOException {
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            super.processTextPosition(text);
            float left = text.getXDirAdj();
            float right = left + text.getWidthDirAdj();
            minLeft = Math.min(minLeft, left);
            maxRight = Math.max(maxRight, right);
            if ("W".equals(text.getUnicode())) {
                maxRightOfW = Math.max(maxRightOfW, right);
            }
        }
    }
}
