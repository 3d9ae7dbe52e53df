package com.gemmavision.workload.web;

import com.gemmavision.web.selection.TokenCount;

/**
 * What the workload page asks beyond the advisor's deployment ({@link com.gemmavision.advisor.web.AdvisorForm}),
 * bound by Spring: the model and format, one of the caller's documents or a number of tokens per document, the
 * answer's tokens, the price of a GPU-hour and its currency. Absent values (null) have their defaults.
 */
record WorkloadForm(
        String model,
        String quant,
        String documentId,
        TokenCount tokensPerDocument,
        Long answerTokens,
        Double pricePerHour,
        String currency) {}
