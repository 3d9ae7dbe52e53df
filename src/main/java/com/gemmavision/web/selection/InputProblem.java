package com.gemmavision.web.selection;

/** A value of a form or query that was refused, named by its parameter, and why in words. */
public record InputProblem(String parameter, String message) {}
