package com.gemmavision.documents.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.gemmavision.documents.EInvoices;
import com.gemmavision.documents.TestPdfs;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * The e-invoice reader answers from one streaming pass: the fields of CII and UBL, and the hostile shapes that
 * once cost minutes or the stack (thousands of namespace declarations, hundreds of long lines, nesting 100,000
 * deep) and an attachment that inflates a thousandfold.
 */
class EInvoiceXmlTest {

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ciiAndUblAnswerTheSameQuestions() throws Exception {
        EInvoiceXml.Invoice cii = EInvoiceXml.read(bytes(EInvoices.cii("RE-7", "119.00", "100.00", "19.00")));
        assertThat(cii.syntax()).isEqualTo("CII D16B");
        assertThat(cii.fields())
                .containsEntry("invoiceNumber", "RE-7")
                .containsEntry("issueDate", "2024-11-01")
                .containsEntry("totalAmount", "119.00")
                .containsEntry("taxAmount", "19.00")
                .containsEntry("sellerName", "Beispiel Handel GmbH")
                .containsEntry("sellerVatId", "DE123456789")
                .containsEntry("buyerName", "Kunde AG")
                .containsEntry("currency", "EUR");
        EInvoiceXml.Invoice ubl = EInvoiceXml.read(bytes(EInvoices.ubl()));
        assertThat(ubl.syntax()).isEqualTo("UBL 2.1");
        assertThat(ubl.fields()).containsKeys("invoiceNumber", "totalAmount", "sellerName");
    }

    @Test
    void nineThousandNamespaceDeclarationsAndFiveHundredLongLinesAreReadInLinearTime() {
        String xml = EInvoices.ciiWithManyNamespacesAndLines(9_000, 500);
        assertThat(xml.length()).isGreaterThan(1_000_000);
        EInvoiceXml.Invoice invoice =
                assertTimeoutPreemptively(Duration.ofSeconds(3), () -> EInvoiceXml.read(bytes(xml)));
        assertThat(invoice.fields()).containsEntry("invoiceNumber", "RE-LONG").containsEntry("totalAmount", "10.00");
        assertThat(invoice.lineItems()).hasSize(500);
        assertThat(invoice.lineItems().get(499).amount()).isEqualTo("499.50");
    }

    @Test
    void nestingDeeperThanTheBoundIsRefusedInWordsNotWithTheStack() {
        assertThatThrownBy(() -> EInvoiceXml.read(bytes(EInvoices.deeplyNested(100_000))))
                .isInstanceOf(XmlTree.Refused.class)
                .hasMessageContaining("nest more than 64 levels");
    }

    @Test
    void aDoctypeAndAnEntityAreRefused() {
        assertThat(EInvoiceXml.parse(bytes(EInvoices.withExternalEntity()))).isEmpty();
        assertThatThrownBy(
                        () -> XmlTree.rootName(new java.io.ByteArrayInputStream(bytes(EInvoices.withExternalEntity()))))
                .isInstanceOf(XmlTree.Refused.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anAttachmentThatInflatesFarPastTheLimitIsSetAsideAfterReadingTheLimit() throws Exception {
        byte[] pdf = EInvoices.pdfWithAttachmentBomb(TestPdfs.report(1), 64);
        assertThat(pdf.length).isLessThan(1024 * 1024);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(EInvoiceXml.attachedTo(document)).isEmpty();
        }
    }

    @Test
    void aCompressedAttachmentWithinTheLimitIsRead() throws Exception {
        byte[] pdf = EInvoices.pdfWithXml(TestPdfs.report(1), EInvoices.cii("RE-9", "11.90", "10.00", "1.90"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(EInvoiceXml.attachedTo(document).map(i -> i.fields().get("invoiceNumber")))
                    .contains("RE-9");
        }
    }
}
