package com.gemmavision.memory;

import java.util.Arrays;
import java.util.Optional;

/** The element type of the KV cache, in bits per stored key or value element. */
public enum KvDtype {
    BF16("bf16", 16),
    FP8("fp8", 8),
    INT8("int8", 8),
    INT4("int4", 4);

    private final String code;
    private final int bits;

    KvDtype(String code, int bits) {
        this.code = code;
        this.bits = bits;
    }

    public String code() {
        return code;
    }

    public int bits() {
        return bits;
    }

    public static Optional<KvDtype> byCode(String code) {
        return Arrays.stream(values())
                .filter(d -> d.code.equalsIgnoreCase(code.trim()))
                .findFirst();
    }
}
