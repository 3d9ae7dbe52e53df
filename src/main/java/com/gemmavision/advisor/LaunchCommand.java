package com.gemmavision.advisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.gemmavision.memory.Engine;
import com.gemmavision.memory.EngineSettings;
import com.gemmavision.memory.KvDtype;

/**
 * The command that launches an option on the request's engine, built from the same numbers the advice used: the
 * context, the batch, the KV type, the memory share, vLLM's batched tokens and llama.cpp's micro-batch, so the
 * engine allocates what the page says it will.
 */
public final class LaunchCommand {

    private LaunchCommand() {}

    /** The command, or null for the ideal engine (the report's arithmetic, no program). */
    public static String of(AdviceRequest request, FitOption option) {
        if (option == null) {
            return null;
        }
        String size = option.model().replace("Gemma3-", "").replace("-IT", "").toLowerCase(Locale.ROOT);
        String hub = "google/gemma-3-" + size + "-it";
        Engine engine = request.engine();
        EngineSettings settings = request.settings();
        String quant = option.format().code();
        List<String> args = new ArrayList<>();
        switch (engine) {
            case IDEAL -> {
                return null;
            }
            case VLLM, VLLM_NO_HYBRID -> {
                args.add("vllm serve " + (quant.equals("awq-int4") ? awqCheckpoint(size) : hub));
                args.add("--max-model-len " + request.context());
                args.add("--max-num-seqs " + request.batch());
                args.add("--max-num-batched-tokens " + settings.vllmMaxBatchedTokens());
                args.add("--block-size " + settings.vllmBlockSize());
                args.add(String.format(
                        Locale.ROOT, "--gpu-memory-utilization %.2f", (100 - request.headroomPercent()) / 100.0));
                if (quant.equals("fp8")) {
                    args.add("--quantization fp8");
                }
                if (request.kvDtype() == KvDtype.FP8) {
                    args.add("--kv-cache-dtype fp8");
                }
                if (request.gpus() > 1) {
                    args.add("--tensor-parallel-size " + request.gpus());
                }
                if (engine == Engine.VLLM_NO_HYBRID) {
                    args.add("--disable-hybrid-kv-cache-manager");
                }
                if (request.weights().textOnly()) {
                    args.add("--limit-mm-per-prompt '{\"image\": 0}'");
                }
            }
            case LLAMACPP, LLAMACPP_SWA_FULL -> {
                args.add("llama-server");
                if (quant.equals("qat-int4")) {
                    args.add("-hf google/gemma-3-" + size + "-it-qat-q4_0-gguf");
                } else {
                    args.add("-m gemma-3-" + size + "-it-"
                            + quant.toUpperCase(Locale.ROOT).replace("BF16", "bf16") + ".gguf");
                    if (!request.weights().textOnly() && !size.equals("1b")) {
                        // the vision projector as its publisher names it (ggml-org/gemma-3-4b-it-GGUF and the 12B
                        // and 27B repositories: one mmproj-model-f16.gguf beside each model's files)
                        args.add("--mmproj mmproj-model-f16.gguf");
                    }
                }
                args.add("-c " + request.context() * request.batch());
                args.add("-np " + request.batch());
                args.add("-ub " + settings.llamaUbatch());
                args.add("-ngl 99");
                if (request.kvDtype() != KvDtype.F16) {
                    args.add("-ctk " + request.kvDtype().code() + " -ctv "
                            + request.kvDtype().code());
                    args.add("-fa on");
                }
                if (engine == Engine.LLAMACPP_SWA_FULL) {
                    args.add("--swa-full");
                }
            }
            case OLLAMA -> {
                return ollama(request, size, quant);
            }
            case HF_TRANSFORMERS -> {
                String checkpoint = quant.equals("awq-int4") ? awqCheckpoint(size) : hub;
                return "model = Gemma3ForConditionalGeneration.from_pretrained(\"" + checkpoint
                        + "\", torch_dtype=torch.bfloat16, device_map=\"auto\")\n"
                        + "out = model.generate(**inputs, max_new_tokens=512, cache_implementation=\"hybrid\")"
                        + "  # inputs: a padded batch of " + request.batch() + ", prompt + new tokens ≤ "
                        + request.context();
            }
        }
        return String.join(" \\\n  ", args);
    }

    /**
     * llama-server with a Gemma 3 1B Q8_0 draft beside the model, for speculative decoding. Current llama-server
     * defaults {@code --spec-type} to none, so {@code -md} alone loads the draft and never drafts
     * (ggml-org/llama.cpp#25345): the command names the draft-model type, {@code draft-simple}
     * ({@code common_speculative_type_from_name_map} in {@code common/speculative.cpp}), with the draft on the GPU
     * too and up to 16 drafted tokens a step ({@code --spec-draft-n-max}, once {@code --draft-max}). The cache is
     * the engine's own: {@code --swa-full} is not needed to speculate on a sliding-window model (#13833, #18720).
     */
    public static String withDraft(AdviceRequest request, FitOption option) {
        return of(request, option)
                + " \\\n  -md gemma-3-1b-it-Q8_0.gguf --spec-type draft-simple -ngld 99 --spec-draft-n-max 16";
    }

    /**
     * Ollama: the server's environment sets the context of every model it loads ({@code OLLAMA_CONTEXT_LENGTH}, since
     * its OpenAI endpoint cannot), the parallel requests and the KV type (quantized types need flash attention);
     * then the library tag of the format. A Modelfile with {@code PARAMETER num_ctx} fixes the context for one model
     * instead. Without the variable Ollama picks the context by VRAM (docs/context-length.mdx: 4k below 24 GiB, 32k
     * to 48 GiB, 256k above) and cuts longer prompts without an error.
     */
    static String ollama(AdviceRequest request, String size, String quant) {
        String tag = ollamaTag(size, quant);
        List<String> env = new ArrayList<>();
        env.add("OLLAMA_CONTEXT_LENGTH=" + request.context());
        env.add("OLLAMA_NUM_PARALLEL=" + request.batch());
        if (request.kvDtype() != KvDtype.F16) {
            env.add("OLLAMA_FLASH_ATTENTION=1");
            env.add("OLLAMA_KV_CACHE_TYPE=" + request.kvDtype().code());
        }
        return String.join(" ", env) + " ollama serve &\n"
                + "ollama run " + tag + "\n"
                + "# or for this model only: printf 'FROM " + tag + "\\nPARAMETER num_ctx " + request.context()
                + "\\n' > Modelfile && ollama create " + tag.replace(':', '-') + "-" + request.context()
                + " -f Modelfile";
    }

    /**
     * The Ollama library's tag for a size and format (ollama.com/library/gemma3/tags): the plain size is Q4_K_M,
     * {@code -it-qat} Google's QAT Q4_0, {@code -it-q8_0} Q8_0 and {@code -it-fp16} the 16-bit weights.
     */
    static String ollamaTag(String size, String quant) {
        return switch (quant) {
            case "qat-int4" -> "gemma3:" + size + "-it-qat";
            case "q8_0" -> "gemma3:" + size + "-it-q8_0";
            case "bf16" -> "gemma3:" + size + "-it-fp16";
            default -> "gemma3:" + size;
        };
    }

    /**
     * Google publishes no AWQ checkpoint of Gemma 3. The int4 AWQ conversions of Google's QAT checkpoints on the
     * Hugging Face hub, one per size, are the ones vLLM users serve (for example vllm-project/vllm#28857:
     * {@code vllm serve gaunernst/gemma-3-27b-it-int4-awq}).
     */
    static String awqCheckpoint(String size) {
        return "gaunernst/gemma-3-" + size + "-it-int4-awq";
    }
}
