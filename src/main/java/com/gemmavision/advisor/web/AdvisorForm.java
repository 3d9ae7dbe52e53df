package com.gemmavision.advisor.web;

import com.gemmavision.web.selection.TokenCount;

/**
 * The advisor's deployment inputs as a request carries them, bound by Spring ({@code @ModelAttribute}); every
 * value may be absent (null) and then has its default. {@link AdvisorParameters} checks them and makes the
 * {@link com.gemmavision.advisor.AdviceRequest}.
 *
 * @param gpu       a preset's name; ignored when {@code memoryGiB} is given
 * @param memoryGiB a custom GPU's memory
 */
public record AdvisorForm(
        String gpu,
        Double memoryGiB,
        Integer gpus,
        TokenCount context,
        Long batch,
        String engine,
        String kvDtype,
        Boolean slidingWindow,
        Double overheadGiB,
        Integer headroom,
        String rankBy,
        Boolean textOnly,
        Boolean bf16Extras,
        Boolean visionQuantized) {}
