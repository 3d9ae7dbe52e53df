package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One memory budget for every decode: reserved from the header before any pixel is decoded. */
class DecodeBudgetTest {

    private static final long MB = 1_000_000;

    @TempDir
    Path folder;

    @Test
    void aDecodeThatCouldNeverFitIsRefusedInWordsAtOnce() {
        DecodeBudget budget = new DecodeBudget(200 * MB);
        assertThatThrownBy(() -> budget.reserve(480 * MB, "This image"))
                .isInstanceOf(DecodeBudget.TooLarge.class)
                .hasMessage("This image needs 480 MB decoded; this server allows 200 MB for decoding.");
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aSecondDecodeWaitsForTheFirstToGiveItsMemoryBack() throws Exception {
        DecodeBudget budget = new DecodeBudget(100 * MB);
        DecodeBudget.Reservation first = budget.reserve(70 * MB, "first");
        CompletableFuture<DecodeBudget.Reservation> second = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.reserve(50 * MB, "second");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        first.close();
        DecodeBudget.Reservation granted = second.get(5, TimeUnit.SECONDS);
        assertThat(budget.inUse()).isEqualTo(50 * MB);
        granted.close();
        granted.close(); // closing twice gives nothing back twice
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void anInterruptedWaiterLeavesTheLineSoThoseBehindItStillGetTheirTurn() throws Exception {
        DecodeBudget budget = new DecodeBudget(100 * MB);
        DecodeBudget.Reservation first = budget.reserve(90 * MB, "first");
        Thread waiter = new Thread(() -> {
            try {
                budget.reserve(60 * MB, "interrupted");
            } catch (Exception expected) {
                // interrupted
            }
        });
        waiter.start();
        Thread.sleep(100);
        CompletableFuture<DecodeBudget.Reservation> third = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.reserve(60 * MB, "third");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        waiter.interrupt();
        waiter.join(2000);
        first.close();
        assertThat(third.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(60 * MB);
    }

    @Test
    void aSixteenBitImageWithAlphaIsPlannedFromItsHeaderAndSubsampledToFit() {
        // 7,745² pixels of 8 bytes: 480 MB decoded, within a 60-megapixel limit
        PixelDecoder.Plan plan = PixelDecoder.plan(7745, 7745, 8, true, 60_000_000, 205 * MB);
        assertThat(plan.fullBytes()).isGreaterThan(480 * MB);
        assertThat(plan.step()).isEqualTo(2);
        assertThat(plan.bytes()).isLessThanOrEqualTo(205 * MB);
        // an ordinary 8-bit RGB photo of 12 megapixels is read whole
        assertThat(PixelDecoder.plan(4000, 3000, 3, false, 60_000_000, 205 * MB).step())
                .isEqualTo(1);
    }

    @Test
    void aDeepPngIsDecodedSubsampledToEightBitRgbWithinTheBudgetAndSaysSo() throws Exception {
        Path png = folder.resolve("deep.png");
        Files.write(png, HostileFiles.deepPng(2000));
        assertThat(Files.size(png)).isLessThan(100_000);
        PixelDecoder decoder = new PixelDecoder(new DecodeBudget(20 * MB), 60_000_000);
        try (PixelDecoder.Decoded decoded = decoder.forOcr(png)) {
            BufferedImage image = decoded.image();
            assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(image.getWidth()).isLessThan(2000);
            // transparent pixels are white paper, not black
            assertThat(image.getRGB(10, 10) & 0xff).isEqualTo(255);
            assertThat(decoded.reservation().bytes()).isLessThanOrEqualTo(20 * MB);
            assertThat(decoded.note()).startsWith("Read at 1/").contains("this server allows 20 MB for decoding");
            assertThat(decoder.budget().inUse()).isEqualTo(decoded.reservation().bytes());
        }
        assertThat(decoder.budget().inUse()).isZero();
    }

    @Test
    void anOrdinaryImageIsDecodedAsItIsWithNoNote() throws Exception {
        Path png = folder.resolve("plain.png");
        BufferedImage plain = new BufferedImage(300, 200, BufferedImage.TYPE_3BYTE_BGR);
        ImageIO.write(plain, "png", png.toFile());
        PixelDecoder decoder = new PixelDecoder(new DecodeBudget(20 * MB), 60_000_000);
        try (PixelDecoder.Decoded decoded = decoder.forOcr(png)) {
            assertThat(decoded.image().getWidth()).isEqualTo(300);
            assertThat(decoded.note()).isNull();
            // the raster (3 bytes a pixel) and the straightened grey copy
            assertThat(decoded.reservation().bytes()).isEqualTo(300L * 200 * 4);
        }
    }

    @Test
    void aPdfPageReservesItsRasterAndItsLargestImageAsPdfBoxSubsamplesIt() {
        com.gemmavision.documents.text.PageImages.Size none = new com.gemmavision.documents.text.PageImages.Size(0, 0);
        assertThat(PixelDecoder.pageBytes(2480, 3508, none)).isEqualTo(2480L * 3508 * 6);
        // a 4960 × 7016 scan drawn on an A4 page rendered at 300 dpi is read at every second pixel
        com.gemmavision.documents.text.PageImages.Size scan =
                new com.gemmavision.documents.text.PageImages.Size(4960, 7016);
        assertThat(PixelDecoder.pageBytes(2480, 3508, scan)).isEqualTo(2480L * 3508 * 6 + 4960L * 7016 / 4 * 8);
    }
}
