package com.gemmavision.benchmarks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The report's result tables a user can open one by one ({@code table} in the URL), with their captions
 * (shortened from the report) and how their cells are laid out.
 */
public enum ReportTable {
    T5(
            5,
            "Chatbot Arena Elo",
            "Evaluation of Gemma 3 27B IT in the Chatbot Arena: Elo with 95% confidence interval.",
            Layout.ARENA,
            true),
    T6(
            6,
            "IT models, zero-shot benchmarks",
            "Performance of instruction-tuned (IT) models compared to Gemini 1.5, Gemini 2.0 and Gemma 2 on zero-shot benchmarks.",
            Layout.WIDE,
            true),
    T7(
            7,
            "Vision encoder input resolution",
            "Impact of image encoder input resolution, measured on a short-schedule 2B Gemma model.",
            Layout.RESOLUTION,
            false),
    T8(
            8,
            "Pan & Scan",
            "Impact of Pan & Scan (P&S) at inference: 4-shot, validation sets.",
            Layout.PAN_AND_SCAN,
            false),
    T9(
            9,
            "PT factuality, common sense and reasoning",
            "Factuality, common-sense performance and reasoning after pre-training.",
            Layout.WIDE,
            false),
    T10(
            10,
            "PT STEM and code",
            "STEM and code performance after pre-training (no 1B column in the report).",
            Layout.WIDE,
            false),
    T11(
            11,
            "PT multimodal",
            "Multimodal performance after pre-training (validation splits, without P&S).",
            Layout.WIDE,
            false),
    T12(
            12,
            "Fine-tuned multimodal vs PaliGemma 2",
            "Pre-trained checkpoints fine-tuned on multimodal benchmarks, against PaliGemma 2 (without P&S). COCO caption values are kept as the PDF prints them.",
            Layout.WIDE,
            false),
    T13(
            13,
            "PT multilingual",
            "Multilingual performance after pre-training; IndicGenBench averages Table 14.",
            Layout.WIDE,
            false),
    T14(14, "PT IndicGenBench", "Detailed IndicGenBench performance after pre-training.", Layout.WIDE, false),
    T15(
            15,
            "Long context: RULER and MRCR",
            "Pre-trained (PT) and instruction-tuned (IT) models on RULER and MRCR at 32K and 128K tokens.",
            Layout.LONG_CONTEXT,
            false),
    T16(
            16,
            "IT multimodal",
            "Instruction-tuned models on multimodal benchmarks (test sets, with P&S unless noted).",
            Layout.WIDE,
            true),
    T17(17, "IT video", "Instruction-tuned models on video understanding (0-shot, 16 frames).", Layout.WIDE, true),
    T18(
            18,
            "IT more benchmarks",
            "Instruction-tuned models on more internal and external benchmarks (N2C = Natural2Code, BBEH = BIG-Bench Extra Hard).",
            Layout.WIDE,
            true);

    /** How a table's published cells are arranged. */
    public enum Layout {
        ARENA,
        WIDE,
        LONG_CONTEXT,
        RESOLUTION,
        PAN_AND_SCAN
    }

    private final int number;
    private final String caption;
    private final String fullCaption;
    private final Layout layout;
    private final boolean instructionTuned;

    ReportTable(int number, String caption, String fullCaption, Layout layout, boolean instructionTuned) {
        this.number = number;
        this.caption = caption;
        this.fullCaption = fullCaption;
        this.layout = layout;
        this.instructionTuned = instructionTuned;
    }

    public int number() {
        return number;
    }

    public String caption() {
        return caption;
    }

    public String fullCaption() {
        return fullCaption;
    }

    public Layout layout() {
        return layout;
    }

    /** Whether the table reports instruction-tuned models (their evaluation settings are in Table 21). */
    public boolean instructionTuned() {
        return instructionTuned;
    }

    public static Optional<ReportTable> byNumber(int number) {
        return Arrays.stream(values()).filter(t -> t.number == number).findFirst();
    }
}
