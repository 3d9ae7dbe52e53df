package com.gemmavision.documents.text;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Straightens a photographed or scanned page before OCR. A page photographed 1.5–4° off square is enough for
 * Tesseract to merge neighbouring lines and lose every amount on a receipt. The angle is found with a projection
 * profile: the page's dark pixels, projected on its vertical axis at each candidate angle, pile into the sharpest
 * peaks (the text lines) when the angle matches the tilt. Measured on a copy at most {@value #SAMPLE_WIDTH} pixels
 * wide, searched in {@value #COARSE}° steps within ±{@value #MAX_DEGREES}°, then in {@value #FINE}° steps.
 * The straightened page is grey, which is all Tesseract reads, and its contrast stretched so the faintest and the
 * darkest 1% of a washed-out photo span the full range.
 */
public final class Deskew {

    static final double MAX_DEGREES = 6;
    static final double COARSE = 0.5;
    static final double FINE = 0.1;
    static final int SAMPLE_WIDTH = 1000;
    /** Smaller tilts are left alone: Tesseract reads them as they are, and resampling blurs strokes. */
    static final double LEAST_DEGREES = 1.5;

    private Deskew() {}

    /** The page turned upright (grey), or the page itself when it is square within {@value #LEAST_DEGREES}°. */
    public static BufferedImage straighten(BufferedImage page) {
        double angle = angle(page);
        if (Math.abs(angle) < LEAST_DEGREES) {
            return page;
        }
        return rotate(page, -angle);
    }

    /**
     * The tilt of the page's text lines in degrees, positive when they climb to the right as a person sees them
     * (counter-clockwise), 0 when there is too little text to tell.
     */
    public static double angle(BufferedImage page) {
        int step = Math.max(1, (int) Math.ceil(page.getWidth() / (double) SAMPLE_WIDTH));
        int width = page.getWidth() / step;
        int height = page.getHeight() / step;
        if (width < 50 || height < 50) {
            return 0;
        }
        int[] grey = new int[width * height];
        int[] histogram = new int[256];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = page.getRGB(x * step, y * step);
                int g = ((rgb >> 16 & 0xff) * 299 + (rgb >> 8 & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                grey[y * width + x] = g;
                histogram[g]++;
            }
        }
        int threshold = otsu(histogram, width * height);
        int dark = 0;
        for (int g : grey) {
            dark += g < threshold ? 1 : 0;
        }
        if (dark < 200 || dark > grey.length / 2) {
            return 0;
        }
        int[] xs = new int[dark];
        int[] ys = new int[dark];
        int n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (grey[y * width + x] < threshold) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        double best = 0;
        double bestScore = score(xs, ys, width, height, 0);
        double level = bestScore;
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += COARSE) {
            double s = score(xs, ys, width, height, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double centre = best;
        for (double a = centre - COARSE; a <= centre + COARSE + 1e-9; a += FINE) {
            double s = score(xs, ys, width, height, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        // a flat profile at every angle (a photo, a chart) has no lines to straighten
        return bestScore > level * 1.05 ? Math.round(best * 10) / 10.0 : 0;
    }

    /** Sharpness of the row profile of the dark pixels, read along lines at {@code degrees}. */
    private static double score(int[] xs, int[] ys, int width, int height, double degrees) {
        double t = Math.tan(Math.toRadians(degrees));
        int margin = (int) Math.ceil(Math.abs(t) * width) + 1;
        long[] rows = new long[height + 2 * margin];
        for (int i = 0; i < xs.length; i++) {
            // a line climbing to the right at this angle stands higher (smaller y) further right
            int row = (int) Math.round(ys[i] + xs[i] * t) + margin;
            if (row >= 0 && row < rows.length) {
                rows[row]++;
            }
        }
        double sum = 0;
        for (int i = 1; i < rows.length; i++) {
            double d = rows[i] - rows[i - 1];
            sum += d * d;
        }
        return sum;
    }

    private static int otsu(int[] histogram, int total) {
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * histogram[i];
        }
        double sumBackground = 0;
        int background = 0;
        double bestVariance = -1;
        int threshold = 128;
        for (int i = 0; i < 256; i++) {
            background += histogram[i];
            if (background == 0) {
                continue;
            }
            int foreground = total - background;
            if (foreground == 0) {
                break;
            }
            sumBackground += (double) i * histogram[i];
            double meanB = sumBackground / background;
            double meanF = (sum - sumBackground) / foreground;
            double variance = (double) background * foreground * (meanB - meanF) * (meanB - meanF);
            if (variance > bestVariance) {
                bestVariance = variance;
                threshold = i + 1;
            }
        }
        return threshold;
    }

    /**
     * The page turned by {@code degrees} (positive: counter-clockwise as a person sees it) about its centre, on a
     * white ground of the same size, in grey.
     */
    public static BufferedImage rotate(BufferedImage page, double degrees) {
        return rotate(page, degrees, BufferedImage.TYPE_BYTE_GRAY);
    }

    /** As {@link #rotate(BufferedImage, double)}, into an image of {@code imageType} (colour, to tilt a photo). */
    public static BufferedImage rotate(BufferedImage page, double degrees, int imageType) {
        BufferedImage turned = new BufferedImage(page.getWidth(), page.getHeight(), imageType);
        Graphics2D g = turned.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            // image y grows downwards, so a counter-clockwise turn on screen is a negative angle here
            g.drawImage(
                    page,
                    AffineTransform.getRotateInstance(
                            Math.toRadians(-degrees), page.getWidth() / 2.0, page.getHeight() / 2.0),
                    null);
        } finally {
            g.dispose();
        }
        return turned;
    }
}
