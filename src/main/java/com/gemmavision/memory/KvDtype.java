package com.gemmavision.memory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element type of the KV cache. Block formats store {@code blockElements} values in {@code blockBytes}:
 * llama.cpp's {@code q8_0} keeps 32 int8 values and one fp16 scale in 34 bytes (8.5 bits a value), {@code q4_0}
 * 32 4-bit values and one fp16 scale in 18 bytes (4.5 bits), as {@code ggml/src/ggml-common.h} defines
 * {@code block_q8_0} and {@code block_q4_0}.
 */
public enum KvDtype {
    BF16("bf16", 1, 2, "bfloat16"),
    F16("f16", 1, 2, "float16"),
    FP8("fp8", 1, 1, "8-bit float (e4m3)"),
    INT8("int8", 1, 1, "8-bit integer"),
    INT4("int4", 2, 1, "4-bit integer"),
    Q8_0("q8_0", 32, 34, "llama.cpp q8_0 (8.5 bits)"),
    Q4_0("q4_0", 32, 18, "llama.cpp q4_0 (4.5 bits)");

    private final String code;
    private final int blockElements;
    private final int blockBytes;
    private final String label;

    KvDtype(String code, int blockElements, int blockBytes, String label) {
        this.code = code;
        this.blockElements = blockElements;
        this.blockBytes = blockBytes;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Bits per stored value, rounded down for the block formats (q8_0 is 8.5 and reads 8 here). */
    public int bits() {
        return blockBytes * 8 / blockElements;
    }

    /** Bytes of one row of {@code elements} values (a whole number of blocks, as ggml_row_size). */
    public long rowBytes(long elements) {
        if (elements % blockElements != 0) {
            throw new IllegalArgumentException(code + " stores rows in blocks of " + blockElements + " values");
        }
        return elements / blockElements * blockBytes;
    }

    public static Optional<KvDtype> byCode(String code) {
        return Arrays.stream(values())
                .filter(d -> d.code.equalsIgnoreCase(code.trim()))
                .findFirst();
    }
}
