package com.gemmavision.documents.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PP-OCR run for real on drawn pages, and on the pages and model files an attacker or a bad deploy would give. */
class PaddleOcrTest {

    private static PaddleOcr ocr;

    @BeforeAll
    static void load() {
        ocr = PaddleOcr.bundled(1);
    }

    @AfterAll
    static void close() {
        ocr.close();
    }

    private static BufferedImage page(int width, int height, String... lines) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 40, 70 + 60 * i);
        }
        g.dispose();
        return image;
    }

    @Test
    void readsPrintedLinesTopToBottomWithTheirConfidence() throws IOException {
        Ocr.Result result = ocr.read(page(900, 260, "GRAND TOTAL 125.40", "CASH 200.00"));

        List<String> lines = result.text().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).replace(" ", "")).isEqualTo("GRANDTOTAL125.40");
        assertThat(lines.get(1).replace(" ", "")).isEqualTo("CASH200.00");
        assertThat(result.confidence()).isBetween(80.0, 100.0);
        assertThat(result.lineConfidences()).hasSize(2);
        assertThat(result.lineConfidences().get(0))
                .allSatisfy(c -> assertThat(c).isBetween(50.0, 100.0));
    }

    @Test
    void aBlankPageHasNoText() throws IOException {
        Ocr.Result result = ocr.read(page(600, 400));

        assertThat(result.text()).isEmpty();
        assertThat(result.lineConfidences()).isEmpty();
    }

    @Test
    void tinyAndOneLinePagesAreReadWithoutFailing() throws IOException {
        assertThat(ocr.read(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY))
                        .text())
                .isEmpty();
        assertThat(ocr.read(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB)).text())
                .isEmpty();
        // a strip far wider than tall, and one far taller than wide: sizes stay within the limits
        assertThat(ocr.read(page(12_000, 40)).text()).isEmpty();
        assertThat(ocr.read(page(40, 12_000)).text()).isEmpty();
    }

    @Test
    void aPageOfNoiseYieldsAtMostTheBoxLimitAndEachLineIsBounded() throws Exception {
        BufferedImage noise = new BufferedImage(1600, 1600, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random random = new java.util.Random(7);
        byte[] pixels = ((java.awt.image.DataBufferByte) noise.getRaster().getDataBuffer()).getData();
        random.nextBytes(pixels);

        List<PaddleOcr.Box> boxes = ocr.detect(noise);

        assertThat(boxes).hasSizeLessThanOrEqualTo(PaddleOcr.MAX_BOXES);
        assertThat(boxes).allSatisfy(box -> {
            assertThat(box.left()).isGreaterThanOrEqualTo(0);
            assertThat(box.top()).isGreaterThanOrEqualTo(0);
            assertThat(box.right()).isLessThanOrEqualTo(noise.getWidth());
            assertThat(box.bottom()).isLessThanOrEqualTo(noise.getHeight());
        });
        // whatever it makes of the noise, it answers, with no more characters than the boxes can hold: each box is
        // read at most 48 × 40 pixels wide, one character per 8 pixels, plus its separator
        Ocr.Result result = ocr.read(noise);
        int perBox = PaddleOcr.LINE_HEIGHT * PaddleOcr.MAX_LINE_RATIO / 8 + 2;
        assertThat(result.text().length()).isLessThanOrEqualTo(boxes.size() * perBox);
    }

    @Test
    void theDetectorNeverSeesMoreThanItsLongestSideWhateverThePage() {
        for (int[] size : new int[][] {{1, 1}, {31, 33}, {500, 700}, {818, 1924}, {30_000, 20}, {20, 30_000}}) {
            int[] read = PaddleOcr.detectionSize(size[0], size[1]);
            assertThat(read[0] % 32).isZero();
            assertThat(read[1] % 32).isZero();
            assertThat(Math.max(read[0], read[1])).isLessThanOrEqualTo(PaddleOcr.MAX_SIDE);
            assertThat(Math.min(read[0], read[1])).isGreaterThanOrEqualTo(32);
        }
        // a small photo is enlarged until its shorter side reaches the detector's minimum
        assertThat(PaddleOcr.detectionSize(368, 500)).containsExactly(736, 992);
    }

    @Test
    void aSpaceTheModelLeftOutIsPutBackWhereTheCharactersStandApartOrItHalfSawOne() {
        List<String> characters = Arrays.asList("T", "A", "X", "R", "M", "1", "0");
        List<Double> none = List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        // steps: T A X at a pitch of 3, then a gap of 9 before R M, then 1 0
        assertThat(PaddleOcr.spaced(characters, List.of(0, 3, 6, 15, 18, 27, 30), none))
                .isEqualTo("TAX RM 10");
        assertThat(PaddleOcr.spaced(characters, List.of(0, 3, 6, 9, 12, 15, 18), none))
                .isEqualTo("TAXRM10");
        // evenly pitched, but the model gave a space some probability before R: a blank won the step, not the space
        assertThat(PaddleOcr.spaced(
                        characters, List.of(0, 3, 6, 9, 12, 15, 18), List.of(0.0, 0.0, 0.01, 0.4, 0.0, 0.02, 0.0)))
                .isEqualTo("TAX RM10");
        // too few characters to know the pitch: left as read
        assertThat(PaddleOcr.spaced(List.of("A", "B"), List.of(0, 20), List.of(0.0, 0.0)))
                .isEqualTo("AB");
    }

    @Test
    void aLinesWordsShareItsBoxByTheirCharacters() {
        List<Ocr.Word> words = PaddleOcr.words(new PaddleOcr.Box(100, 10, 200, 30, 0.9), "AB  CDEF", 95, 0);

        assertThat(words).extracting(Ocr.Word::text).containsExactly("AB", "CDEF");
        assertThat(words.get(0).left()).isEqualTo(100);
        assertThat(words.get(1).left()).isEqualTo(150);
        assertThat(words.get(1).left() + words.get(1).width()).isEqualTo(200);
        assertThat(words).allSatisfy(w -> assertThat(w.confidence()).isEqualTo(95));
    }

    private static byte[] shipped(String name) throws IOException {
        try (InputStream in = PaddleOcr.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCorruptOrTruncatedModelIsAClearErrorWhenLoaded() throws IOException {
        byte[] detection = shipped(PaddleOcr.DETECTION);
        byte[] recognition = shipped(PaddleOcr.RECOGNITION);
        byte[] characters = shipped(PaddleOcr.CHARACTERS);

        assertThatThrownBy(() -> PaddleOcr.load(
                        "not a model".getBytes(StandardCharsets.UTF_8), recognition, characters, 1, "a test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("detection model from a test is not a model ONNX Runtime can load");
        assertThatThrownBy(() -> PaddleOcr.load(
                        detection, Arrays.copyOf(recognition, recognition.length / 2), characters, 1, "a test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recognition model from a test");
        assertThatThrownBy(() -> PaddleOcr.load(detection, recognition, new byte[0], 1, "a test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reads 6625 characters, but its character list holds 2");
    }

    @Test
    void aMissingModelFolderIsAClearErrorWhenTheAppStarts(@TempDir Path folder) throws IOException {
        OcrSettings settings = new OcrSettings(
                "tesseract",
                List.of("eng"),
                300,
                Duration.ofSeconds(10),
                folder,
                OcrEngine.PP_OCR,
                folder.resolve("models"),
                1);
        assertThatThrownBy(() -> new Ocr(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PP-OCR cannot read")
                .hasMessageContaining("ch_PP-OCRv3_det_infer.onnx");

        Files.createDirectories(folder.resolve("models"));
        for (String name : List.of(PaddleOcr.DETECTION, PaddleOcr.RECOGNITION, PaddleOcr.CHARACTERS)) {
            Files.write(folder.resolve("models").resolve(name.substring(name.lastIndexOf('/') + 1)), new byte[10]);
        }
        assertThatThrownBy(() -> new Ocr(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a model ONNX Runtime can load");
    }

    @Test
    void theEngineIsNamedInTheSettingsOrRefusedInWords() {
        assertThat(OcrEngine.of("tesseract")).isEqualTo(OcrEngine.TESSERACT);
        assertThat(OcrEngine.of(" PP-OCR ")).isEqualTo(OcrEngine.PP_OCR);
        assertThat(OcrEngine.of("pp_ocr")).isEqualTo(OcrEngine.PP_OCR);
        // left out or blank: the shipped engine
        assertThat(OcrEngine.of(null)).isEqualTo(OcrEngine.PP_OCR);
        assertThat(OcrEngine.of(" ")).isEqualTo(OcrEngine.PP_OCR);
        assertThatThrownBy(() -> OcrEngine.of("easyocr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be tesseract or pp-ocr");
    }
}
