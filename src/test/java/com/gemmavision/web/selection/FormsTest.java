package com.gemmavision.web.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 30.11: forms are bound by Spring's DataBinder (constructor binding into records, a BindingResult, Spring
 * Validators), not by a hand-made parameter reader. These check what the app adds to Spring's binding.
 */
class FormsTest {

    private static final SelectionProperties PROPERTIES =
            new SelectionProperties(List.of("Gemma3-4B-IT"), List.of("bf16"), false, 3, 16, 30);

    private final Forms forms = new Forms(PROPERTIES);

    record Sample(Boolean flag, Long count, Double share, TokenCount tokens, String name, List<String> names) {}

    @Test
    void typedValuesAreBoundIntoTheRecord() {
        Forms.Bound<Sample> bound = forms.bind(
                Sample.class,
                Map.of(
                        "flag", new String[] {"on"},
                        "count", new String[] {"42"},
                        "share", new String[] {"0.5"},
                        "tokens", new String[] {"128K"},
                        "name", new String[] {"x"},
                        "names", new String[] {"a", "b"}));

        assertThat(bound.problems()).isEmpty();
        assertThat(bound.form().flag()).isTrue();
        assertThat(bound.form().count()).isEqualTo(42L);
        assertThat(bound.form().share()).isEqualTo(0.5);
        assertThat(bound.form().tokens().value()).isEqualTo(131_072L);
        assertThat(bound.form().tokens().typed()).isEqualTo("128k (131,072)");
        assertThat(bound.form().names()).containsExactly("a", "b");
    }

    @Test
    void absentValuesAreNullSoTheirDefaultsStand() {
        Forms.Bound<Sample> bound = forms.bind(Sample.class, Map.of());

        assertThat(bound.form()).isEqualTo(new Sample(null, null, null, null, null, null));
        assertThat(bound.or("count", bound.form().count(), 7L)).isEqualTo(7L);
    }

    /** A checkbox follows its hidden "false" twin: the last value wins, in forms and in bookmarked links. */
    @Test
    void aRepeatedFlagIsItsLastValueAndAMarkerAloneIsFalse() {
        assertThat(forms.bind(Sample.class, Map.of("flag", new String[] {"false", "true"}))
                        .form()
                        .flag())
                .isTrue();
        assertThat(forms.bind(Sample.class, Map.of("flag", new String[] {"true", "false"}))
                        .form()
                        .flag())
                .isFalse();
        assertThat(forms.bind(Sample.class, Map.of("_flag", new String[] {"on"}))
                        .form()
                        .flag())
                .isFalse();
    }

    @Test
    void typeMismatchesAreSaidInWordsNamingTheParameterAndTheDefaultStands() {
        Forms.Bound<Sample> bound = forms.bind(
                Sample.class,
                Map.of(
                        "flag", new String[] {"maybe"},
                        "count", new String[] {"12x"},
                        "share", new String[] {"half"},
                        "tokens", new String[] {"lots"}));

        assertThat(bound.problems())
                .extracting(InputProblem::parameter)
                .containsExactly("flag", "count", "share", "tokens");
        assertThat(bound.messages())
                .containsExactly(
                        "flag must be true or false; got “maybe”.",
                        "count must be a whole number; got “12x”.",
                        "share must be a number; got “half”.",
                        "tokens must be a number of tokens, like 32768 or 32k; got “lots”.");
        assertThat(bound.refused("count")).isTrue();
        assertThat(bound.or("count", bound.form().count(), 7L)).isEqualTo(7L);
    }

    @Test
    void hostileValuesAreRefusedNotFatal() {
        String huge = "9".repeat(100_000);
        Forms.Bound<Sample> bound = forms.bind(
                Sample.class,
                Map.of(
                        "count", new String[] {huge},
                        "tokens", new String[] {"1e999999999"},
                        "name", new String[] {"x".repeat(17)},
                        "names", new String[] {"a", "b", "c", "d", "y".repeat(20)},
                        "names[2147483647]", new String[] {"z"}));

        assertThat(bound.refused("count")).isTrue();
        assertThat(bound.messages().get(0))
                .startsWith("count must be a whole number; got “9999")
                .endsWith("…”.");
        assertThat(bound.refused("tokens")).isTrue();
        assertThat(bound.messages()).contains("Ignored a value of “name” longer than 16 characters.");
        assertThat(bound.messages()).contains("Only the first 3 values of “names” were read.");
        assertThat(forms.values(bound.form().names())).containsExactly("a", "b", "c");
    }

    @Test
    void aHugeExponentIsNotANumberThatFits() {
        Forms.Bound<Sample> bound = forms.bind(Sample.class, Map.of("share", new String[] {"1e400"}));
        Forms.decimal(bound.result(), "share", bound.form().share(), 0, 1);

        assertThat(bound.messages()).containsExactly("share must be between 0 and 1; got Infinity.");
    }
}
