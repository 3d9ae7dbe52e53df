package com.gemmavision.documents;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import com.gemmavision.documents.processing.DocumentProcessor;
import com.gemmavision.documents.text.PageImages;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decodes a user's pixels within the {@link DecodeBudget}: what a decode will hold is worked out from the header
 * (an image's width, height, channels and bytes per sample; a PDF page's box at the render resolution and the
 * largest image it draws) and reserved before a pixel is decoded. An image whose full decode would not fit is
 * subsampled while it is decoded; 16-bit samples and alpha, which OCR gains nothing from, are reduced to 8-bit RGB
 * on white as soon as it is decoded. The reservation is held until the caller closes what it got, so it covers OCR's working
 * copies too.
 */
@Component
public class PixelDecoder {

    /** Bytes a page rendered by PDFBox holds per pixel: its grey raster, and an ARGB one first when it blends. */
    static final int PAGE_RENDER_BYTES = 5;
    /**
     * Bytes an image drawn on a PDF page holds per decoded pixel while PDFBox draws it: its samples as read and
     * the RGB image they are turned into.
     */
    static final int PAGE_IMAGE_BYTES = 8;
    /** PDFBox subsamples an image drawn on a page by at most this much ({@code PageDrawer.getSubsampling}). */
    static final int PDFBOX_MAX_SUBSAMPLING = 8;
    /** Beyond this much subsampling a picture is not worth reading. */
    static final int MAX_STEP = 16;

    private final DecodeBudget budget;
    private final long maxPixels;

    @Autowired
    public PixelDecoder(DecodeBudget budget, DocumentProperties properties) {
        this(budget, properties.maxPixels());
    }

    PixelDecoder(DecodeBudget budget, long maxPixels) {
        this.budget = budget;
        this.maxPixels = maxPixels;
    }

    public DecodeBudget budget() {
        return budget;
    }

    /** A decoded image and the memory it holds; closing gives the memory back. */
    public record Decoded(BufferedImage image, DecodeBudget.Reservation reservation, String note)
            implements AutoCloseable {
        @Override
        public void close() {
            reservation.close();
        }
    }

    /**
     * What decoding an image will take, read from its header: its size, how many bytes each decoded pixel holds,
     * whether it is reduced to 8-bit RGB after decoding, and the subsampling step that makes it fit.
     */
    public record Plan(long width, long height, double bytesPerPixel, boolean reduce, int step) {

        long outWidth() {
            return (width + step - 1) / step;
        }

        long outHeight() {
            return (height + step - 1) / step;
        }

        /** The decoded raster, the 8-bit RGB copy it is reduced to, and the straightened copy OCR makes. */
        long bytes() {
            long pixels = outWidth() * outHeight();
            return (long) Math.ceil(pixels * bytesPerPixel) + (reduce ? 4 * pixels : 0) + pixels;
        }

        long fullBytes() {
            return new Plan(width, height, bytesPerPixel, reduce, 1).bytes();
        }
    }

    /** The plan for an image of this header: the smallest step within the pixel limit whose decode fits. */
    static Plan plan(long width, long height, double bytesPerPixel, boolean reduce, long maxPixels, long capacity) {
        double pixels = (double) width * height;
        int step = Math.max(1, (int) Math.ceil(Math.sqrt(pixels / maxPixels)));
        Plan plan = new Plan(width, height, bytesPerPixel, reduce, step);
        while (plan.bytes() > capacity && plan.step() < MAX_STEP) {
            plan = new Plan(width, height, bytesPerPixel, reduce, plan.step() + 1);
        }
        return plan;
    }

    /** An uploaded image decoded for OCR. */
    public Decoded forOcr(Path file) throws IOException, InterruptedException {
        return decode(file, maxPixels, "This image");
    }

    /** An image decoded for a model that reads about {@code longSide} pixels on its long side. */
    public Decoded forModel(Path file, int longSide) throws IOException, InterruptedException {
        return decode(file, (long) longSide * longSide * 4, "This image");
    }

    private Decoded decode(Path file, long pixelLimit, String what) throws IOException, InterruptedException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DocumentProcessor.Unreadable("the image could not be decoded.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new DocumentProcessor.Unreadable("the image has no pixels.");
                }
                ImageTypeSpecifier type = rawType(reader);
                Plan plan =
                        plan(width, height, bytesPerPixel(type), needsReducing(type), pixelLimit, budget.capacity());
                DecodeBudget.Reservation reservation = budget.reserve(plan.bytes(), what);
                try {
                    ImageReadParam param = reader.getDefaultReadParam();
                    if (plan.step() > 1) {
                        param.setSourceSubsampling(plan.step(), plan.step(), 0, 0);
                    }
                    BufferedImage image = reader.read(0, param);
                    if (plan.reduce()) {
                        image = eightBitOnWhite(image);
                    }
                    return new Decoded(image, reservation, note(plan, pixelLimit));
                } catch (IOException | RuntimeException | Error e) {
                    reservation.close();
                    throw e;
                }
            } finally {
                reader.dispose();
            }
        }
    }

    /** Why an image was read at less than its full size, when the budget (not the pixel limit) is the reason. */
    private String note(Plan plan, long pixelLimit) {
        int byPixels = Math.max(1, (int) Math.ceil(Math.sqrt((double) plan.width() * plan.height() / pixelLimit)));
        if (plan.step() <= byPixels) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "Read at 1/%d of its width and height: decoded in full it needs %s, and this server allows %s for"
                        + " decoding.",
                plan.step(),
                DecodeBudget.megabytes(plan.fullBytes()),
                DecodeBudget.megabytes(budget.capacity()));
    }

    private static ImageTypeSpecifier rawType(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw != null) {
            return raw;
        }
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        return types != null && types.hasNext() ? types.next() : null;
    }

    /** Bytes one decoded pixel takes in memory (a packed bilevel pixel an eighth); 8 when the header says nothing. */
    static double bytesPerPixel(ImageTypeSpecifier type) {
        if (type == null) {
            return 8;
        }
        SampleModel model = type.getSampleModel();
        int elementBits = DataBuffer.getDataTypeSize(model.getDataType());
        if (model instanceof MultiPixelPackedSampleModel packed) {
            return packed.getPixelBitStride() / 8.0;
        }
        if (model instanceof SinglePixelPackedSampleModel) {
            return elementBits / 8.0;
        }
        return model.getNumBands() * elementBits / 8.0;
    }

    /** Whether the decoded samples are wider than 8 bits or carry alpha: OCR reads neither. */
    static boolean needsReducing(ImageTypeSpecifier type) {
        if (type == null) {
            return true;
        }
        SampleModel model = type.getSampleModel();
        return DataBuffer.getDataTypeSize(model.getDataType()) > 8 && !(model instanceof SinglePixelPackedSampleModel)
                || type.getColorModel().hasAlpha();
    }

    /**
     * The image in 8-bit RGB, transparent parts on white, row by row. Not grey: Tesseract turns colour into grey with
     * its own weights, and a white heading on a coloured band read in Java's grey was lost (measured on the corpus).
     */
    static BufferedImage eightBitOnWhite(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int alpha = argb >>> 24;
                int r = ((argb >> 16 & 0xff) * alpha + 255 * (255 - alpha)) / 255;
                int g = ((argb >> 8 & 0xff) * alpha + 255 * (255 - alpha)) / 255;
                int b = ((argb & 0xff) * alpha + 255 * (255 - alpha)) / 255;
                row[x] = r << 16 | g << 8 | b;
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    /** What rendering a PDF page for OCR will hold: the page raster and the largest image it draws, decoded. */
    static long pageBytes(long renderWidth, long renderHeight, PageImages.Size largest) {
        long renderPixels = Math.max(1, renderWidth * renderHeight);
        long imageBytes = 0;
        if (largest.pixels() > 0) {
            int subsampling = (int) Math.max(
                    1,
                    Math.min(PDFBOX_MAX_SUBSAMPLING, Math.floor(Math.sqrt((double) largest.pixels() / renderPixels))));
            imageBytes = (largest.pixels() / ((long) subsampling * subsampling)) * PAGE_IMAGE_BYTES;
        }
        // the raster, the image while drawn, and OCR's straightened copy
        return renderPixels * PAGE_RENDER_BYTES + imageBytes + renderPixels;
    }

    /** Reserves what rendering {@code page} at {@code dpi} will hold; refused in words when it never could fit. */
    public DecodeBudget.Reservation forPage(PDPage page, float dpi, int number)
            throws DecodeBudget.TooLarge, InterruptedException {
        return forPage(page, dpi, number, PageImages.largest(page));
    }

    /** As {@link #forPage(PDPage, float, int)}, with the page's largest image already measured. */
    public DecodeBudget.Reservation forPage(PDPage page, float dpi, int number, PageImages.Size largest)
            throws DecodeBudget.TooLarge, InterruptedException {
        return budget.reserve(pageBytes(page, dpi, largest), "Page " + number);
    }

    /** Whether a page rendered at {@code dpi} could ever be decoded here, its largest image measured. */
    public boolean pageFits(PDPage page, float dpi, PageImages.Size largest) {
        return budget.fits(pageBytes(page, dpi, largest));
    }

    /** What rendering {@code page} at {@code dpi} will hold, PDFBox sizing the raster from the crop box. */
    private static long pageBytes(PDPage page, float dpi, PageImages.Size largest) {
        PDRectangle box = page.getCropBox();
        long w = (long) Math.max(1, Math.floor(box.getWidth() * dpi / 72f));
        long h = (long) Math.max(1, Math.floor(box.getHeight() * dpi / 72f));
        return pageBytes(w, h, largest);
    }
}
