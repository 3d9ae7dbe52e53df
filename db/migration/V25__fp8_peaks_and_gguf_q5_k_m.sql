-- Issue 29.8: the dense FP8 tensor peak of the FP8-capable GPUs (Ada and Hopper), from NVIDIA's datasheets, which
-- print it with sparsity: half of that. The fit plan's first-token bound for FP8 (W8A8) weights divides by it;
-- GPUs without FP8 tensor cores (Turing, Ampere, Apple) keep NULL and their bf16 peak.
ALTER TABLE gpu_preset ADD COLUMN fp8_dense_tflops INTEGER;
UPDATE gpu_preset SET fp8_dense_tflops = 242 WHERE gpu = 'NVIDIA L4';         -- 485 with sparsity (L4 datasheet)
UPDATE gpu_preset SET fp8_dense_tflops = 330 WHERE gpu = 'NVIDIA RTX 4090';   -- 660.6 with sparsity, FP32 accumulate (Ada whitepaper)
UPDATE gpu_preset SET fp8_dense_tflops = 733 WHERE gpu = 'NVIDIA L40S';       -- 1,466 with sparsity (L40S datasheet)
UPDATE gpu_preset SET fp8_dense_tflops = 1979 WHERE gpu = 'NVIDIA H100 80GB'; -- 3,958 with sparsity (H100 SXM datasheet)
UPDATE gpu_preset SET fp8_dense_tflops = 1979 WHERE gpu = 'NVIDIA H200';      -- 3,958 with sparsity (H200 datasheet)

-- Issue 29.7: GGUF Q5_K_M, as llama.cpp's quantizer makes it: Q5_K body (176 bytes per 256 weights), attn_v and
-- ffn_down in Q6_K on the layers use_more_bits picks, the tied token embedding in Q6_K. Published files to check
-- it against (text weights; the vision projector is its own file): gemma-3-1b-it 0.851 GB, 12b 8.44 GB,
-- 27b 19.3 GB.
INSERT INTO weight_format (code, label, engines, body_bits, embedding_bits, vision_bits, upgraded_tensors,
                           upgraded_bits, kept_higher, source, sort_order)
VALUES ('q5_k_m', 'GGUF Q5_K_M', 'llamacpp;llamacpp-swa-full', 5.5, 6.5625, 16, 'attn_v;ffn_down', 6.5625,
        'attn_v and ffn_down in Q6_K on the layers use_more_bits picks; token embedding in Q6_K; vision encoder in the f16 mmproj file',
        'llama.cpp src/llama-quant.cpp llama_tensor_get_type (Q5_K_M, use_more_bits, tied token_embd as output → Q6_K); ggml-common.h block_q5_K 176 bytes and block_q6_K 210 bytes per 256 weights',
        75);
