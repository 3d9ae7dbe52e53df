package com.gemmavision.documents.extraction;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the confidence model reads about one extracted field: which field it is, where its text came from, the
 * rules' own estimate (as a log-odds), and each piece of evidence the rules recorded (a check passed or failed,
 * the rule that found it, OCR's confidence in its words). Evidence is a name, or {@code name=value} for a number.
 */
public record FieldFeatures(Map<String, Double> values) {

    public FieldFeatures {
        values = Map.copyOf(values);
    }

    public static FieldFeatures of(String field, String source, double rulesEstimate, List<String> evidence) {
        Map<String, Double> values = new TreeMap<>();
        values.put("field:" + field, 1.0);
        values.put(
                "source:"
                        + (source == null
                                ? "none"
                                : source.toLowerCase(Locale.ROOT).replace(' ', '-')),
                1.0);
        double p = Math.max(0.02, Math.min(0.98, rulesEstimate));
        values.put("rules-estimate", Math.log(p / (1 - p)));
        for (String item : evidence) {
            int equals = item.indexOf('=');
            if (equals > 0) {
                values.put(item.substring(0, equals), Double.parseDouble(item.substring(equals + 1)));
            } else {
                values.merge(item, 1.0, Double::sum);
            }
        }
        return new FieldFeatures(values);
    }
}
