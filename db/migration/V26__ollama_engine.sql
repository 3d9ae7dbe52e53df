-- Issue 29.4: Ollama is an engine of its own (code "ollama"): it runs Gemma 3 on its own Go engine with its own KV
-- cache (memory.EngineKvCache). It loads the GGUF formats its library publishes for gemma3
-- (ollama.com/library/gemma3/tags): Q4_K_M (the plain size tags), Google's QAT Q4_0 (-it-qat) and Q8_0 (-it-q8_0);
-- 16-bit weights (-it-fp16) are bfloat16's row, which every real engine loads.
UPDATE weight_format SET engines = engines || ';ollama' WHERE code IN ('q4_k_m', 'qat-int4', 'q8_0');
