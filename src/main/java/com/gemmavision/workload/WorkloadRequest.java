package com.gemmavision.workload;

import java.math.BigDecimal;

import com.gemmavision.advisor.AdviceRequest;

/**
 * A document workload: the deployment (GPU, engine, KV type, headroom, overhead from the advisor's inputs), one
 * model in one format, the tokens a document brings, the answer tokens, the most documents served together and
 * the price of a GPU-hour, when the user gives one.
 *
 * @param documentName  the uploaded document the tokens come from, or null for a typed count
 * @param exactTokens   whether the text tokens were counted by Gemma 3's tokenizer
 * @param batchLimit    the most documents at once (vLLM's --max-num-seqs, llama.cpp's -np)
 * @param pricePerHour  price of one GPU for an hour, or null: no price is assumed
 */
public record WorkloadRequest(
        AdviceRequest deployment,
        String model,
        String quant,
        long textTokens,
        long imageTokens,
        boolean exactTokens,
        String documentName,
        long answerTokens,
        long batchLimit,
        BigDecimal pricePerHour) {

    public long tokensPerDocument() {
        return textTokens + imageTokens;
    }
}
