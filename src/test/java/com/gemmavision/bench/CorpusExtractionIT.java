package com.gemmavision.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Field extraction on the shared labelled corpus ({@code ../shared/corpus}, never copied into the repository),
 * held out: each receipt, invoice or e-invoice issuer group is scored by a confidence model trained without it
 * ({@link HeldOut}), and must not fall below the floors measured so far; the held-out probabilities must be
 * calibrated. Skipped locally when the folder is missing; under CI the folder and Tesseract are required (pages
 * in another language than English still go to Tesseract).
 */
class CorpusExtractionIT {

    /*
     * The corpus alone, each group left out of the fitting of the confidence model. Measured 2026-12-08 with PP-OCR
     * reading the images: 85.8% right, 3.8% wrong, calibration error 0.057 (0.119 for values read from pages), seller
     * 33%. With Tesseract it was 91.5%, 1.9%, 0.024: the rules were written while reading Tesseract's text of these
     * very receipts, and a model fitted on 29 groups cannot relearn their evidence for another engine. The figure
     * that cannot flatter, corpus and unseen receipts by grouped folds (below), went up with PP-OCR: 68.3% → 85.7%
     * right from 0.7, 58.7% → 67.8% right at the shipped thresholds. These floors keep the corpus figure from
     * falling further; they are not targets.
     */
    /** Share of labelled fields right, at least. */
    static final double RIGHT_FLOOR = 0.84;
    /** Share right of each field labelled on {@link #FIELD_MINIMUM_LABELS} documents or more, at least. */
    static final double FIELD_FLOOR = 0.80;
    /** The seller's share right, at least: on the corpus's receipts few sellers reach 0.7 (measured 33%). */
    static final double SELLER_FLOOR = 0.30;

    static final int FIELD_MINIMUM_LABELS = 5;
    /** Share of labelled fields stated wrongly, at most. */
    static final double WRONG_CEILING = 0.045;
    /** Expected calibration error of the held-out probabilities, at most. */
    static final double CALIBRATION_CEILING = 0.065;
    /** The same for values read from pages only (no e-invoice XML, which is almost always right), at most. */
    static final double PAGES_CALIBRATION_CEILING = 0.13;

    /** Degrees every image is turned in the tilted-photo case. */
    static final double TILT = 3;
    /** Share of labelled fields right when every image is tilted {@link #TILT}°, at least (82% without deskew). */
    static final double TILTED_RIGHT_FLOOR = 0.86;
    /** Share stated wrongly when tilted, at most (3.5% measured with PP-OCR, 91% right). */
    static final double TILTED_WRONG_CEILING = 0.04;

    @Test
    void theCorpusIsReadAtLeastAsWellAsMeasuredBefore() throws Exception {
        Path corpus = corpus();
        HeldOut.Evaluation heldOut = HeldOut.leaveOneGroupOut(
                ExtractionBench.run(corpus).reads(), com.gemmavision.documents.extraction.FieldExtractor.STATED);
        ExtractionBench.Result result = heldOut.asResult();
        ExtractionBench.writeMisses(result, Path.of("target", "extraction-misses.csv"));
        System.out.print(HeldOut.table(heldOut));
        assertThat(heldOut.calibrationError()).as(HeldOut.table(heldOut)).isLessThanOrEqualTo(CALIBRATION_CEILING);
        assertThat(heldOut.only(kind -> !kind.contains("e-invoice")).calibrationError())
                .as("values read from pages only\n" + HeldOut.table(heldOut))
                .isLessThanOrEqualTo(PAGES_CALIBRATION_CEILING);

        assertThat(result.overall().rightShare())
                .as(ExtractionBench.table(result))
                .isGreaterThanOrEqualTo(RIGHT_FLOOR);
        assertThat(result.overall().wrongShare())
                .as(ExtractionBench.table(result))
                .isLessThanOrEqualTo(WRONG_CEILING);
        result.by(ExtractionBench.Score::field).forEach((field, tally) -> {
            if (tally.labelled() >= FIELD_MINIMUM_LABELS) {
                assertThat(tally.rightShare())
                        .as(field + "\n" + ExtractionBench.table(result))
                        .isGreaterThanOrEqualTo(field.equals("sellerName") ? SELLER_FLOOR : FIELD_FLOOR);
            }
        });
    }

    @Test
    void aPhotoTiltedAFewDegreesReadsAlmostAsWellAsAStraightOne() throws Exception {
        Path corpus = corpus();
        HeldOut.Evaluation tilted = HeldOut.leaveOneGroupOut(
                ExtractionBench.run(corpus, TILT).reads(), com.gemmavision.documents.extraction.FieldExtractor.STATED);
        System.out.print("Tilted " + TILT + "°\n" + HeldOut.table(tilted));
        assertThat(tilted.asResult().overall().rightShare())
                .as(HeldOut.table(tilted))
                .isGreaterThanOrEqualTo(TILTED_RIGHT_FLOOR);
        assertThat(tilted.asResult().overall().wrongShare())
                .as(HeldOut.table(tilted))
                .isLessThanOrEqualTo(TILTED_WRONG_CEILING);
    }

    /**
     * The measurement that cannot flatter: the corpus and the 150 receipts of stores the rules were never written
     * on, scored by 5 folds grouped by store or issuer (a group is never split between fitting and scoring). The
     * floors are what this measures now, not the targets of issue 28 (90% right, 2% wrong): they keep it from
     * getting worse while the reader is rebuilt.
     */
    @Test
    void corpusAndUnseenReceiptsByGroupedFoldsHoldTheirMeasuredFloors() throws Exception {
        Path corpus = corpus();
        Path receipts = shared("receipts");
        ExtractionBench.Result read = ExtractionBench.run(java.util.List.of(corpus, receipts), 0);
        HeldOut.Evaluation folds = HeldOut.groupedFolds(
                read.reads(), HeldOut.FOLDS, com.gemmavision.documents.extraction.FieldExtractor.STATED);
        java.util.List<OcrQuality.Reading> ocr = OcrQuality.measure(java.util.List.of(corpus, receipts), read);
        String table = HeldOut.table(folds) + OcrQuality.table(ocr);
        System.out.print(table);
        ExtractionBench.Result result = folds.asResult();
        assertThat(result.overall().rightShare()).as(table).isGreaterThanOrEqualTo(GROUPED_RIGHT_FLOOR);
        assertThat(result.overall().wrongShare()).as(table).isLessThanOrEqualTo(GROUPED_WRONG_CEILING);
        assertThat(folds.calibrationError()).as(table).isLessThanOrEqualTo(GROUPED_CALIBRATION_CEILING);
        ExtractionBench.Result receiptsOnly =
                folds.only(kind -> kind.equals("receipt")).asResult();
        assertThat(receiptsOnly.overall().rightShare()).as(table).isGreaterThanOrEqualTo(RECEIPTS_RIGHT_FLOOR);
        // what the app ships: thresholds chosen inside each fold (nested), one for pages and one for XML
        HeldOut.Evaluation shipped = HeldOut.groupedFoldsWithFieldThresholds(
                read.reads(), HeldOut.FOLDS, ExtractionBench.MAX_WRONG_PER_FIELD);
        String shippedTable = HeldOut.table(shipped);
        System.out.print(shippedTable);
        ExtractionBench.Result stated = shipped.asResult();
        assertThat(stated.overall().wrongShare()).as(shippedTable).isLessThanOrEqualTo(SHIPPED_WRONG_CEILING);
        assertThat(stated.overall().rightShare()).as(shippedTable).isGreaterThanOrEqualTo(SHIPPED_RIGHT_FLOOR);
        ExtractionBench.Result eInvoices =
                shipped.only(kind -> kind.contains("e-invoice")).asResult();
        assertThat(eInvoices.overall().rightShare()).as(shippedTable).isEqualTo(1.0);
        long transcribed = ocr.stream().filter(OcrQuality.Reading::transcribed).count();
        assertThat(transcribed).isEqualTo(150);
        double errors = ocr.stream().mapToLong(OcrQuality.Reading::edits).sum()
                / (double) ocr.stream()
                        .mapToLong(OcrQuality.Reading::referenceCharacters)
                        .sum();
        assertThat(errors).as(table).isLessThanOrEqualTo(CHARACTER_ERROR_CEILING);
    }

    /**
     * Grouped 5-fold floors over corpus + receipts from 0.7, a little under what was measured on 2026-12-08 with
     * PP-OCR (README, "Documents": 85.7% right, 5.7% wrong, calibration error 0.028; receipts 83.7% right). With
     * Tesseract: 68.3%, 5.7%, 0.053, 62%.
     */
    static final double GROUPED_RIGHT_FLOOR = 0.84;

    /**
     * The app's thresholds chosen inside each fold (issue 28.3), measured 2026-12-08 with PP-OCR: 67.8% right, 1.3%
     * wrong, e-invoices 100% (Tesseract: 58.7%, 1.2%). The ceiling is issue 28's target; the floor a little under
     * what was measured.
     */
    static final double SHIPPED_WRONG_CEILING = 0.02;

    static final double SHIPPED_RIGHT_FLOOR = 0.66;

    static final double GROUPED_WRONG_CEILING = 0.065;
    static final double GROUPED_CALIBRATION_CEILING = 0.04;
    static final double RECEIPTS_RIGHT_FLOOR = 0.82;
    /** Character error rate of OCR against the receipts' transcripts, at most (PP-OCR 13.2%, Tesseract 19.3%). */
    static final double CHARACTER_ERROR_CEILING = 0.145;

    /** The shared corpus; skipped locally when it is missing, required under CI. */
    private static Path corpus() {
        return shared("corpus");
    }

    /** A folder of ../shared; skipped locally when it is missing, required under CI. */
    private static Path shared(String name) {
        Path folder = Path.of("..", "shared", name);
        if (!Files.exists(folder.resolve("labels.jsonl"))) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI must have ../shared/" + name + " beside the checkout");
            }
            Assumptions.abort("../shared/" + name + " is not here");
        }
        return folder;
    }
}
