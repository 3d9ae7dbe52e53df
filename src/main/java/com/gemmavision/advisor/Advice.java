package com.gemmavision.advisor;

import java.util.List;

/** Every option on the requested GPU and the one recommended, with the reason in a sentence. */
public record Advice(AdviceRequest request, List<FitOption> options, FitOption recommended, String reasoning) {}
