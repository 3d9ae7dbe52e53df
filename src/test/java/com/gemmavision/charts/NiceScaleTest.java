package com.gemmavision.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NiceScaleTest {

    @ParameterizedTest(name = "max {0} -> axis to {1} in steps of {2}")
    @CsvSource({"27433, 30000, 5000", "72.7, 80, 20", "1000, 1000, 200", "2.9, 3, 0.5", "0.7, 0.8, 0.2", "1, 1, 0.2"})
    void roundsTheAxisUpToANiceMaximumAndStep(double dataMax, double expectedMax, double expectedStep) {
        NiceScale scale = NiceScale.forMaximum(dataMax, 6);

        assertThat(scale.max()).isCloseTo(expectedMax, Offset.offset(1e-9));
        assertThat(scale.step()).isCloseTo(expectedStep, Offset.offset(1e-9));
        assertThat(scale.max()).isGreaterThanOrEqualTo(dataMax);
    }

    @ParameterizedTest
    @CsvSource({"30000, '30,000'", "2.5, 2.5", "0.1, 0.1", "0, 0"})
    void formatsTicksWithoutFloatingPointNoise(double tick, String expected) {
        assertThat(NiceScale.format(tick)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0", "-3"})
    void anEmptyOrNegativeRangeStillGivesAUsableAxis(double dataMax) {
        NiceScale scale = NiceScale.forMaximum(dataMax, 6);

        assertThat(scale.ticks()).hasSizeGreaterThan(1).startsWith(0.0);
    }
}
