package com.gemmavision.benchmarks;

import java.util.Arrays;
import java.util.Optional;

/** The report's result tables a user can open one by one ({@code table} in the URL), with short captions. */
public enum ReportTable {
    T5(5, "Chatbot Arena Elo"),
    T6(6, "IT models, zero-shot benchmarks"),
    T7(7, "Vision encoder input resolution"),
    T8(8, "Pan & Scan"),
    T9(9, "PT factuality, common sense and reasoning"),
    T10(10, "PT STEM and code"),
    T11(11, "PT multimodal"),
    T12(12, "Fine-tuned multimodal vs PaliGemma 2"),
    T13(13, "PT multilingual"),
    T14(14, "PT IndicGenBench"),
    T15(15, "Long context: RULER and MRCR"),
    T16(16, "IT multimodal"),
    T17(17, "IT video"),
    T18(18, "IT more benchmarks");

    private final int number;
    private final String caption;

    ReportTable(int number, String caption) {
        this.number = number;
        this.caption = caption;
    }

    public int number() {
        return number;
    }

    public String caption() {
        return caption;
    }

    public static Optional<ReportTable> byNumber(int number) {
        return Arrays.stream(values()).filter(t -> t.number == number).findFirst();
    }
}
