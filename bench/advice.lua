-- wrk script for bench/load.sh's "advice-uncached" target: every request asks /api/advice for another context,
-- engine and KV type, so the advice cache (keyed by the whole request) misses and each answer is computed.
local engines = {
  {"ideal", "bf16"}, {"vllm", "bf16"}, {"vllm", "fp8"}, {"vllm-no-hybrid", "bf16"},
  {"llamacpp", "f16"}, {"llamacpp", "q8_0"}, {"llamacpp-swa-full", "q4_0"}, {"hf-transformers", "bf16"}
}
local counter = 0
math.randomseed(os.time())
request = function()
  counter = counter + 1
  local e = engines[(counter % #engines) + 1]
  local context = math.random(1, 131072)
  local batch = math.random(1, 16)
  local path = string.format("/api/advice?gpu=NVIDIA%%20L4&context=%d&batch=%d&engine=%s&kvDtype=%s",
    context, batch, e[1], e[2])
  return wrk.format("GET", path)
end
