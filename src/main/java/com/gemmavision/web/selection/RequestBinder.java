package com.gemmavision.web.selection;

import java.util.Map;

import org.springframework.stereotype.Component;

/** Hands out {@link RequestParameters} with the bounds of {@code gemmavision.selection.*} on every value. */
@Component
public class RequestBinder {

    private final SelectionProperties properties;

    public RequestBinder(SelectionProperties properties) {
        this.properties = properties;
    }

    public RequestParameters read(Map<String, String[]> parameters) {
        return new RequestParameters(parameters, properties.maxValuesPerParameter(), properties.maxValueLength());
    }
}
