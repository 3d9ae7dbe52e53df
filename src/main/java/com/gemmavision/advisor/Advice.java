package com.gemmavision.advisor;

import java.util.List;

/**
 * Every option on the requested GPU, the one recommended and the runner-up (the best fitting option of another
 * model, so the alternative is a real choice), with the reason in words.
 */
public record Advice(
        AdviceRequest request, List<FitOption> options, FitOption recommended, FitOption runnerUp, String reasoning) {}
