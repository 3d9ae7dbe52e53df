package com.gemmavision.documents.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class OcrReadingTest {

    private static String tsvRow(int line, int left, int top, String word, double confidence) {
        return String.join(
                "\t",
                "5",
                "1",
                "1",
                "1",
                String.valueOf(line),
                "1",
                String.valueOf(left),
                String.valueOf(top),
                String.valueOf(10 * word.length()),
                "20",
                String.valueOf(confidence),
                word);
    }

    @Test
    void rebuildsLinesWithTheirWordConfidencesFromTesseractsTsv() {
        String tsv = String.join(
                "\n",
                "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
                tsvRow(1, 10, 10, "TOTAL", 96),
                tsvRow(1, 200, 12, "19.80", 80),
                tsvRow(2, 10, 50, "CASH", 90));

        Ocr.Result result = Ocr.parseTsv(tsv);

        assertThat(result.text()).isEqualTo("TOTAL  19.80\nCASH");
        assertThat(result.lineConfidences()).containsExactly(List.of(96.0, 80.0), List.of(90.0));
        assertThat(result.confidence()).isCloseTo(88.67, Offset.offset(0.01));
    }

    @Test
    void aReadingOfTheWholeReceiptOutweighsAFewSureWords() {
        // what one layout mode made of a receipt: three sure words, the rest dropped
        Ocr.Result few = new Ocr.Result("No.: 900610", 90, List.of(List.of(90.0, 90.0)));
        // the other mode: every line, less sure on average
        Ocr.Result whole = new Ocr.Result(
                "FIVE STAR CASH & CARRY\nRECEIPT NO. 00522899 19/01/17\nNET TOTAL 19.80",
                61,
                List.of(
                        List.of(95.0, 90.0, 21.0, 60.0, 97.0),
                        List.of(60.0, 40.0, 70.0, 88.0),
                        List.of(50.0, 50.0, 30.0)));

        assertThat(few.confidence()).isGreaterThan(whole.confidence());
        assertThat(whole.confidentCharacters()).isGreaterThan(few.confidentCharacters());
        assertThat(few.confidentCharacters()).isCloseTo((4 + 6) * 0.9, Offset.offset(1e-9));
    }
}
