package com.gemmavision.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import com.gemmavision.documents.intake.TempFiles;
import com.gemmavision.documents.text.OcrEngine;
import com.gemmavision.documents.text.OcrSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and settings of document understanding.
 *
 * @param maxFileSize      largest accepted file
 * @param maxPages         most pages a PDF may have
 * @param maxMegapixels    most pixels an image may decode to, checked from its header before decoding
 * @param maxDocuments     documents one user may keep
 * @param ocrDpi           resolution scanned pages are rendered at for OCR
 * @param ocrLanguages     Tesseract language codes, joined with '+'
 * @param tesseract        the Tesseract command
 * @param ocrTimeout       longest one page may take in Tesseract
 * @param workers          documents processed at once by this instance
 * @param minTextLayerChars fewer non-blank characters than this on a PDF page means "no usable text layer"
 * @param processing       whether this instance processes queued documents (several instances may share a
 *                         database; some can serve pages only)
 * @param keepFor          how long documents of a user who has not been back are kept
 * @param maxQueuedPages   pages one user may have waiting to be read; more uploads are refused until they are
 * @param maxPageImageMegapixels largest image a PDF page may hold, read from its dictionary before decoding;
 *                         a page with a larger one keeps its text layer but is not rendered
 * @param maxAttempts      runs a document gets when the worker running it dies; then it fails for good
 * @param claimTimeout     a run whose heartbeat is older than this is taken to have died
 * @param heartbeat        how often a worker says it is still alive
 * @param turn             how long a run may go on while another user's document waits before giving way
 * @param concurrentUploads uploads whose bodies are read at once; more answer 503 at once, so slow senders
 *                         cannot hold every request thread
 * @param passwordSecret   key material that seals PDF passwords in the database (blank: a key per start)
 * @param undoFor          how long a removed document can be brought back before it is deleted for good
 * @param minFreeSpace     free space the temporary and H2 folders must keep, or uploads answer 507
 * @param concurrentUploadsPerClient of the bodies read at once, how many one client address may send
 * @param minUploadRate    average pace a body must keep once the grace has passed, or it is cut (408)
 * @param uploadGrace      how long a body may take before its pace is judged
 * @param concurrentIntake uploads whose bodies have arrived that are checked and stored at once; more wait
 * @param decodeMemoryPercent share of the heap that decoded pixels may hold at once ({@link DecodeBudget})
 * @param ocrEngine        the engine that reads pages in the first OCR language: pp-ocr (shipped) or tesseract
 * @param ocrModels        folder holding PP-OCR's model files under their shipped names; blank for the shipped ones
 */
@Validated
@ConfigurationProperties("gemmavision.documents")
public record DocumentProperties(
        DataSize maxFileSize,
        @Min(1) int maxPages,
        @DecimalMin("0.1") double maxMegapixels,
        @Min(1) int maxDocuments,
        @Min(72) int ocrDpi,
        @NotEmpty List<String> ocrLanguages,
        String tesseract,
        Duration ocrTimeout,
        @Min(1) int workers,
        @Min(0) int minTextLayerChars,
        boolean processing,
        Duration keepFor,
        @Min(1) int maxQueuedPages,
        @DecimalMin("0.1") double maxPageImageMegapixels,
        @Min(1) int maxAttempts,
        Duration claimTimeout,
        Duration heartbeat,
        Duration turn,
        @Min(1) int concurrentUploads,
        String passwordSecret,
        Duration undoFor,
        DataSize minFreeSpace,
        @Min(1) int concurrentUploadsPerClient,
        DataSize minUploadRate,
        Duration uploadGrace,
        @Min(1) int concurrentIntake,
        @Min(5) @Max(90) int decodeMemoryPercent,
        String ocrEngine,
        String ocrModels) {

    /** How OCR runs, for the text package (which knows nothing of these settings). */
    public OcrSettings ocr() {
        return new OcrSettings(
                tesseract,
                ocrLanguages,
                ocrDpi,
                ocrTimeout,
                TempFiles.directory(),
                OcrEngine.of(ocrEngine),
                ocrModels == null || ocrModels.isBlank() ? null : Path.of(ocrModels),
                // each worker reads its own page: the cores are shared among them
                Math.max(1, Runtime.getRuntime().availableProcessors() / workers));
    }

    public double decodeMemoryShare() {
        return decodeMemoryPercent / 100.0;
    }

    /** The pixel limit as people write it: "60", or "2.5". */
    public String maxMegapixelsText() {
        return maxMegapixels == Math.rint(maxMegapixels)
                ? String.valueOf((long) maxMegapixels)
                : String.valueOf(maxMegapixels);
    }

    public long maxPixels() {
        return (long) (maxMegapixels * 1_000_000);
    }

    public long maxPageImagePixels() {
        return (long) (maxPageImageMegapixels * 1_000_000);
    }
}
