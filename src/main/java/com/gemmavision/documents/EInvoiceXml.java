package com.gemmavision.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Structured e-invoices: the XML a ZUGFeRD / Factur-X / XRechnung PDF carries as an attachment, or a UBL or CII
 * file uploaded on its own. Read with the JDK's parser with DOCTYPEs refused (so no external entity and no
 * entity expansion can be used against the server) and with XPath over local names, so ZUGFeRD 1.0
 * ({@code CrossIndustryDocument}), CII D16B ({@code CrossIndustryInvoice}, ZUGFeRD 2 / Factur-X) and UBL 2.1
 * ({@code Invoice}, {@code CreditNote}) all answer the same questions. Field meanings follow EN 16931.
 */
public final class EInvoiceXml {

    /** Largest attachment read. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private EInvoiceXml() {}

    /** One invoice line. */
    public record LineItem(String description, String quantity, String unitPrice, String amount, String taxRate) {}

    /** What the XML states, by field name (EN 16931 meanings), and its lines. */
    record Invoice(String syntax, Map<String, String> fields, List<LineItem> lineItems) {}

    /** The invoice XML attached to a PDF, if there is one. */
    static Optional<byte[]> attachedTo(PDDocument pdf) {
        try {
            PDDocumentNameDictionary names = pdf.getDocumentCatalog().getNames();
            PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
            if (tree == null) {
                return Optional.empty();
            }
            List<PDComplexFileSpecification> files = new ArrayList<>();
            collect(tree, files, 0);
            for (PDComplexFileSpecification file : files) {
                String name =
                        file.getFilename() == null ? "" : file.getFilename().toLowerCase(Locale.ROOT);
                PDEmbeddedFile embedded = file.getEmbeddedFile();
                if (embedded == null) {
                    embedded = file.getEmbeddedFileUnicode();
                }
                if (embedded != null && name.endsWith(".xml") && embedded.getLength() <= MAX_BYTES) {
                    // Read decoded, but never more than the limit: a compressed attachment can inflate far past it.
                    byte[] bytes;
                    try (InputStream in = embedded.createInputStream()) {
                        bytes = in.readNBytes(MAX_BYTES + 1);
                    }
                    if (bytes.length <= MAX_BYTES && parse(bytes).isPresent()) {
                        return Optional.of(bytes);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static void collect(
            PDNameTreeNode<PDComplexFileSpecification> node, List<PDComplexFileSpecification> into, int depth)
            throws IOException {
        if (depth > 8) {
            return;
        }
        Map<String, PDComplexFileSpecification> here = node.getNames();
        if (here != null) {
            into.addAll(here.values());
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                collect(kid, into, depth + 1);
            }
        }
    }

    /** Whether bytes look like an XML e-invoice (for uploads of a standalone file). */
    static boolean looksLikeXml(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, 64), StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .stripLeading();
        return start.startsWith("<?xml") || start.startsWith("<");
    }

    static Optional<Invoice> parse(byte[] xml) {
        try {
            Document document = builder().parse(new ByteArrayInputStream(xml));
            Element root = document.getDocumentElement();
            String kind = root.getLocalName();
            if ("CrossIndustryInvoice".equals(kind) || "CrossIndustryDocument".equals(kind)) {
                return Optional.of(cii(root, kind.equals("CrossIndustryDocument") ? "ZUGFeRD 1.0 (CII)" : "CII D16B"));
            }
            if ("Invoice".equals(kind) || "CreditNote".equals(kind)) {
                return Optional.of(ubl(root));
            }
            return Optional.empty();
        } catch (SAXException
                | IOException
                | ParserConfigurationException
                | XPathExpressionException
                | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }

    /**
     * A path of element names as XPath over local names, whatever the namespaces: {@code //A/B[@x='y']} becomes
     * {@code //*[local-name()='A']/*[local-name()='B'][@x='y']}. A single leading slash means a child of the
     * context (the root element), not of the document.
     */
    static String p(String path) {
        String relative = path.startsWith("/") && !path.startsWith("//") ? path.substring(1) : path;
        String[] steps = relative.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            if (i > 0) {
                out.append('/');
            }
            if (step.isEmpty() || step.equals(".") || step.equals("..") || step.startsWith("@")) {
                out.append(step);
                continue;
            }
            int predicate = step.indexOf('[');
            String name = predicate < 0 ? step : step.substring(0, predicate);
            out.append("*[local-name()='")
                    .append(name)
                    .append("']")
                    .append(predicate < 0 ? "" : step.substring(predicate));
        }
        return out.toString();
    }

    private static String text(Node context, String path) throws XPathExpressionException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        Node node = (Node) xpath.evaluate(p(path), context, XPathConstants.NODE);
        if (node == null) {
            return null;
        }
        String value = node.getTextContent().strip().replaceAll("\\s+", " ");
        return value.isEmpty() ? null : value;
    }

    private static NodeList nodes(Node context, String path) throws XPathExpressionException {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(p(path), context, XPathConstants.NODESET);
    }

    private static Invoice cii(Element root, String syntax) throws XPathExpressionException {
        Map<String, String> fields = new LinkedHashMap<>();
        String header =
                root.getLocalName().equals("CrossIndustryDocument") ? "HeaderExchangedDocument" : "ExchangedDocument";
        put(fields, "invoiceNumber", text(root, "/" + header + "/ID"));
        put(fields, "issueDate", date(text(root, "/" + header + "/IssueDateTime/DateTimeString")));
        put(fields, "documentType", typeCode(text(root, "/" + header + "/TypeCode")));
        put(fields, "dueDate", date(text(root, "//SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString")));
        put(fields, "paymentTerms", text(root, "//SpecifiedTradePaymentTerms/Description"));
        put(fields, "currency", text(root, "//InvoiceCurrencyCode"));
        String summation = "//SpecifiedTradeSettlementMonetarySummation";
        if (nodes(root, summation).getLength() == 0) {
            summation = "//SpecifiedTradeSettlementHeaderMonetarySummation";
        }
        put(fields, "totalAmount", amount(text(root, summation + "/GrandTotalAmount")));
        put(fields, "netAmount", amount(text(root, summation + "/TaxBasisTotalAmount")));
        put(fields, "amountDue", amount(text(root, summation + "/DuePayableAmount")));
        String currency = fields.get("currency");
        // The currency goes into the XPath only as the three letters ISO 4217 allows.
        String tax = currency == null || !currency.matches("[A-Z]{3}")
                ? null
                : text(root, summation + "/TaxTotalAmount[@currencyID='" + currency + "']");
        put(fields, "taxAmount", amount(tax != null ? tax : text(root, summation + "/TaxTotalAmount")));
        put(fields, "sellerName", text(root, "//SellerTradeParty/Name"));
        put(
                fields,
                "sellerVatId",
                compact(text(root, "//SellerTradeParty/SpecifiedTaxRegistration/ID[@schemeID='VA']")));
        put(fields, "sellerAddress", address(root, "//SellerTradeParty/PostalTradeAddress"));
        put(fields, "buyerName", text(root, "//BuyerTradeParty/Name"));
        put(fields, "buyerVatId", compact(text(root, "//BuyerTradeParty/SpecifiedTaxRegistration/ID[@schemeID='VA']")));
        put(fields, "iban", compact(text(root, "//PayeePartyCreditorFinancialAccount/IBANID")));
        put(fields, "bic", compact(text(root, "//PayeeSpecifiedCreditorFinancialInstitution/BICID")));
        put(fields, "purchaseOrder", text(root, "//BuyerOrderReferencedDocument/IssuerAssignedID"));
        if (fields.get("purchaseOrder") == null) {
            put(fields, "purchaseOrder", text(root, "//BuyerOrderReferencedDocument/ID"));
        }
        List<LineItem> lines = new ArrayList<>();
        NodeList items = nodes(root, "//IncludedSupplyChainTradeLineItem");
        for (int i = 0; i < items.getLength() && i < 500; i++) {
            Node item = items.item(i);
            String rate = text(item, ".//ApplicableTradeTax/RateApplicablePercent");
            add(
                    lines,
                    new LineItem(
                            text(item, ".//SpecifiedTradeProduct/Name"),
                            number(text(item, ".//BilledQuantity")),
                            amount(text(item, ".//NetPriceProductTradePrice/ChargeAmount")),
                            amount(text(item, ".//LineTotalAmount")),
                            number(rate != null ? rate : text(item, ".//ApplicableTradeTax/ApplicablePercent"))));
        }
        return new Invoice(syntax, fields, lines);
    }

    private static Invoice ubl(Element root) throws XPathExpressionException {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "invoiceNumber", text(root, "/ID"));
        put(fields, "issueDate", date(text(root, "/IssueDate")));
        put(fields, "documentType", root.getLocalName().equals("CreditNote") ? "credit note" : "invoice");
        put(fields, "dueDate", date(text(root, "/DueDate")));
        if (fields.get("dueDate") == null) {
            put(fields, "dueDate", date(text(root, "/PaymentMeans/PaymentDueDate")));
        }
        put(fields, "paymentTerms", text(root, "/PaymentTerms/Note"));
        put(fields, "currency", text(root, "/DocumentCurrencyCode"));
        put(fields, "totalAmount", amount(text(root, "/LegalMonetaryTotal/TaxInclusiveAmount")));
        put(fields, "netAmount", amount(text(root, "/LegalMonetaryTotal/TaxExclusiveAmount")));
        put(fields, "amountDue", amount(text(root, "/LegalMonetaryTotal/PayableAmount")));
        put(fields, "taxAmount", amount(text(root, "/TaxTotal/TaxAmount")));
        String seller = "/AccountingSupplierParty/Party";
        String sellerName = text(root, seller + "/PartyLegalEntity/RegistrationName");
        put(fields, "sellerName", sellerName != null ? sellerName : text(root, seller + "/PartyName/Name"));
        put(fields, "sellerVatId", compact(text(root, seller + "/PartyTaxScheme/CompanyID")));
        put(fields, "sellerAddress", address(root, seller + "/PostalAddress"));
        String buyer = "/AccountingCustomerParty/Party";
        String buyerName = text(root, buyer + "/PartyLegalEntity/RegistrationName");
        put(fields, "buyerName", buyerName != null ? buyerName : text(root, buyer + "/PartyName/Name"));
        put(fields, "buyerVatId", compact(text(root, buyer + "/PartyTaxScheme/CompanyID")));
        put(fields, "iban", compact(text(root, "/PaymentMeans/PayeeFinancialAccount/ID")));
        put(fields, "bic", compact(text(root, "/PaymentMeans/PayeeFinancialAccount/FinancialInstitutionBranch/ID")));
        put(fields, "purchaseOrder", text(root, "/OrderReference/ID"));
        List<LineItem> lines = new ArrayList<>();
        NodeList items = nodes(root, "/InvoiceLine");
        if (items.getLength() == 0) {
            items = nodes(root, "/CreditNoteLine");
        }
        for (int i = 0; i < items.getLength() && i < 500; i++) {
            Node item = items.item(i);
            String quantity = text(item, "InvoicedQuantity");
            add(
                    lines,
                    new LineItem(
                            text(item, "Item/Name"),
                            number(quantity != null ? quantity : text(item, "CreditedQuantity")),
                            amount(text(item, "Price/PriceAmount")),
                            amount(text(item, "LineExtensionAmount")),
                            number(text(item, "Item/ClassifiedTaxCategory/Percent"))));
        }
        return new Invoice("UBL 2.1", fields, lines);
    }

    private static void add(List<LineItem> lines, LineItem item) {
        if (item.description() != null || item.amount() != null) {
            lines.add(item);
        }
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value.length() > 300 ? value.substring(0, 299) + "…" : value);
        }
    }

    private static String address(Node root, String path) throws XPathExpressionException {
        List<String> parts = new ArrayList<>();
        for (String part : List.of(
                "LineOne",
                "StreetName",
                "LineTwo",
                "AdditionalStreetName",
                "PostcodeCode",
                "PostalZone",
                "CityName",
                "CountryID",
                "Country/IdentificationCode")) {
            String value = text(root, path + "/" + part);
            if (value != null) {
                parts.add(value);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String typeCode(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "381", "261", "262", "396" -> "credit note";
            default -> "invoice";
        };
    }

    private static String compact(String id) {
        return id == null ? null : id.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** Format 102 (yyyyMMdd) or ISO; null when neither. */
    static String date(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.strip();
        try {
            if (digits.matches("\\d{8}")) {
                return LocalDate.parse(digits, DateTimeFormatter.BASIC_ISO_DATE).toString();
            }
            return LocalDate.parse(digits.length() >= 10 ? digits.substring(0, 10) : digits)
                    .toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An amount with two decimals; null when not a number. */
    static String amount(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip())
                    .setScale(2, RoundingMode.HALF_UP)
                    .toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
