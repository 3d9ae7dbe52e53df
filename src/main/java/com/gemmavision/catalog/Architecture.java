package com.gemmavision.catalog;

/** A Gemma 3 size's configuration (architecture.csv), the input of every memory calculation. */
public record Architecture(
        String model,
        String sizeLabel,
        int layers,
        int hiddenSize,
        int intermediateSize,
        int attentionHeads,
        int keyValueHeads,
        int headDim,
        int slidingWindow,
        int slidingWindowPattern,
        int globalLayers,
        int localLayers,
        int maxContext,
        int vocabSize,
        long ropeThetaGlobal,
        long ropeThetaLocal,
        int ropeScalingFactorGlobal,
        boolean hasVisionEncoder,
        Integer imageSize,
        Integer imagePatchSize,
        Integer tokensPerImage) {

    /** "5:1" for five local sliding-window layers per global layer. */
    public String localGlobalPattern() {
        return (slidingWindowPattern - 1) + ":1";
    }
}
