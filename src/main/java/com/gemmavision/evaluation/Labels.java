package com.gemmavision.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.gemmavision.documents.DocumentLabels;
import com.gemmavision.documents.extraction.Decimals;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An uploaded {@code labels.jsonl} (the format the app exports, {@link DocumentLabels}), read with bounds: labels by
 * document file name, amounts as decimals, everything else as text.
 */
public final class Labels {

    private static final int MAX_LINES = 10_000;
    private static final int MAX_VALUE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A labels file that cannot be read: its message names the line. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    private Labels() {}

    /** A JSON number as a bounded decimal; null when out of bounds (1e400 is read as an infinite double). */
    private static BigDecimal decimal(JsonNode value) {
        try {
            return Decimals.bounded(value.decimalValue()).orElse(null);
        } catch (RuntimeException notFinite) {
            return null;
        }
    }

    /** Labels by file name from a labels.jsonl text (already bounded in bytes by the caller). */
    public static Map<String, Map<String, Object>> parse(String jsonl) {
        Map<String, Map<String, Object>> byFile = new LinkedHashMap<>();
        String[] lines = jsonl.split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            throw new Unreadable("labels.jsonl has " + lines.length + " lines; at most " + MAX_LINES + " are read.");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (RuntimeException e) {
                throw new Unreadable("Line " + (i + 1) + " of labels.jsonl is not JSON.");
            }
            if (node == null
                    || !node.isObject()
                    || !node.path("file").isString()
                    || !node.path("fields").isObject()) {
                throw new Unreadable(
                        "Line " + (i + 1) + " of labels.jsonl needs a \"file\" and an object of \"fields\".");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String name : DocumentLabels.FIELDS) {
                JsonNode value = node.path("fields").get(name);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (DocumentLabels.AMOUNTS.contains(name)) {
                    if (!value.isNumber()) {
                        throw new Unreadable("Line " + (i + 1) + ": " + name + " must be a number.");
                    }
                    BigDecimal amount = decimal(value);
                    if (amount == null) {
                        throw new Unreadable(
                                "Line " + (i + 1) + ": " + name + " is out of range (" + Decimals.bounds() + ").");
                    }
                    fields.put(name, amount);
                } else if (value.isString() && value.asString().length() <= MAX_VALUE) {
                    fields.put(name, value.asString());
                } else {
                    throw new Unreadable(
                            "Line " + (i + 1) + ": " + name + " must be text of at most " + MAX_VALUE + " characters.");
                }
            }
            byFile.put(node.get("file").asString(), fields);
        }
        return byFile;
    }
}
