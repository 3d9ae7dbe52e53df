#!/usr/bin/env python3
"""Writes the engine conformance vectors: the KV cache bytes each engine allocates for a grid of
model x engine x context x batch x KV type, computed from db/seed/architecture.csv with the engines' rules
written out again here, independently of the Java code (README "How we compute it and how to check it").

    python3 bench/engines/conformance.py > src/test/resources/engines/conformance-vectors.json
"""
import csv
import json
import math
import os

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")

# bytes per block and values per block (ggml-common.h for q8_0 / q4_0)
DTYPES = {"bf16": (2, 1), "f16": (2, 1), "fp8": (1, 1), "int8": (1, 1), "int4": (1, 2), "q8_0": (34, 32), "q4_0": (18, 32)}
ENGINES = {
    "ideal": ["bf16", "fp8", "int8", "int4"],
    "hf-transformers": ["bf16"],
    "vllm": ["bf16", "fp8"],
    "vllm-no-hybrid": ["bf16", "fp8"],
    "llamacpp": ["f16", "q8_0", "q4_0"],
    "llamacpp-swa-full": ["f16", "q8_0", "q4_0"],
    "ollama": ["f16", "q8_0", "q4_0"],
}


def cdiv(a, b):
    return -(-a // b)


def row_bytes(dtype, n):
    size, per = DTYPES[dtype]
    assert n % per == 0
    return n // per * size


def kv_bytes(m, engine, ctx, batch, dtype, max_batched):
    layers = int(m["num_hidden_layers"])
    n_global = int(m["global_layers"])
    n_local = int(m["local_layers"])
    window = int(m["sliding_window"])
    cell = 2 * row_bytes(dtype, int(m["num_key_value_heads"]) * int(m["head_dim"]))
    if engine in ("ideal", "hf-transformers"):
        g_cells, l_cells, g_layers, l_layers = ctx, min(ctx, window), n_global, n_local
    elif engine == "vllm-no-hybrid":
        g_cells, l_cells, g_layers, l_layers = cdiv(ctx, 16) * 16, 0, layers, 0
    elif engine == "vllm":
        lo, hi = min(n_global, n_local), max(n_global, n_local)
        group = hi if hi < lo * 1.25 else lo
        g_layers = cdiv(n_global, group) * group
        l_layers = cdiv(n_local, group) * group
        g_cells = cdiv(ctx, 16) * 16
        l_cells = (cdiv(min(window - 1 + max_batched, ctx), 16) + 1) * 16
    elif engine == "ollama":
        # ollama kvcache/causal.go Init(maxSequences=num_parallel, capacity=num_ctx, maxBatch=num_batch 512):
        # causal cache num_parallel * num_ctx cells, SWA cache num_parallel * window + num_batch (or the causal
        # size when num_ctx < window), rounded up to 256; the cells are one pool shared by the sequences
        g_cells = cdiv(batch * ctx, 256) * 256
        l_cells = g_cells if ctx < window else cdiv(batch * window + 512, 256) * 256
        total = cell * (n_global * g_cells + n_local * l_cells)
        return total, g_cells, l_cells, n_global, n_local
    else:
        n_ctx = cdiv(ctx * batch, 256) * 256
        per_seq = cdiv(n_ctx // batch, 256) * 256
        swa = per_seq if engine == "llamacpp-swa-full" else cdiv(min(per_seq, window + 512), 256) * 256
        g_cells, l_cells, g_layers, l_layers = per_seq, swa, n_global, n_local
    total = batch * cell * (g_layers * g_cells + l_layers * l_cells)
    return total, g_cells, l_cells, g_layers, l_layers


def main():
    with open(os.path.join(ROOT, "db", "seed", "architecture.csv")) as f:
        models = list(csv.DictReader(f))
    vectors = []
    for m in models:
        for engine, dtypes in ENGINES.items():
            for ctx in (1000, 4096, 32768, 131072):
                if ctx > int(m["max_position_embeddings"]):
                    continue
                for batch in (1, 8):
                    for dtype in dtypes:
                        for max_batched in ((2048, 8192) if engine == "vllm" else (2048,)):
                            total, g, l, gl, ll = kv_bytes(m, engine, ctx, batch, dtype, max_batched)
                            vectors.append({
                                "model": m["model"], "engine": engine, "context": ctx, "batch": batch,
                                "kvDtype": dtype, "vllmMaxBatchedTokens": max_batched,
                                "globalLayers": gl, "globalCells": g, "localLayers": ll, "localCells": l,
                                "bytes": total,
                            })
    print(json.dumps({"source": "bench/engines/conformance.py", "vectors": vectors}, indent=1))


if __name__ == "__main__":
    main()
