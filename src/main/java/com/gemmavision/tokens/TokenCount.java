package com.gemmavision.tokens;

/** Gemma 3 text tokens: counted with the tokenizer ({@code exact}), or estimated from the characters. */
public record TokenCount(long tokens, boolean exact) {}
