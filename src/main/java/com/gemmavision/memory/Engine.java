package com.gemmavision.memory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A serving engine, as its KV cache allocator sees a Gemma 3 model. Each engine keeps a different number of
 * cells per sliding-window layer; {@link EngineKvCache} holds the rules and README "How we compute it and how to
 * check it" cites where each comes from.
 */
public enum Engine {
    IDEAL(
            "ideal",
            "Ideal (exact sliding window)",
            List.of(KvDtype.BF16, KvDtype.FP8, KvDtype.INT8, KvDtype.INT4),
            "Every local layer keeps exactly the window, every global layer the whole context: the lower bound."),
    HF_TRANSFORMERS(
            "hf-transformers",
            "Hugging Face transformers (hybrid static cache)",
            List.of(KvDtype.BF16),
            "generate() with Gemma 3's cache_implementation \"hybrid\": StaticSlidingWindowLayer keeps"
                    + " min(window, max_cache_len) per local layer, StaticLayer max_cache_len per global layer,"
                    + " for every row of the padded batch (transformers src/transformers/cache_utils.py)."),
    VLLM(
            "vllm",
            "vLLM (hybrid KV cache manager)",
            List.of(KvDtype.BF16, KvDtype.FP8),
            "Pages of 16 tokens. Layers are grouped by the smaller layer count (the global layers); a"
                    + " sliding-window group reserves cdiv(min(window − 1 + max_num_batched_tokens, context), 16) + 1"
                    + " pages and the last group is padded to full size (vllm/v1/kv_cache_interface.py,"
                    + " vllm/v1/core/kv_cache_utils.py)."),
    VLLM_NO_HYBRID(
            "vllm-no-hybrid",
            "vLLM (--disable-hybrid-kv-cache-manager)",
            List.of(KvDtype.BF16, KvDtype.FP8),
            "Sliding-window layers are allocated as full attention: cdiv(context, 16) pages on every layer"
                    + " (FullAttentionSpec, vllm/v1/kv_cache_interface.py)."),
    LLAMACPP(
            "llamacpp",
            "llama.cpp (default SWA cache)",
            List.of(KvDtype.F16, KvDtype.BF16, KvDtype.Q8_0, KvDtype.Q4_0),
            "One stream per slot (-np): the non-SWA cache keeps n_ctx_seq cells, the SWA cache"
                    + " pad(min(n_ctx_seq, window + n_ubatch), 256) (src/llama-kv-cache-iswa.cpp,"
                    + " src/llama-context.cpp)."),
    LLAMACPP_SWA_FULL(
            "llamacpp-swa-full",
            "llama.cpp --swa-full",
            List.of(KvDtype.F16, KvDtype.BF16, KvDtype.Q8_0, KvDtype.Q4_0),
            "The SWA cache is as large as the non-SWA cache: n_ctx_seq cells on every layer"
                    + " (src/llama-kv-cache-iswa.cpp)."),
    OLLAMA(
            "ollama",
            "Ollama (its own Gemma 3 engine)",
            List.of(KvDtype.F16, KvDtype.Q8_0, KvDtype.Q4_0),
            "Ollama runs Gemma 3 on its own Go engine (model/models/gemma3): a sliding-window cache and a causal"
                    + " cache (kvcache.NewWrapperCache). The causal layers keep num_parallel × num_ctx cells, the"
                    + " sliding ones num_parallel × window + num_batch (512), each rounded up to 256"
                    + " (kvcache/causal.go Init, the ggml backend's CachePadding). OLLAMA_KV_CACHE_TYPE q8_0 or q4_0"
                    + " needs OLLAMA_FLASH_ATTENTION=1.");

    private final String code;
    private final String label;
    private final List<KvDtype> kvDtypes;
    private final String rule;

    Engine(String code, String label, List<KvDtype> kvDtypes, String rule) {
        this.code = code;
        this.label = label;
        this.kvDtypes = kvDtypes;
        this.rule = rule;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The KV cache element types this engine offers, its default first. */
    public List<KvDtype> kvDtypes() {
        return kvDtypes;
    }

    public boolean offers(KvDtype dtype) {
        return kvDtypes.contains(dtype);
    }

    public String rule() {
        return rule;
    }

    public boolean isVllm() {
        return this == VLLM || this == VLLM_NO_HYBRID;
    }

    public boolean isLlamaCpp() {
        return this == LLAMACPP || this == LLAMACPP_SWA_FULL;
    }

    /**
     * The program behind the engine, whatever its cache option: "vllm" for both vLLM rows, "llamacpp" for both
     * llama.cpp rows (how published measurements name it), "ollama" for Ollama.
     */
    public String family() {
        return isVllm() ? "vllm" : isLlamaCpp() ? "llamacpp" : code;
    }

    /** The KV types this engine offers, for a message: "f16, bf16, q8_0 or q4_0". */
    public String kvDtypeChoices() {
        List<String> codes = kvDtypes.stream().map(KvDtype::code).toList();
        if (codes.size() == 1) {
            return codes.get(0);
        }
        return String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
    }

    public static Optional<Engine> byCode(String code) {
        return Arrays.stream(values())
                .filter(e -> e.code.equalsIgnoreCase(code.trim()))
                .findFirst();
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(Engine::code).toList());
    }
}
