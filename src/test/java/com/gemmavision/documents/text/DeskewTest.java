package com.gemmavision.documents.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeskewTest {

    /** A receipt-like page: a narrow column of text lines on white. */
    static BufferedImage receipt() {
        BufferedImage page = new BufferedImage(600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 1200);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 22));
        String[] lines = {
            "KEDAI RUNCIT MAJU SDN BHD", "NO 12 JALAN BESAR", "TAX INVOICE", "DATE 12/03/2018", "SUGAR 1KG      2.80",
            "RICE 5KG      16.50", "MILK           6.20", "SUBTOTAL      25.50", "GST 6%         1.53",
                    "TOTAL         27.03",
            "CASH          30.00", "CHANGE         2.97", "THANK YOU"
        };
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 120 + i * 70);
        }
        g.dispose();
        return page;
    }

    @ParameterizedTest
    @ValueSource(doubles = {-4, -2.5, -1.5, 1.5, 2.5, 4})
    void findsTheTiltOfTextLines(double degrees) {
        assertThat(Deskew.angle(Deskew.rotate(receipt(), degrees))).isCloseTo(degrees, Offset.offset(0.3));
    }

    @Test
    void aStraightPageIsLeftAsItIs() {
        BufferedImage page = receipt();
        assertThat(Deskew.angle(page)).isCloseTo(0, Offset.offset(0.2));
        assertThat(Deskew.straighten(page)).isSameAs(page);
    }

    @Test
    void aStraightenedPageIsSquareAgain() {
        BufferedImage tilted = Deskew.rotate(receipt(), 3);
        assertThat(Deskew.angle(Deskew.straighten(tilted))).isCloseTo(0, Offset.offset(0.3));
    }

    @Test
    void aBlankOrTinyPageHasNoAngle() {
        BufferedImage blank = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 800);
        g.dispose();
        assertThat(Deskew.angle(blank)).isZero();
        assertThat(Deskew.angle(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB)))
                .isZero();
    }
}
