package com.gemmavision.catalog;

/** A checkpoint users pick by name: the pre-trained (PT) or instruction-tuned (IT) variant of a size. */
public record ModelVariant(String name, String baseModel, String variant, boolean listed, int sortOrder) {

    public boolean instructionTuned() {
        return "IT".equals(variant);
    }
}
