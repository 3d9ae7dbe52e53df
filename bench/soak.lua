-- Cycles through selection changes as a user clicking the sidebar would: each request is an HTMX redraw of
-- another selection, with the same session cookie (set by soak.sh through the environment).
local selections = {
  "/?model=Gemma3-4B-IT&quant=bf16&quant=int4&kv=false&bench=&table=",
  "/?model=Gemma3-4B-IT&model=Gemma3-27B-IT&quant=bf16&quant=sfp8&kv=true&bench=arena&table=",
  "/?model=Gemma3-12B-IT&quant=int4-b32&kv=true&bench=zero-shot&table=15",
  "/advisor?model=Gemma3-27B-IT&quant=int4&gpu=NVIDIA%20L4&context=32768&batch=2",
  "/api/advice?gpu=NVIDIA%20A100%2080GB&context=65536&batch=4",
  "/api/memory?model=Gemma3-27B-IT&quant=bf16&context=131072",
}
local cookie = os.getenv("SOAK_COOKIE")
local i = 0
request = function()
  i = i + 1
  local path = selections[(i % #selections) + 1]
  return wrk.format("GET", path, { ["HX-Request"] = "true", ["Cookie"] = cookie })
end
