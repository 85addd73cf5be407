package org.hostarea.billing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.hostarea.core.Money;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads an ISO 20022 camt.053 (BankToCustomerStatement, any .001.xx version) with a locked-down parser: no
 * DOCTYPE at all (so no external entities and no entity expansion), no XInclude, secure processing, and a size
 * limit checked before parsing. Only booked credit lines are returned; the rest is counted.
 */
final class CamtStatement {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** One booked credit line. {@code bankReference}: the bank's own id of the line (AcctSvcrRef), if given. */
    record Line(int index, Money amount, LocalDate bookingDate, String reference, String debtor, String bankReference) {
    }

    record Parsed(String statementId, String account, List<Line> credits, int skipped) {
    }

    private CamtStatement() {
    }

    /** @throws IllegalArgumentException with a message for staff if it is not a readable camt.053 within the limit */
    static Parsed parse(byte[] xml) {
        if (xml == null || xml.length == 0 || xml.length > MAX_BYTES) {
            throw new IllegalArgumentException("the statement must be 1 byte to " + MAX_BYTES / 1024 / 1024 + " MiB of XML");
        }
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML (or it has a DOCTYPE, which is refused)");
        }
        Element root = document.getDocumentElement();
        if (!"Document".equals(root.getLocalName()) || first(root, "BkToCstmrStmt") == null) {
            throw new IllegalArgumentException("not a camt.053 BankToCustomerStatement");
        }
        List<Line> credits = new ArrayList<>();
        int skipped = 0;
        String statementId = null;
        String account = null;
        NodeList statements = root.getElementsByTagNameNS("*", "Stmt");
        for (int s = 0; s < statements.getLength(); s++) {
            Element statement = (Element) statements.item(s);
            statementId = statementId == null ? text(child(statement, "Id")) : statementId;
            Element acct = child(statement, "Acct");
            account = account == null && acct != null ? text(first(acct, "IBAN")) : account;
            for (Element entry : children(statement, "Ntry")) {
                Element amount = child(entry, "Amt");
                String status = text(first(entry, "Sts"));
                boolean booked = status == null || status.contains("BOOK");
                if (!"CRDT".equals(text(child(entry, "CdtDbtInd"))) || !booked || amount == null) {
                    skipped++;
                    continue;
                }
                Money money;
                try {
                    money = new Money(new BigDecimal(amount.getTextContent().strip()), Currency.getInstance(amount.getAttribute("Ccy")));
                } catch (IllegalArgumentException e) {
                    skipped++;
                    continue;
                }
                LocalDate booking = null;
                Element bookingDate = child(entry, "BookgDt");
                String day = bookingDate == null ? null : text(first(bookingDate, "Dt"));
                try {
                    booking = day == null ? null : LocalDate.parse(day);
                } catch (DateTimeParseException e) {
                    booking = null;
                }
                StringBuilder remittance = new StringBuilder();
                NodeList unstructured = entry.getElementsByTagNameNS("*", "Ustrd");
                for (int u = 0; u < unstructured.getLength(); u++) {
                    remittance.append(remittance.length() == 0 ? "" : " ").append(unstructured.item(u).getTextContent().strip());
                }
                NodeList structured = entry.getElementsByTagNameNS("*", "Ref");
                for (int r = 0; r < structured.getLength(); r++) {
                    remittance.append(remittance.length() == 0 ? "" : " ").append(structured.item(r).getTextContent().strip());
                }
                Element debtor = first(entry, "Dbtr");
                credits.add(new Line(credits.size() + skipped, money, booking, clean(remittance.toString()),
                        debtor == null ? null : clean(text(first(debtor, "Nm"))), clean(text(child(entry, "AcctSvcrRef")))));
            }
        }
        return new Parsed(clean(statementId), clean(account), credits, skipped);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the XML parser cannot be locked down", e);
        }
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.isEmpty() ? null : flat;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element first(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }
}
