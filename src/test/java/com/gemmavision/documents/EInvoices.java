package com.gemmavision.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/** E-invoice test files made on the spot: CII and UBL XML, a PDF carrying one, ZIP archives (and a ZIP bomb). */
public final class EInvoices {

    private EInvoices() {}

    /** A minimal CII D16B (Factur-X / ZUGFeRD 2) invoice. */
    public static String cii(String number, String grandTotal, String net, String tax) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
                    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
                    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
                  <rsm:ExchangedDocument><ram:ID>%s</ram:ID><ram:TypeCode>380</ram:TypeCode>
                    <ram:IssueDateTime><udt:DateTimeString format="102">20241101</udt:DateTimeString></ram:IssueDateTime>
                  </rsm:ExchangedDocument>
                  <rsm:SupplyChainTradeTransaction>
                    <ram:ApplicableHeaderTradeAgreement>
                      <ram:SellerTradeParty><ram:Name>Beispiel Handel GmbH</ram:Name>
                        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration>
                      </ram:SellerTradeParty>
                      <ram:BuyerTradeParty><ram:Name>Kunde AG</ram:Name></ram:BuyerTradeParty>
                    </ram:ApplicableHeaderTradeAgreement>
                    <ram:ApplicableHeaderTradeSettlement>
                      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
                      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
                        <ram:TaxBasisTotalAmount>%s</ram:TaxBasisTotalAmount>
                        <ram:TaxTotalAmount currencyID="EUR">%s</ram:TaxTotalAmount>
                        <ram:GrandTotalAmount>%s</ram:GrandTotalAmount>
                        <ram:DuePayableAmount>%s</ram:DuePayableAmount>
                      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
                    </ram:ApplicableHeaderTradeSettlement>
                  </rsm:SupplyChainTradeTransaction>
                </rsm:CrossIndustryInvoice>
                """.formatted(number, net, tax, grandTotal, grandTotal);
    }

    /** A minimal UBL 2.1 invoice. */
    public static String ubl() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:ID>UBL-2024-17</cbc:ID>
                  <cbc:IssueDate>2024-05-02</cbc:IssueDate>
                  <cbc:DueDate>2024-06-01</cbc:DueDate>
                  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
                  <cac:AccountingSupplierParty><cac:Party>
                    <cac:PartyTaxScheme><cbc:CompanyID>NL123456789B01</cbc:CompanyID></cac:PartyTaxScheme>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Van Dijk Installaties B.V.</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:Party></cac:AccountingSupplierParty>
                  <cac:AccountingCustomerParty><cac:Party>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Klant BV</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:Party></cac:AccountingCustomerParty>
                  <cac:PaymentMeans><cac:PayeeFinancialAccount><cbc:ID>NL91ABNA0417164300</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
                  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">21.00</cbc:TaxAmount></cac:TaxTotal>
                  <cac:LegalMonetaryTotal>
                    <cbc:TaxExclusiveAmount currencyID="EUR">100.00</cbc:TaxExclusiveAmount>
                    <cbc:TaxInclusiveAmount currencyID="EUR">121.00</cbc:TaxInclusiveAmount>
                    <cbc:PayableAmount currencyID="EUR">121.00</cbc:PayableAmount>
                  </cac:LegalMonetaryTotal>
                  <cac:InvoiceLine><cbc:InvoicedQuantity>2</cbc:InvoicedQuantity>
                    <cbc:LineExtensionAmount currencyID="EUR">100.00</cbc:LineExtensionAmount>
                    <cac:Item><cbc:Name>Montage</cbc:Name><cac:ClassifiedTaxCategory><cbc:Percent>21</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item>
                    <cac:Price><cbc:PriceAmount currencyID="EUR">50.00</cbc:PriceAmount></cac:Price>
                  </cac:InvoiceLine>
                </Invoice>
                """;
    }

    /** XML that tries to read a file of the server through an external entity. */
    public static String withExternalEntity() {
        return """
                <?xml version="1.0"?>
                <!DOCTYPE Invoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:ID>&secret;</cbc:ID>
                </Invoice>
                """;
    }

    /** A PDF (its visible page) carrying an e-invoice XML as factur-x.xml. */
    public static byte[] pdfWithXml(byte[] pdf, String xml) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDEmbeddedFile file =
                    new PDEmbeddedFile(document, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            file.setSubtype("text/xml");
            return withAttachment(document, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document saved with the file attached as factur-x.xml, as Factur-X and ZUGFeRD name it. */
    private static byte[] withAttachment(PDDocument document, PDEmbeddedFile file) throws IOException {
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile("factur-x.xml");
        spec.setFileUnicode("factur-x.xml");
        spec.setEmbeddedFile(file);
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of("factur-x.xml", spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }

    /** A ZIP of named files, names in UTF-8 (flagged so). */
    public static byte[] zip(Map<String, byte[]> files) {
        return zip(files, StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> files, java.nio.charset.Charset names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, names)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ZIP bomb: one entry of {@code megabytes} MB of zeros, a few kilobytes packed. */
    public static byte[] zipBomb(int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("report.pdf"));
            byte[] block = new byte[1024 * 1024];
            System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, block, 0, 9);
            for (int i = 0; i < megabytes; i++) {
                zip.write(block);
                block = new byte[1024 * 1024];
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A CII invoice with {@code declarations} namespace declarations on its root and {@code lines} invoice lines:
     * the shape that once cost minutes (a DOM walk per XPath, per line) inside the upload request.
     */
    public static String ciiWithManyNamespacesAndLines(int declarations, int lines) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsm:CrossIndustryInvoice");
        xml.append(" xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"");
        xml.append(" xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\"");
        for (int i = 0; i < declarations; i++) {
            xml.append(" xmlns:n")
                    .append(i)
                    .append("=\"urn:example:namespace:")
                    .append(i)
                    .append('"');
        }
        xml.append("><rsm:ExchangedDocument><ram:ID>RE-LONG</ram:ID></rsm:ExchangedDocument>");
        xml.append("<rsm:SupplyChainTradeTransaction>");
        for (int i = 0; i < lines; i++) {
            xml.append("<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct><ram:Name>Item ")
                    .append(i)
                    .append(" ")
                    .append("x".repeat(2_000))
                    .append("</ram:Name></ram:SpecifiedTradeProduct><ram:SpecifiedLineTradeSettlement>")
                    .append("<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>")
                    .append(i)
                    .append(".50</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>")
                    .append("</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>");
        }
        xml.append("<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>");
        xml.append("<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:GrandTotalAmount>10.00");
        xml.append("</ram:GrandTotalAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>");
        xml.append(
                "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>");
        return xml.toString();
    }

    /** A UBL invoice whose body nests {@code levels} elements deep. */
    public static String deeplyNested(int levels) {
        return "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">" + "<a>".repeat(levels)
                + "</a>".repeat(levels) + "</Invoice>";
    }

    /**
     * A PDF whose factur-x.xml attachment is {@code megabytes} MB of XML that FlateDecode packs about a thousand
     * times smaller: a 1,024 MB attachment is a file of about 1 MB. Written as raw compressed bytes, so the test
     * never holds the inflated size either.
     */
    public static byte[] pdfWithAttachmentBomb(byte[] pdf, int megabytes) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSStream stream = document.getDocument().createCOSStream();
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            stream.setItem(COSName.TYPE, COSName.EMBEDDED_FILE);
            try (OutputStream raw = stream.createRawOutputStream();
                    DeflaterOutputStream deflate =
                            new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION))) {
                deflate.write("<?xml version=\"1.0\"?><Invoice><Note>".getBytes(StandardCharsets.US_ASCII));
                byte[] block = new byte[1024 * 1024];
                java.util.Arrays.fill(block, (byte) 'x');
                for (int i = 0; i < megabytes; i++) {
                    deflate.write(block);
                }
            }
            return withAttachment(document, new PDEmbeddedFile(stream));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP as Windows writes it: names in CP437 (the ü of Müller is byte 0x81), without the UTF-8 flag. */
    public static byte[] windowsZip(Map<String, byte[]> files) {
        return zip(files, java.nio.charset.Charset.forName("CP437"));
    }

    /** A ZIP whose entries are all flagged encrypted (bit 0 of the general purpose flags, local and central). */
    public static byte[] encryptedZip(Map<String, byte[]> files) {
        byte[] zip = zip(files);
        for (int i = 0; i + 8 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
                zip[i + 6] |= 1;
            } else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 8] |= 1;
            }
        }
        return zip;
    }

    /**
     * A ZIP with a hidden entry {@code .x} whose deflated data is invalid (a reserved block type) and claims to
     * inflate to 1 GB, then a real file: a reader that inflates skipped entries fails on it or spends its time
     * there; one that skips them reads the file.
     */
    public static byte[] zipWithCorruptHiddenEntry(String name, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            byte[] broken = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
            ZipArchiveEntry hidden = new ZipArchiveEntry(".x");
            hidden.setMethod(ZipArchiveEntry.DEFLATED);
            hidden.setSize(1L << 30);
            hidden.setCompressedSize(broken.length);
            hidden.setCrc(0);
            zip.addRawArchiveEntry(hidden, new ByteArrayInputStream(broken));
            ZipArchiveEntry real = new ZipArchiveEntry(name);
            zip.putArchiveEntry(real);
            zip.write(file);
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ZIP listing {@code folders} empty folders and one document. */
    public static byte[] zipWithManyFolders(int folders, String name, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < folders; i++) {
                zip.putNextEntry(new ZipEntry("folder-" + i + "/"));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(file);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
