package com.gemmavision.catalog;

/** Everything the overview shows about one selected checkpoint. */
public record ModelProfile(
        ModelVariant variant, Architecture architecture, ParameterCount parameters, TrainingFacts training) {

    public String name() {
        return variant.name();
    }

    /** The hover summary, e.g. "Gemma3-4B-IT: A 4 billion parameter instruction-tuned model with a vision encoder." */
    public String summary() {
        String billions = architecture.sizeLabel().replace("B", "");
        String kind = variant.instructionTuned() ? "instruction-tuned" : "pre-trained";
        String vision = architecture.hasVisionEncoder() ? "with a vision encoder" : "for text only (no vision encoder)";
        return name() + ": A " + billions + " billion parameter " + kind + " model " + vision + ".";
    }
}
