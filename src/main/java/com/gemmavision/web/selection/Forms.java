package com.gemmavision.web.selection;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.ResolvableType;
import org.springframework.core.convert.converter.ConverterRegistry;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;

/**
 * Binds the app's form and query records (the selection, the advisor's deployment, the workload) with Spring's
 * own {@link DataBinder}: typed values by constructor binding, type mismatches and refusals in a
 * {@link BindingResult}, checks as {@link Validator}s. Controllers bind with {@code @ModelAttribute} and a
 * {@code BindingResult}; a stored query string (a saved view, the session's selection) goes through
 * {@link #bind} with the same converters and validators, so both read alike.
 *
 * <p>Every refusal becomes an {@link InputProblem} naming its parameter, in words: pages show them as notices and
 * fall back to the default for that value, the API answers 400 with them. Values are quoted back shortened
 * ({@link UserText}); templates and Jackson escape them.
 */
@Component
public class Forms {

    /** Each form's components, looked up once per record type (every request reads them). */
    private static final ClassValue<List<RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                component.getAccessor().trySetAccessible();
            }
            return List.of(components);
        }
    };

    private final SelectionProperties properties;
    private final DefaultFormattingConversionService conversion = new DefaultFormattingConversionService();
    private final Validator limits = new Limits();

    public Forms(SelectionProperties properties) {
        this.properties = properties;
        addConverters(conversion);
    }

    /**
     * The app's own conversions, for MVC's binder and {@link #bind} alike: a repeated flag is its last value (a
     * checkbox comes after its hidden "false" twin, in forms and in links bookmarked from them), and a token
     * count may be written "32k".
     */
    public static void addConverters(ConverterRegistry registry) {
        registry.addConverter(String[].class, Boolean.class, Forms::lastFlag);
        registry.addConverter(String.class, TokenCount.class, TokenCount::parse);
    }

    private static Boolean lastFlag(String[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (values[i] != null && !values[i].isBlank()) {
                return flag(values[i]);
            }
        }
        return null;
    }

    private static Boolean flag(String value) {
        String text = value.trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("on")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equalsIgnoreCase("off")) {
            return false;
        }
        throw new IllegalArgumentException("not a flag");
    }

    /** A form and what binding and checking it found. */
    public record Bound<T>(T form, BindingResult result) {

        /** Whether the field's value was refused (then its default stands). */
        public boolean refused(String field) {
            return result.hasFieldErrors(field);
        }

        /** The bound value, or {@code fallback} when it is absent or was refused. */
        public <V> V or(String field, V value, V fallback) {
            return value == null || refused(field) ? fallback : value;
        }

        /** Refuses a field after binding (a check that needs more than the form: the engine's formats, say). */
        public void refuse(String field, Object typed, String message) {
            Forms.refuse(result, field, typed, message);
        }

        public List<InputProblem> problems() {
            return Forms.problems(result, form.getClass());
        }

        public List<String> messages() {
            return problems().stream().map(InputProblem::message).toList();
        }
    }

    /**
     * Binds {@code type} from parameters (a stored query's, or a request's own map) as MVC would, then runs the
     * length and count limits and {@code validators}.
     */
    public <T> Bound<T> bind(Class<T> type, Map<String, String[]> parameters, Validator... validators) {
        WebDataBinder binder = new WebDataBinder(null, objectName(type));
        binder.setTargetType(ResolvableType.forClass(type));
        binder.setConversionService(conversion);
        binder.construct(new MapValues(parameters));
        binder.addValidators(limits);
        binder.addValidators(validators);
        binder.validate();
        return new Bound<>(type.cast(binder.getTarget()), binder.getBindingResult());
    }

    /** The limits every form is read within: text no longer than the configured length, lists no longer than the count. */
    public Validator limits() {
        return limits;
    }

    /** A list parameter's values as read: blanks and over-long values dropped, duplicates too, at most the count. */
    public List<String> values(List<String> values) {
        if (values == null) {
            return null;
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank() && value.length() <= properties.maxValueLength()) {
                kept.add(value);
            }
            if (kept.size() == properties.maxValuesPerParameter()) {
                break;
            }
        }
        return List.copyOf(kept);
    }

    /** Trimmed text, or null when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static void refuse(Errors errors, String field, Object typed, String message) {
        FieldError error = new FieldError(errors.getObjectName(), field, typed, false, null, null, message);
        if (errors instanceof BindingResult result) {
            result.addError(error);
        } else {
            errors.reject("refused", message);
        }
    }

    /** A whole number within [min, max]; {@code typed} is how it was written when that differs from the number. */
    public static void whole(Errors errors, String name, Number value, long min, long max, String unit, String typed) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            refuse(
                    errors,
                    name,
                    value,
                    String.format(
                            Locale.ROOT,
                            "%s must be between %,d and %,d%s; got %s.",
                            name,
                            min,
                            max,
                            unit,
                            typed != null ? typed : value.toString()));
        }
    }

    /** A token count, when given, within [1, max]; refused naming how it was written ("32k (32,768)"). */
    public static void tokens(Errors errors, String name, TokenCount value, long max) {
        if (value != null) {
            whole(errors, name, value.value(), 1, max, " tokens", value.typed());
        }
    }

    public static void decimal(Errors errors, String name, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            refuse(
                    errors,
                    name,
                    value,
                    name + " must be between " + plain(min) + " and " + plain(max) + "; got "
                            + UserText.quoted(plain(value)) + ".");
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.valueOf(value);
    }

    /**
     * Every refusal in words, in the order of the form's fields (then as met); Spring's type mismatches said as
     * what the value must be.
     */
    public static List<InputProblem> problems(BindingResult result, Class<?> formType) {
        List<String> order =
                COMPONENTS.get(formType).stream().map(RecordComponent::getName).toList();
        return result.getFieldErrors().stream()
                .sorted(Comparator.comparingInt(
                        e -> order.contains(e.getField()) ? order.indexOf(e.getField()) : order.size()))
                .map(e -> new InputProblem(e.getField(), message(e)))
                .toList();
    }

    private static String message(FieldError error) {
        if (!error.isBindingFailure() || error.getCodes() == null) {
            return error.getDefaultMessage();
        }
        String field = error.getField();
        String typed = UserText.quoted(typed(error.getRejectedValue()));
        String type = Arrays.stream(error.getCodes())
                .filter(c -> c.startsWith("typeMismatch.") && c.lastIndexOf('.') > "typeMismatch.".length())
                .filter(c -> Character.isUpperCase(c.charAt(c.lastIndexOf('.') + 1)))
                .findFirst()
                .map(c -> c.substring(c.lastIndexOf('.') + 1))
                .orElse("");
        return switch (type) {
            case "Integer", "Long" -> field + " must be a whole number; got “" + typed + "”.";
            case "Double", "BigDecimal" -> field + " must be a number; got “" + typed + "”.";
            case "Boolean" -> field + " must be true or false; got “" + typed + "”.";
            case "TokenCount" -> field + " must be a number of tokens, like 32768 or 32k; got “" + typed + "”.";
            default -> field + " could not be read; got “" + typed + "”.";
        };
    }

    private static String typed(Object rejected) {
        if (rejected instanceof String[] values) {
            return values.length == 0 ? "" : values[values.length - 1];
        }
        return rejected == null ? "" : rejected.toString();
    }

    private static String objectName(Class<?> type) {
        String name = type.getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Text no longer than the configured length; lists no longer than the configured count. */
    private final class Limits implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return type.isRecord();
        }

        @Override
        public void validate(Object target, Errors errors) {
            for (RecordComponent component : COMPONENTS.get(target.getClass())) {
                Object value;
                try {
                    value = component.getAccessor().invoke(target);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("record accessors are public", e);
                }
                String name = component.getName();
                if (value instanceof String text && text.length() > properties.maxValueLength()) {
                    refuse(errors, name, text, tooLong(name));
                } else if (value instanceof Collection<?> list) {
                    if (list.stream()
                            .anyMatch(v -> v instanceof String s && s.length() > properties.maxValueLength())) {
                        refuse(errors, name, null, tooLong(name));
                    }
                    long read = list.stream()
                            .filter(v -> v instanceof String s && !s.isBlank())
                            .count();
                    if (read > properties.maxValuesPerParameter()) {
                        refuse(
                                errors,
                                name,
                                null,
                                "Only the first " + properties.maxValuesPerParameter() + " values of “" + name
                                        + "” were read.");
                    }
                }
            }
        }

        private String tooLong(String name) {
            return "Ignored a value of “" + name + "” longer than " + properties.maxValueLength() + " characters.";
        }
    }

    /** A parameter map as Spring's binder reads a request: one value as itself, several as an array. */
    private record MapValues(Map<String, String[]> parameters) implements DataBinder.ValueResolver {

        @Override
        public Object resolveValue(String name, Class<?> type) {
            String[] values = parameters.get(name);
            if (values == null) {
                // a checkbox's marker ("_name") without the box: the box was left unticked
                return parameters.containsKey(WebDataBinder.DEFAULT_FIELD_MARKER_PREFIX + name)
                                && (type == Boolean.class || type == boolean.class)
                        ? "false"
                        : null;
            }
            if (List.class.isAssignableFrom(type)) {
                return values;
            }
            return values.length == 1 ? values[0] : values;
        }

        @Override
        public Set<String> getNames() {
            // only plain names: indexed ones ("model[9999]") are not how these forms are written
            return Set.copyOf(
                    parameters.keySet().stream().filter(n -> n.indexOf('[') < 0).toList());
        }
    }
}
