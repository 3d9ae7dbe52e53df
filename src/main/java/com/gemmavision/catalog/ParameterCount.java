package com.gemmavision.catalog;

/** Table 1: parameter counts in millions. The total is their sum, as the report's P_T = P_V + P_E + P_NE. */
public record ParameterCount(String model, int visionEncoderM, int embeddingM, int nonEmbeddingM) {

    public int totalM() {
        return visionEncoderM + embeddingM + nonEmbeddingM;
    }
}
