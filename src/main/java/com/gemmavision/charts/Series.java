package com.gemmavision.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A named series of values, one per category of its chart; a null value is a gap (no data), never zero. */
public record Series(String name, List<Datum> values) {

    public Series {
        Objects.requireNonNull(name, "name");
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }
}
