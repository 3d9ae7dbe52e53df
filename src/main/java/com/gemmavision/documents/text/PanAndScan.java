package com.gemmavision.documents.text;

/**
 * The number of Pan & Scan crops Hugging Face's Gemma3ImageProcessor makes of an image (defaults: at most 4
 * crops of at least 256 px, active from a long/short side ratio of 1.2); the image itself is always encoded
 * too, so it costs (crops + 1) x the model's tokens per image (256 for Gemma 3, {@code mm_tokens_per_image} in
 * db/seed/architecture.csv).
 */
public final class PanAndScan {

    static final double MIN_RATIO = 1.2;
    static final int MIN_CROP = 256;
    static final int MAX_CROPS = 4;

    private PanAndScan() {}

    public static int crops(int width, int height) {
        int longSide = Math.max(width, height);
        int shortSide = Math.min(width, height);
        if (shortSide <= 0 || (double) longSide / shortSide < MIN_RATIO) {
            return 0;
        }
        int n = (int) Math.floor((double) longSide / shortSide + 0.5);
        n = Math.min(longSide / MIN_CROP, n);
        n = Math.max(2, n);
        n = Math.min(MAX_CROPS, n);
        int cropLong = (int) Math.ceil((double) longSide / n);
        if (Math.min(cropLong, shortSide) < MIN_CROP) {
            return 0;
        }
        return n;
    }

    /** The views of an image the encoder reads: the image itself, plus its crops with Pan & Scan. */
    public static int views(int width, int height, boolean panAndScan) {
        return panAndScan ? crops(width, height) + 1 : 1;
    }
}
