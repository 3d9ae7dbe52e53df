package com.gemmavision.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/** Files a hostile or unlucky user might upload, made on the spot: nothing of the kind is kept in the repository. */
public final class HostileFiles {

    private HostileFiles() {}

    /**
     * A small PDF (about 600 KB) whose one page draws a Flate-compressed grey image of {@code side} × {@code side}
     * pixels: decoding it would take side² bytes of memory (625 MB for 25,000).
     */
    public static byte[] imageBomb(int side) {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            COSStream image = pdf.getDocument().createCOSStream();
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, side);
            image.setInt(COSName.HEIGHT, side);
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream raw = image.createRawOutputStream();
                    DeflaterOutputStream deflate =
                            new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION))) {
                byte[] row = new byte[side];
                for (int y = 0; y < side; y++) {
                    deflate.write(row);
                }
            }
            PDResources resources = new PDResources();
            COSDictionary xObjects = new COSDictionary();
            xObjects.setItem(COSName.getPDFName("Im1"), image);
            resources.getCOSObject().setItem(COSName.XOBJECT, xObjects);
            page.setResources(resources);
            byte[] drawing = "q 595 0 0 842 0 0 cm /Im1 Do Q".getBytes(StandardCharsets.US_ASCII);
            page.setContents(new PDStream(pdf, new ByteArrayInputStream(drawing)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF whose page tree is {@code levels} /Pages nodes deep, written object by object. */
    public static byte[] deepPageTree(int levels) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        for (int level = 0; level < levels; level++) {
            int self = level + 2;
            String parent = level == 0 ? "" : " /Parent " + (self - 1) + " 0 R";
            objects.add("<< /Type /Pages /Kids [" + (self + 1) + " 0 R] /Count 1" + parent + " >>");
        }
        objects.add("<< /Type /Page /Parent " + (levels + 1) + " 0 R /MediaBox [0 0 595 842] >>");
        return pdf(objects);
    }

    /**
     * A PDF whose page tree contains itself: the root /Pages node lists itself among its kids, before and after a
     * page, and claims three pages.
     */
    public static byte[] cyclicPageTree() {
        return pdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 2 0 R 3 0 R] /Count 3 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
    }

    /** A PDF of the given objects, numbered from 1 (the first is the catalog), with a correct cross-reference. */
    private static byte[] pdf(List<String> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A scan as office scanners make them: {@code pages} A4 pages, each one JPEG of {@code width} × {@code height}
     * pixels (4960 × 7016 is A4 at 600 dpi) with printed lines and paper noise, so it compresses like a real scan.
     */
    public static byte[] bigScan(int pages, int width, int height) {
        try {
            byte[] jpeg = scanJpeg(width, height);
            return ImagePdf.pages(pages, pdf -> JPEGFactory.createFromByteArray(pdf, jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] scanJpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, height / 80));
        for (int line = 1; line < 60; line++) {
            g.drawString(
                    "Invoice line " + line + "   Quantity 1   Amount " + (line * 17) + ".00 EUR",
                    width / 12,
                    line * height / 62);
        }
        g.dispose();
        Random noise = new Random(7);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i += 1 + noise.nextInt(3)) {
            pixels[i] = (byte) (pixels[i] - noise.nextInt(70));
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A PNG of {@code side} × {@code side} pixels at 16 bits per channel with alpha, every pixel transparent: a
     * few hundred kilobytes that decode to side² × 8 bytes (480 MB for 7,745), within a 60-megapixel limit.
     */
    public static byte[] deepPng(int side) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13);
            header.putInt(side)
                    .putInt(side)
                    .put((byte) 16)
                    .put((byte) 6)
                    .put((byte) 0)
                    .put((byte) 0)
                    .put((byte) 0);
            chunk(out, "IHDR", header.array());
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate =
                    new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
                byte[] row = new byte[1 + side * 8];
                for (int y = 0; y < side; y++) {
                    deflate.write(row);
                }
            }
            chunk(out, "IDAT", compressed.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A PDF of {@code pages} scanned pages that share one small image: a long OCR job in a small file. */
    public static byte[] longScan(int pages) {
        BufferedImage picture = new BufferedImage(620, 877, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 620, 877);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int line = 1; line < 40; line++) {
            g.drawString("Statement line " + line + "   Balance " + (line * 31) + ".00", 40, line * 21);
        }
        g.dispose();
        return ImagePdf.pages(pages, pdf -> LosslessFactory.createFromImage(pdf, picture));
    }

    /** A PDF whose page count says minus five. */
    public static byte[] negativePageCount() {
        return new String(deepPageTree(1), StandardCharsets.US_ASCII)
                .replace("/Count 1", "/Count -5")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The first {@code keep} bytes of a file: an upload cut short. */
    public static byte[] truncated(byte[] file, int keep) {
        return Arrays.copyOf(file, keep);
    }

    /**
     * A one-page invoice whose text layer holds a word of {@code length} characters after each label the field
     * rules know, letters and digits mixed: the input that made a backtracking pattern hold a worker for minutes.
     */
    public static byte[] longWords(int length) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            String word = "a1".repeat(length / 2);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream text =
                    new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(
                        new org.apache.pdfbox.pdmodel.font.PDType1Font(
                                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
                        1);
                text.newLineAtOffset(20, 700);
                for (String label : List.of("Invoice No: ", "Seller: ", "Bill to: ", "Total ", "IBAN: ", "")) {
                    text.showText(label + word);
                    text.newLineAtOffset(0, -12);
                }
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
