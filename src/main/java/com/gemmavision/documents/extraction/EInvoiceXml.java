package com.gemmavision.documents.extraction;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.InflaterInputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Structured e-invoices: the XML a ZUGFeRD / Factur-X / XRechnung PDF carries as an attachment, or a UBL or CII
 * file uploaded on its own. Read in one streaming pass into a bounded tree ({@link XmlTree}: DOCTYPEs refused,
 * depth, element count and text capped) and asked by local names, so ZUGFeRD 1.0 ({@code CrossIndustryDocument}),
 * CII D16B ({@code CrossIndustryInvoice}, ZUGFeRD 2 / Factur-X) and UBL 2.1 ({@code Invoice}, {@code CreditNote})
 * all answer the same questions in time linear in the file's size. Field meanings follow EN 16931.
 */
public final class EInvoiceXml {

    /** Largest e-invoice read, as a file or decoded from a PDF's attachment. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Attachments looked at in one PDF; a Factur-X PDF has one or two. */
    private static final int MAX_ATTACHMENTS = 32;

    private static final Set<String> ROOTS =
            Set.of("CrossIndustryInvoice", "CrossIndustryDocument", "Invoice", "CreditNote");

    private EInvoiceXml() {}

    /** One invoice line. */
    public record LineItem(String description, String quantity, String unitPrice, String amount, String taxRate) {}

    /** What the XML states, by field name (EN 16931 meanings), and its lines. */
    public record Invoice(String syntax, Map<String, String> fields, List<LineItem> lineItems) {}

    /**
     * The invoice a PDF carries as an attachment, read once, if there is one. An attachment is decoded from its raw bytes through a
     * bounded stream, never whole: a megabyte that inflates to a gigabyte is read up to the limit and set aside.
     * Only attachments stored plain or with FlateDecode (what every e-invoice standard writes) are read.
     */
    public static Optional<Invoice> attachedTo(PDDocument pdf) {
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
                if (embedded == null || !name.endsWith(".xml")) {
                    continue;
                }
                Optional<Invoice> invoice =
                        decodedWithin(embedded.getCOSObject(), MAX_BYTES).flatMap(EInvoiceXml::parse);
                if (invoice.isPresent()) {
                    return invoice;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A stream's decoded bytes when they are at most {@code limit}; empty when more, or another filter. */
    static Optional<byte[]> decodedWithin(COSStream stream, int limit) throws IOException {
        COSBase filter = stream.getFilters();
        if (filter instanceof COSArray array && array.size() == 1) {
            filter = array.getObject(0);
        } else if (filter instanceof COSArray array && array.size() == 0) {
            filter = null;
        }
        boolean flate = COSName.FLATE_DECODE.equals(filter) || COSName.FLATE_DECODE_ABBREVIATION.equals(filter);
        if (filter != null && !flate) {
            return Optional.empty();
        }
        COSBase parameters = stream.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
        if (parameters instanceof COSDictionary dictionary && dictionary.getInt(COSName.PREDICTOR, 1) > 1) {
            return Optional.empty();
        }
        try (InputStream raw = stream.createRawInputStream();
                InputStream decoded = flate ? new InflaterInputStream(raw) : raw) {
            byte[] bytes = decoded.readNBytes(limit + 1);
            return bytes.length <= limit ? Optional.of(bytes) : Optional.empty();
        }
    }

    private static void collect(
            PDNameTreeNode<PDComplexFileSpecification> node, List<PDComplexFileSpecification> into, int depth)
            throws IOException {
        if (depth > 8 || into.size() >= MAX_ATTACHMENTS) {
            return;
        }
        Map<String, PDComplexFileSpecification> here = node.getNames();
        if (here != null) {
            here.values().stream().limit(MAX_ATTACHMENTS - into.size()).forEach(into::add);
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                collect(kid, into, depth + 1);
            }
        }
    }

    /** Whether bytes look like an XML e-invoice (for uploads of a standalone file). */
    public static boolean looksLikeXml(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, 64), StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .stripLeading();
        return start.startsWith("<?xml") || start.startsWith("<");
    }

    /**
     * Whether a file's root element is one of the e-invoice syntaxes read here. Reads only up to the root, so an
     * upload is answered at once; the whole file is read by the worker.
     */
    public static boolean hasInvoiceRoot(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return ROOTS.contains(XmlTree.rootName(in));
        } catch (IOException | XmlTree.Refused e) {
            return false;
        }
    }

    static Optional<Invoice> parse(byte[] xml) {
        try {
            return Optional.ofNullable(read(xml));
        } catch (XmlTree.Refused e) {
            return Optional.empty();
        }
    }

    /** The invoice, null when the root is not an e-invoice; refused in words when the file cannot be read. */
    public static Invoice read(byte[] xml) throws XmlTree.Refused {
        XmlTree.Element root = XmlTree.read(xml);
        String kind = root.name;
        if ("CrossIndustryInvoice".equals(kind) || "CrossIndustryDocument".equals(kind)) {
            return cii(root, kind.equals("CrossIndustryDocument") ? "ZUGFeRD 1.0 (CII)" : "CII D16B");
        }
        if ("Invoice".equals(kind) || "CreditNote".equals(kind)) {
            return ubl(root);
        }
        return null;
    }

    private static Invoice cii(XmlTree.Element root, String syntax) {
        Map<String, String> fields = new LinkedHashMap<>();
        String header = root.name.equals("CrossIndustryDocument") ? "HeaderExchangedDocument" : "ExchangedDocument";
        put(fields, "invoiceNumber", root.text("/" + header + "/ID"));
        put(fields, "issueDate", date(root.text("/" + header + "/IssueDateTime/DateTimeString")));
        put(fields, "documentType", typeCode(root.text("/" + header + "/TypeCode")));
        put(fields, "dueDate", date(root.text("//SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString")));
        put(fields, "paymentTerms", root.text("//SpecifiedTradePaymentTerms/Description"));
        put(fields, "currency", root.text("//InvoiceCurrencyCode"));
        String summation = "//SpecifiedTradeSettlementMonetarySummation";
        if (root.first(summation).isEmpty()) {
            summation = "//SpecifiedTradeSettlementHeaderMonetarySummation";
        }
        put(fields, "totalAmount", amount(root.text(summation + "/GrandTotalAmount")));
        put(fields, "netAmount", amount(root.text(summation + "/TaxBasisTotalAmount")));
        put(fields, "amountDue", amount(root.text(summation + "/DuePayableAmount")));
        String currency = fields.get("currency");
        String tax = currency == null || !currency.matches("[A-Z]{3}")
                ? null
                : root.text(summation + "/TaxTotalAmount[@currencyID='" + currency + "']");
        put(fields, "taxAmount", amount(tax != null ? tax : root.text(summation + "/TaxTotalAmount")));
        put(fields, "sellerName", root.text("//SellerTradeParty/Name"));
        put(
                fields,
                "sellerVatId",
                compact(root.text("//SellerTradeParty/SpecifiedTaxRegistration/ID[@schemeID='VA']")));
        put(fields, "sellerAddress", address(root, "//SellerTradeParty/PostalTradeAddress"));
        put(fields, "buyerName", root.text("//BuyerTradeParty/Name"));
        put(fields, "buyerVatId", compact(root.text("//BuyerTradeParty/SpecifiedTaxRegistration/ID[@schemeID='VA']")));
        put(fields, "iban", compact(root.text("//PayeePartyCreditorFinancialAccount/IBANID")));
        put(fields, "bic", compact(root.text("//PayeeSpecifiedCreditorFinancialInstitution/BICID")));
        put(fields, "purchaseOrder", root.text("//BuyerOrderReferencedDocument/IssuerAssignedID"));
        if (fields.get("purchaseOrder") == null) {
            put(fields, "purchaseOrder", root.text("//BuyerOrderReferencedDocument/ID"));
        }
        List<LineItem> lines = new ArrayList<>();
        List<XmlTree.Element> items = root.all("//IncludedSupplyChainTradeLineItem");
        for (int i = 0; i < items.size() && i < 500; i++) {
            XmlTree.Element item = items.get(i);
            String rate = item.text(".//ApplicableTradeTax/RateApplicablePercent");
            add(
                    lines,
                    new LineItem(
                            item.text(".//SpecifiedTradeProduct/Name"),
                            number(item.text(".//BilledQuantity")),
                            amount(item.text(".//NetPriceProductTradePrice/ChargeAmount")),
                            amount(item.text(".//LineTotalAmount")),
                            number(rate != null ? rate : item.text(".//ApplicableTradeTax/ApplicablePercent"))));
        }
        return new Invoice(syntax, fields, lines);
    }

    private static Invoice ubl(XmlTree.Element root) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "invoiceNumber", root.text("/ID"));
        put(fields, "issueDate", date(root.text("/IssueDate")));
        put(fields, "documentType", root.name.equals("CreditNote") ? "credit note" : "invoice");
        put(fields, "dueDate", date(root.text("/DueDate")));
        if (fields.get("dueDate") == null) {
            put(fields, "dueDate", date(root.text("/PaymentMeans/PaymentDueDate")));
        }
        put(fields, "paymentTerms", root.text("/PaymentTerms/Note"));
        put(fields, "currency", root.text("/DocumentCurrencyCode"));
        put(fields, "totalAmount", amount(root.text("/LegalMonetaryTotal/TaxInclusiveAmount")));
        put(fields, "netAmount", amount(root.text("/LegalMonetaryTotal/TaxExclusiveAmount")));
        put(fields, "amountDue", amount(root.text("/LegalMonetaryTotal/PayableAmount")));
        put(fields, "taxAmount", amount(root.text("/TaxTotal/TaxAmount")));
        String seller = "/AccountingSupplierParty/Party";
        String sellerName = root.text(seller + "/PartyLegalEntity/RegistrationName");
        put(fields, "sellerName", sellerName != null ? sellerName : root.text(seller + "/PartyName/Name"));
        put(fields, "sellerVatId", compact(root.text(seller + "/PartyTaxScheme/CompanyID")));
        put(fields, "sellerAddress", address(root, seller + "/PostalAddress"));
        String buyer = "/AccountingCustomerParty/Party";
        String buyerName = root.text(buyer + "/PartyLegalEntity/RegistrationName");
        put(fields, "buyerName", buyerName != null ? buyerName : root.text(buyer + "/PartyName/Name"));
        put(fields, "buyerVatId", compact(root.text(buyer + "/PartyTaxScheme/CompanyID")));
        put(fields, "iban", compact(root.text("/PaymentMeans/PayeeFinancialAccount/ID")));
        put(fields, "bic", compact(root.text("/PaymentMeans/PayeeFinancialAccount/FinancialInstitutionBranch/ID")));
        put(fields, "purchaseOrder", root.text("/OrderReference/ID"));
        List<LineItem> lines = new ArrayList<>();
        List<XmlTree.Element> items = root.all("/InvoiceLine");
        if (items.isEmpty()) {
            items = root.all("/CreditNoteLine");
        }
        for (int i = 0; i < items.size() && i < 500; i++) {
            XmlTree.Element item = items.get(i);
            String quantity = item.text("InvoicedQuantity");
            add(
                    lines,
                    new LineItem(
                            item.text("Item/Name"),
                            number(quantity != null ? quantity : item.text("CreditedQuantity")),
                            amount(item.text("Price/PriceAmount")),
                            amount(item.text("LineExtensionAmount")),
                            number(item.text("Item/ClassifiedTaxCategory/Percent"))));
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

    private static String address(XmlTree.Element root, String path) {
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
            String value = root.text(path + "/" + part);
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
        return Decimals.parse(value)
                .map(d -> d.setScale(2, RoundingMode.HALF_UP).toPlainString())
                .orElse(null);
    }

    private static String number(String value) {
        if (value == null) {
            return null;
        }
        return Decimals.parse(value)
                .map(d -> d.stripTrailingZeros().toPlainString())
                .orElse(null);
    }
}
