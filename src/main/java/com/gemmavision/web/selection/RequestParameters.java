package com.gemmavision.web.selection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one way a request's parameters are read, for the selection, the advisor's inputs and the API alike: typed
 * values within bounds, the last value of a repeated parameter (a checkbox after its hidden twin), repeated ones
 * capped in number and length. A value that cannot be used is ignored (the fallback stays) and reported in
 * words with its parameter's name: pages show the messages as notices, the API answers 400 with them. Values
 * are quoted back shortened ({@link UserText}); templates and Jackson escape them.
 */
public final class RequestParameters {

    /** A value that was ignored, and why. */
    public record Problem(String parameter, String message) {}

    private final Map<String, String[]> parameters;
    private final int maxValues;
    private final int maxLength;
    private final List<Problem> problems = new ArrayList<>();

    RequestParameters(Map<String, String[]> parameters, int maxValues, int maxLength) {
        this.parameters = Map.copyOf(parameters);
        this.maxValues = maxValues;
        this.maxLength = maxLength;
    }

    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** The last value of a parameter, trimmed; null when absent, empty or too long (reported). */
    public String text(String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0 || values[values.length - 1] == null) {
            return null;
        }
        String value = values[values.length - 1].trim();
        if (value.length() > maxLength) {
            reject(name, "Ignored a value of “" + name + "” longer than " + maxLength + " characters.");
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    public boolean flag(String name, boolean fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on")) {
            return true;
        }
        if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("off")) {
            return false;
        }
        reject(name, name + " must be true or false; got “" + UserText.quoted(value) + "”.");
        return fallback;
    }

    public long whole(String name, long min, long max, long fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            return inRange(
                    name,
                    Long.parseLong(value.replace(",", "").replace("_", "")),
                    min,
                    max,
                    fallback,
                    "",
                    UserText.quoted(value));
        } catch (NumberFormatException e) {
            reject(name, name + " must be a whole number; got “" + UserText.quoted(value) + "”.");
            return fallback;
        }
    }

    /**
     * A number of tokens as people write them: "32768", "32,768", or "32k" / "128K", where K is 1,024 tokens as
     * in the model cards' "32K" and "128K" contexts. Anything else is refused in words.
     */
    public long tokens(String name, long min, long max, long fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        String plain = value.replaceAll("[\\s,_]", "");
        boolean thousands = plain.matches("\\d{1,9}[kK]");
        if (!thousands && !plain.matches("\\d{1,12}")) {
            reject(
                    name,
                    name + " must be a number of tokens, like 32768 or 32k; got “" + UserText.quoted(value) + "”.");
            return fallback;
        }
        long parsed = thousands ? Long.parseLong(plain.substring(0, plain.length() - 1)) * 1024 : Long.parseLong(plain);
        String typed = thousands
                ? UserText.quoted(value) + String.format(Locale.ROOT, " (%,d)", parsed)
                : UserText.quoted(value);
        return inRange(name, parsed, min, max, fallback, " tokens", typed);
    }

    /** {@code parsed} when within [min, max]; else the fallback, and a refusal naming the range and what was typed. */
    private long inRange(String name, long parsed, long min, long max, long fallback, String unit, String typed) {
        if (parsed >= min && parsed <= max) {
            return parsed;
        }
        reject(
                name,
                String.format(Locale.ROOT, "%s must be between %,d and %,d%s; got %s.", name, min, max, unit, typed));
        return fallback;
    }

    public double decimal(String name, double min, double max, double fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed) || parsed < min || parsed > max) {
                reject(
                        name,
                        name + " must be between " + plain(min) + " and " + plain(max) + "; got "
                                + UserText.quoted(value) + ".");
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            reject(name, name + " must be a number; got “" + UserText.quoted(value) + "”.");
            return fallback;
        }
    }

    /** One of a known set of values, looked up by the caller; {@code allowed} names them in the message. */
    public <T> T choice(String name, Function<String, Optional<T>> lookup, T fallback, String allowed) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        Optional<T> found = lookup.apply(value);
        if (found.isEmpty()) {
            reject(name, name + " must be " + allowed + "; got “" + UserText.quoted(value) + "”.");
        }
        return found.orElse(fallback);
    }

    /**
     * A repeatable parameter: absent keeps the fallback; present with only empty values means "nothing". At most
     * the configured number of values is read; duplicates are dropped, order kept. {@code parse} reports the
     * values it cannot use itself ({@link #reject}).
     */
    public <T> List<T> list(String name, List<T> fallback, Function<String, Optional<T>> parse) {
        String[] values = parameters.get(name);
        if (values == null) {
            return fallback;
        }
        Set<T> parsed = new LinkedHashSet<>();
        int read = 0;
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (++read > maxValues) {
                reject(name, "Only the first " + maxValues + " values of “" + name + "” were read.");
                break;
            }
            if (value.length() > maxLength) {
                reject(name, "Ignored a value of “" + name + "” longer than " + maxLength + " characters.");
                continue;
            }
            parse.apply(value).ifPresent(parsed::add);
        }
        return List.copyOf(parsed);
    }

    public void reject(String parameter, String message) {
        problems.add(new Problem(parameter, message));
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<String> messages() {
        return problems.stream().map(Problem::message).toList();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value) : String.valueOf(value);
    }
}
