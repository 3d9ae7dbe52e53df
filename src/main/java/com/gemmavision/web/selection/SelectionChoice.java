package com.gemmavision.web.selection;

import java.util.List;
import java.util.Optional;

/**
 * What one sidebar parameter may hold, told by the feature that owns it (the catalogue its models, the memory
 * feature its formats, the benchmarks their groups, tables and compared models), so the shared selection code
 * reads the URL without knowing any feature.
 */
public interface SelectionChoice {

    /** The parameter it reads: model, quant, bench, table or compare. */
    String parameter();

    /** Every value there is, canonical, in the app's order (a selection comes out in this order). */
    List<String> values();

    /** The canonical value for what was typed (any case), or empty when it is not one. */
    Optional<String> canonical(String typed);

    /** Why a typed value was ignored, in words, naming what there is. */
    String refusal(String typed);
}
