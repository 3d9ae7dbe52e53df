package com.gemmavision.web.selection;

import java.util.List;

/**
 * The sidebar's selection as a request or a stored query carries it, bound by Spring ({@link Forms#bind}). A
 * list that is absent (null) keeps the fallback's; present with only empty values, it means "nothing".
 */
public record SelectionForm(
        List<String> model,
        List<String> quant,
        Boolean kv,
        List<String> bench,
        List<String> table,
        List<String> compare,
        Boolean arenaOpen,
        Boolean panScan) {}
