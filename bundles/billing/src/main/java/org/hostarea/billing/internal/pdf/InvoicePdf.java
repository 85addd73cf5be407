package org.hostarea.billing.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

import org.hostarea.billing.internal.pdf.InvoiceDocument.Holder;
import org.hostarea.billing.internal.pdf.InvoiceDocument.Line;
import org.hostarea.billing.internal.pdf.InvoiceDocument.Provider;
import org.hostarea.billing.internal.pdf.InvoiceDocument.TaxTotal;

/**
 * Lays out an {@link InvoiceDocument} as an A4 PDF with the standard Helvetica fonts (nothing embedded).
 *
 * <p>
 * Every text on the invoice comes from customers or staff, so each field is sanitised before it is measured or
 * drawn:
 * <ol>
 * <li>a field is cut to its first {@value #MAX_FIELD_LENGTH} characters (code points);</li>
 * <li>every control character (C0 and C1, including CR, LF, TAB and NUL) and every other space or line/paragraph
 * separator becomes a plain space, so a field can never start a new line of its own (the provider's address, from
 * configuration, is split on {@code "\n"} first and printed one line each);</li>
 * <li>every character that Helvetica's WinAnsiEncoding cannot encode (CJK, emoji, lone surrogates, ...) becomes
 * {@code '?'}; regular and bold Helvetica share that encoding, so one check serves both.</li>
 * </ol>
 * Missing (null or blank) fields are left out. Text only ever changes the layout by wrapping inside its own column:
 * words are wrapped by measured width, words wider than the column are cut, and a block that could still outgrow
 * the page is cut at a fixed height. The table of lines continues on new pages, repeating its header row.
 */
public final class InvoicePdf {

    private static final PDRectangle PAGE_SIZE = PDRectangle.A4;
    private static final float MARGIN = 50f;
    private static final float BOTTOM_MARGIN = 56f;
    private static final float CONTENT_WIDTH = PAGE_SIZE.getWidth() - 2 * MARGIN;
    private static final float COLUMN_GAP = 20f;
    private static final float HEADER_COLUMN_WIDTH = (CONTENT_WIDTH - COLUMN_GAP) / 2;
    private static final float BLOCK_GAP = 18f;
    private static final float CELL_PADDING = 3f;
    private static final float ROW_PADDING = 3f;
    private static final float MAX_HEADER_HEIGHT = 320f;
    private static final float MAX_FOOTER_HEIGHT = 100f;
    private static final float FOOTER_RULE_OFFSET = 6f;

    private static final float TITLE_SIZE = 18f;
    private static final float STATUS_SIZE = 12f;
    private static final float TEXT_SIZE = 9f;
    private static final float SMALL_SIZE = 7f;
    private static final float FOOTER_SIZE = 8f;
    /** Line height as a multiple of the font size. */
    private static final float LEADING = 1.3f;

    private static final float RULE_WIDTH = 0.5f;
    private static final float HEADER_RULE_GRAY = 0.3f;
    private static final float ROW_RULE_GRAY = 0.85f;

    private static final int MAX_FIELD_LENGTH = 500;

    private static final PDFont REGULAR = PDType1Font.HELVETICA;
    private static final PDFont BOLD = PDType1Font.HELVETICA_BOLD;

    private InvoicePdf() {
    }

    /** Renders the invoice; the PDF's bytes. */
    public static byte[] render(InvoiceDocument invoice) {
        Objects.requireNonNull(invoice, "invoice");
        try (PDDocument document = new PDDocument()) {
            new Renderer(document, invoice).render();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the invoice PDF", e);
        }
    }

    /** The languages an invoice can be printed in. */
    private enum Language {
        EN("en"), ES("es"), DE("de");

        private final String code;

        Language(String code) {
            this.code = code;
        }

        static Language of(String code) {
            String normalised = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
            return switch (normalised) {
                case "es" -> ES;
                case "de" -> DE;
                default -> EN;
            };
        }
    }

    /** Every fixed text on the invoice, in English, Spanish and German. */
    private enum Label {
        INVOICE("Invoice", "Factura", "Rechnung"),
        DRAFT("DRAFT", "BORRADOR", "ENTWURF"),
        STATUS_PAID("PAID", "PAGADA", "BEZAHLT"),
        STATUS_CANCELLED("CANCELLED", "ANULADA", "STORNIERT"),
        STATUS_REFUNDED("REFUNDED", "REEMBOLSADA", "ERSTATTET"),
        ISSUE_DATE("Issue date", "Fecha de emisión", "Rechnungsdatum"),
        DUE_DATE("Due date", "Fecha de vencimiento", "Fällig am"),
        TAX_ID("VAT ID", "NIF", "USt-IdNr."),
        CUSTOMER_NUMBER("Customer number", "Número de cliente", "Kundennummer"),
        DESCRIPTION("Description", "Descripción", "Beschreibung"),
        QUANTITY("Qty", "Cant.", "Menge"),
        UNIT_PRICE("Unit price", "Precio unit.", "Einzelpreis"),
        TAX("VAT", "IVA", "MwSt."),
        NET("Net", "Neto", "Netto"),
        NET_TOTAL("Net total", "Base imponible", "Nettobetrag"),
        TAX_ON("on", "sobre", "auf"),
        TOTAL("Total", "Total", "Gesamtbetrag"),
        PAID("Paid", "Pagado", "Bezahlt"),
        AMOUNT_DUE("Amount due", "Importe pendiente", "Offener Betrag"),
        BANK_ACCOUNT("Bank account", "Cuenta bancaria", "Bankverbindung");

        private final String en;
        private final String es;
        private final String de;

        Label(String en, String es, String de) {
            this.en = en;
            this.es = es;
            this.de = de;
        }

        String in(Language language) {
            return switch (language) {
                case EN -> en;
                case ES -> es;
                case DE -> de;
            };
        }
    }

    /** The columns of the table of lines; their widths add up to the content width. */
    private enum Column {
        DESCRIPTION(225f, false), QUANTITY(50f, true), UNIT_PRICE(80f, true), TAX_RATE(50f, true), NET(90f, true);

        private final float width;
        private final boolean rightAligned;

        Column(float width, boolean rightAligned) {
            this.width = width;
            this.rightAligned = rightAligned;
        }

        /** The column's left edge. */
        float x() {
            float x = MARGIN;
            for (Column column : values()) {
                if (column == this) {
                    break;
                }
                x += column.width;
            }
            return x;
        }

        /** An empty block as wide as the column's text. */
        TextBlock block() {
            return new TextBlock(width - 2 * CELL_PADDING);
        }
    }

    /** One printed line of text: already sanitised and wrapped. An empty text is a blank line. */
    private record Styled(String text, PDFont font, float size) {

        float height() {
            return size * LEADING;
        }
    }

    /** Lines of text wrapped to a fixed width. */
    private static final class TextBlock {

        private final float width;
        private final List<Styled> lines = new ArrayList<>();

        TextBlock(float width) {
            this.width = width;
        }

        /** Adds a sanitised text, wrapped; a null text is left out. */
        TextBlock add(String text, PDFont font, float size) throws IOException {
            if (text != null) {
                for (String line : wrap(text, font, size, width)) {
                    lines.add(new Styled(line, font, size));
                }
            }
            return this;
        }

        /** Adds a blank line, unless the block is still empty. */
        TextBlock gap(float size) {
            if (!lines.isEmpty()) {
                lines.add(new Styled("", REGULAR, size));
            }
            return this;
        }

        /** Drops lines from the end until the block is at most {@code maxHeight} high. */
        TextBlock limit(float maxHeight) {
            while (!lines.isEmpty() && height() > maxHeight) {
                lines.remove(lines.size() - 1);
            }
            return this;
        }

        float height() {
            float height = 0;
            for (Styled line : lines) {
                height += line.height();
            }
            return height;
        }
    }

    /** Draws one invoice into one document: the current page, its content stream and the vertical position. */
    private static final class Renderer {

        private final PDDocument document;
        private final InvoiceDocument invoice;
        private final Language language;
        private final String currency;
        private PDPageContentStream stream;
        /** The top of the free space on the current page. */
        private float y;

        Renderer(PDDocument document, InvoiceDocument invoice) {
            this.document = document;
            this.invoice = invoice;
            this.language = Language.of(invoice.language());
            this.currency = field(invoice.currency());
        }

        void render() throws IOException {
            try {
                newPage();
                header();
                table();
                totals();
                footer();
                documentInformation();
            } finally {
                if (stream != null) {
                    stream.close();
                    stream = null;
                }
            }
        }

        // ---- header

        private void header() throws IOException {
            TextBlock left = new TextBlock(HEADER_COLUMN_WIDTH)
                    .add(label(Label.INVOICE) + " " + numberOrDraft(), BOLD, TITLE_SIZE)
                    .add(status(), BOLD, STATUS_SIZE)
                    .gap(TEXT_SIZE)
                    .add(labeled(Label.ISSUE_DATE, date(invoice.issueDate())), REGULAR, TEXT_SIZE)
                    .add(labeled(Label.DUE_DATE, date(invoice.dueDate())), REGULAR, TEXT_SIZE)
                    .gap(TEXT_SIZE);
            holder(left);
            TextBlock right = new TextBlock(HEADER_COLUMN_WIDTH);
            provider(right);
            left.limit(MAX_HEADER_HEIGHT);
            right.limit(MAX_HEADER_HEIGHT);
            draw(left, MARGIN, y, false);
            draw(right, MARGIN + HEADER_COLUMN_WIDTH + COLUMN_GAP, y, false);
            y -= Math.max(left.height(), right.height()) + BLOCK_GAP;
        }

        private void holder(TextBlock block) throws IOException {
            Holder holder = invoice.holder();
            if (holder == null) {
                return;
            }
            block.add(field(holder.name()), BOLD, TEXT_SIZE)
                    .add(field(holder.company()), REGULAR, TEXT_SIZE)
                    .add(field(holder.street()), REGULAR, TEXT_SIZE)
                    .add(join(" ", field(holder.postcode()), field(holder.city())), REGULAR, TEXT_SIZE)
                    .add(field(holder.country()), REGULAR, TEXT_SIZE)
                    .add(labeled(Label.TAX_ID, field(holder.taxId())), REGULAR, TEXT_SIZE)
                    .add(labeled(Label.CUSTOMER_NUMBER, field(holder.customerNumber())), REGULAR, TEXT_SIZE);
        }

        private void provider(TextBlock block) throws IOException {
            Provider provider = invoice.provider();
            if (provider == null) {
                return;
            }
            block.add(field(provider.name()), BOLD, TEXT_SIZE);
            if (provider.address() != null) {
                String address = provider.address();
                if (address.length() > MAX_FIELD_LENGTH) {
                    address = address.substring(0, MAX_FIELD_LENGTH);
                }
                for (String line : address.split("\n")) {
                    block.add(field(line), REGULAR, TEXT_SIZE);
                }
            }
            block.add(labeled(Label.TAX_ID, field(provider.taxId())), REGULAR, TEXT_SIZE)
                    .add(field(provider.email()), REGULAR, TEXT_SIZE);
        }

        private String numberOrDraft() {
            String number = field(invoice.number());
            return number != null ? number : label(Label.DRAFT);
        }

        /** The translated status, only for the statuses worth printing; otherwise null. */
        private String status() {
            String status = invoice.status() == null ? "" : invoice.status().trim().toUpperCase(Locale.ROOT);
            return switch (status) {
                case "PAID" -> label(Label.STATUS_PAID);
                case "CANCELLED" -> label(Label.STATUS_CANCELLED);
                case "REFUNDED" -> label(Label.STATUS_REFUNDED);
                default -> null;
            };
        }

        // ---- table of lines

        private void table() throws IOException {
            float headerHeight = rowHeight(headerCells());
            float maxCellHeight = PAGE_SIZE.getHeight() - MARGIN - BOTTOM_MARGIN - headerHeight - 2 * ROW_PADDING - 1f;
            if (!fits(headerHeight + rowHeight(new EnumMap<>(Column.class)))) {
                newPage();
            }
            drawTableHeader();
            List<Line> lines = invoice.lines() == null ? List.of() : invoice.lines();
            for (Line line : lines) {
                if (line == null) {
                    continue;
                }
                Map<Column, TextBlock> cells = lineCells(line, maxCellHeight);
                if (!fits(rowHeight(cells))) {
                    newPage();
                    drawTableHeader();
                }
                drawRow(cells);
                rule(MARGIN, MARGIN + CONTENT_WIDTH, y, ROW_RULE_GRAY);
            }
        }

        private Map<Column, TextBlock> headerCells() throws IOException {
            Map<Column, TextBlock> cells = new EnumMap<>(Column.class);
            cells.put(Column.DESCRIPTION, Column.DESCRIPTION.block().add(label(Label.DESCRIPTION), BOLD, TEXT_SIZE));
            cells.put(Column.QUANTITY, Column.QUANTITY.block().add(label(Label.QUANTITY), BOLD, TEXT_SIZE));
            cells.put(Column.UNIT_PRICE, Column.UNIT_PRICE.block().add(label(Label.UNIT_PRICE), BOLD, TEXT_SIZE));
            cells.put(Column.TAX_RATE, Column.TAX_RATE.block().add(label(Label.TAX), BOLD, TEXT_SIZE));
            cells.put(Column.NET, Column.NET.block().add(label(Label.NET), BOLD, TEXT_SIZE));
            return cells;
        }

        private Map<Column, TextBlock> lineCells(Line line, float maxCellHeight) throws IOException {
            Map<Column, TextBlock> cells = new EnumMap<>(Column.class);
            cells.put(Column.DESCRIPTION, Column.DESCRIPTION.block()
                    .add(field(line.description()), REGULAR, TEXT_SIZE)
                    .add(field(line.period()), REGULAR, SMALL_SIZE));
            cells.put(Column.QUANTITY, Column.QUANTITY.block().add(plain(line.quantity()), REGULAR, TEXT_SIZE));
            cells.put(Column.UNIT_PRICE, Column.UNIT_PRICE.block().add(plain(line.unitPrice()), REGULAR, TEXT_SIZE));
            cells.put(Column.TAX_RATE, Column.TAX_RATE.block().add(percent(line.taxRate()), REGULAR, TEXT_SIZE));
            cells.put(Column.NET, Column.NET.block().add(plain(line.net()), REGULAR, TEXT_SIZE));
            for (TextBlock cell : cells.values()) {
                cell.limit(maxCellHeight);
            }
            return cells;
        }

        private void drawTableHeader() throws IOException {
            drawRow(headerCells());
            rule(MARGIN, MARGIN + CONTENT_WIDTH, y, HEADER_RULE_GRAY);
        }

        /** A row is as high as its highest cell (at least one line of text), plus padding. */
        private static float rowHeight(Map<Column, TextBlock> cells) {
            float height = TEXT_SIZE * LEADING;
            for (TextBlock cell : cells.values()) {
                height = Math.max(height, cell.height());
            }
            return height + 2 * ROW_PADDING;
        }

        private void drawRow(Map<Column, TextBlock> cells) throws IOException {
            for (Map.Entry<Column, TextBlock> cell : cells.entrySet()) {
                Column column = cell.getKey();
                draw(cell.getValue(), column.x() + CELL_PADDING, y - ROW_PADDING, column.rightAligned);
            }
            y -= rowHeight(cells);
        }

        // ---- totals

        private void totals() throws IOException {
            y -= BLOCK_GAP / 2;
            totalRow(label(Label.NET_TOTAL), amount(invoice.net()), false, false);
            List<TaxTotal> taxes = invoice.taxes() == null ? List.of() : invoice.taxes();
            if (taxes.stream().allMatch(Objects::isNull)) {
                totalRow(label(Label.TAX), amount(invoice.tax()), false, false);
            }
            for (TaxTotal tax : taxes) {
                if (tax != null) {
                    totalRow(taxLabel(tax), amount(tax.amount()), false, false);
                }
            }
            totalRow(label(Label.TOTAL), amount(invoice.total()), true, true);
            totalRow(label(Label.PAID), amount(invoice.paid()), false, false);
            totalRow(label(Label.AMOUNT_DUE), amount(invoice.due()), true, false);
        }

        /** "VAT 21% on 100.00 EUR": the rate and the base, where known. */
        private String taxLabel(TaxTotal tax) {
            StringBuilder text = new StringBuilder(label(Label.TAX));
            String rate = percent(tax.rate());
            if (rate != null) {
                text.append(' ').append(rate);
            }
            String base = amount(tax.base());
            if (base != null) {
                text.append(' ').append(label(Label.TAX_ON)).append(' ').append(base);
            }
            return text.toString();
        }

        /** A label and an amount right-aligned under the numeric columns; left out if the amount is missing. */
        private void totalRow(String label, String amount, boolean bold, boolean ruleAbove) throws IOException {
            if (amount == null) {
                return;
            }
            PDFont font = bold ? BOLD : REGULAR;
            float labelX = Column.QUANTITY.x();
            float maxHeight = PAGE_SIZE.getHeight() - MARGIN - BOTTOM_MARGIN - 2 * ROW_PADDING;
            TextBlock labelBlock = new TextBlock(Column.NET.x() - labelX - 2 * CELL_PADDING)
                    .add(label, font, TEXT_SIZE).limit(maxHeight);
            TextBlock amountBlock = Column.NET.block().add(amount, font, TEXT_SIZE).limit(maxHeight);
            float height = Math.max(TEXT_SIZE * LEADING, Math.max(labelBlock.height(), amountBlock.height()))
                    + 2 * ROW_PADDING;
            if (!fits(height)) {
                newPage();
            }
            if (ruleAbove) {
                rule(labelX, MARGIN + CONTENT_WIDTH, y, HEADER_RULE_GRAY);
            }
            draw(labelBlock, labelX + CELL_PADDING, y - ROW_PADDING, true);
            draw(amountBlock, Column.NET.x() + CELL_PADDING, y - ROW_PADDING, true);
            y -= height;
        }

        // ---- footer and metadata

        /** Payment details at the bottom of the last page, if the provider has a bank account. */
        private void footer() throws IOException {
            Provider provider = invoice.provider();
            if (provider == null) {
                return;
            }
            String iban = field(provider.iban());
            String bic = field(provider.bic());
            String account = join(", ", iban == null ? null : "IBAN " + iban, bic == null ? null : "BIC " + bic);
            if (account == null) {
                return;
            }
            TextBlock block = new TextBlock(CONTENT_WIDTH)
                    .add(label(Label.BANK_ACCOUNT) + ": " + account, REGULAR, FOOTER_SIZE)
                    .limit(MAX_FOOTER_HEIGHT);
            if (!fits(block.height() + BLOCK_GAP)) {
                newPage();
            }
            float top = BOTTOM_MARGIN + block.height();
            rule(MARGIN, MARGIN + CONTENT_WIDTH, top + FOOTER_RULE_OFFSET, HEADER_RULE_GRAY);
            draw(block, MARGIN, top, false);
            y = BOTTOM_MARGIN;
        }

        private void documentInformation() {
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(numberOrDraft());
            String author = invoice.provider() == null ? null : field(invoice.provider().name());
            if (author != null) {
                information.setAuthor(author);
            }
            document.getDocumentCatalog().setLanguage(language.code);
        }

        // ---- drawing

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
            PDPage page = new PDPage(PAGE_SIZE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PAGE_SIZE.getHeight() - MARGIN;
        }

        /** Whether {@code height} more points fit above the bottom margin of the current page. */
        private boolean fits(float height) {
            return y - height >= BOTTOM_MARGIN;
        }

        /** Draws a block with its first line's top at {@code top}, each line left- or right-aligned. */
        private void draw(TextBlock block, float x, float top, boolean alignRight) throws IOException {
            float lineTop = top;
            for (Styled line : block.lines) {
                if (!line.text().isEmpty()) {
                    float left = alignRight ? x + block.width - width(line.text(), line.font(), line.size()) : x;
                    stream.beginText();
                    stream.setFont(line.font(), line.size());
                    stream.newLineAtOffset(left, lineTop - line.size());
                    stream.showText(line.text());
                    stream.endText();
                }
                lineTop -= line.height();
            }
        }

        private void rule(float fromX, float toX, float atY, float gray) throws IOException {
            stream.setStrokingColor(gray);
            stream.setLineWidth(RULE_WIDTH);
            stream.moveTo(fromX, atY);
            stream.lineTo(toX, atY);
            stream.stroke();
        }

        // ---- texts

        private String label(Label label) {
            return label.in(language);
        }

        /** "Label: value", or null without a value. */
        private String labeled(Label label, String value) {
            return value == null ? null : label(label) + ": " + value;
        }

        /** The amount and the currency code, or null without an amount. */
        private String amount(BigDecimal value) {
            return join(" ", plain(value), currency);
        }
    }

    // ---- sanitising, formatting and wrapping

    /**
     * The printable form of a field: at most {@value #MAX_FIELD_LENGTH} characters, controls and separators as
     * spaces, what WinAnsiEncoding lacks as {@code '?'}; null if the field is null or blank.
     */
    private static String field(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_FIELD_LENGTH));
        int index = 0;
        while (index < raw.length() && out.length() < MAX_FIELD_LENGTH) {
            int codePoint = raw.codePointAt(index);
            index += Character.charCount(codePoint);
            out.append(printable(codePoint));
        }
        String text = out.toString();
        return text.isBlank() ? null : text;
    }

    /** One code point as one printable character. Controls are tested first: PDFBox caches encodings by code. */
    private static char printable(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isSpaceChar(codePoint)) {
            return ' ';
        }
        if (!Character.isBmpCodePoint(codePoint)) {
            return '?';
        }
        try {
            REGULAR.encode(String.valueOf((char) codePoint));
            return (char) codePoint;
        } catch (IllegalArgumentException | IOException e) {
            return '?';
        }
    }

    /** A date as ISO yyyy-MM-dd, or null. */
    private static String date(LocalDate date) {
        return date == null ? null : field(date.toString());
    }

    /** A number as given, without exponent (absurdly long numbers keep theirs), or null. */
    private static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        boolean tooLong = (long) value.precision() + Math.abs((long) value.scale()) > MAX_FIELD_LENGTH;
        return field(tooLong ? value.toString() : value.toPlainString());
    }

    /** A tax rate in percent without trailing zeros, "21%", or null. */
    private static String percent(BigDecimal rate) {
        String plain = rate == null ? null : plain(rate.stripTrailingZeros());
        return plain == null ? null : plain + "%";
    }

    /** The non-null parts joined by {@code separator}, or null if all are null. */
    private static String join(String separator, String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                if (joined.length() > 0) {
                    joined.append(separator);
                }
                joined.append(part);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /**
     * Wraps a sanitised text to lines no wider than {@code maxWidth}: at spaces where possible, and a word wider
     * than a whole line is cut wherever it has to be.
     */
    private static List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > maxWidth) {
                int cut = fittingPrefix(rest, font, size, maxWidth);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** How many leading characters of {@code word} fit in {@code maxWidth}; at least one. */
    private static int fittingPrefix(String word, PDFont font, float size, float maxWidth) throws IOException {
        float used = 0;
        for (int i = 0; i < word.length(); i++) {
            used += width(word.substring(i, i + 1), font, size);
            if (used > maxWidth) {
                return Math.max(1, i);
            }
        }
        return word.length();
    }
}
