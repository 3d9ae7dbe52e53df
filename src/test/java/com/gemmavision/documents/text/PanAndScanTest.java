package com.gemmavision.documents.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PanAndScanTest {

    @ParameterizedTest(name = "{0}x{1}: {2} crops")
    @CsvSource({
        "896, 896, 0", // square: below the 1.2 ratio
        "1000, 900, 0", // ratio 1.11
        "2480, 3508, 2", // A4 portrait at 300 dpi: ratio 1.41 rounds to 1, raised to the minimum of 2
        "3000, 1000, 3", // ratio 3
        "6000, 1000, 4", // ratio 6, capped at 4
        "600, 300, 2", // crops of 300 x 300
        "500, 300, 0", // two crops of 250 px: under the 256 px minimum
        "300, 200, 0" // floor(300 / 256) = 1 raised to 2, crops of 150 px: too small
    })
    void followsTheProcessorsRule(int width, int height, int crops) {
        assertThat(PanAndScan.crops(width, height)).isEqualTo(crops);
        assertThat(PanAndScan.crops(height, width))
                .as("portrait and landscape alike")
                .isEqualTo(crops);
        assertThat(PanAndScan.views(width, height, true)).isEqualTo(crops + 1);
        assertThat(PanAndScan.views(width, height, false)).isEqualTo(1);
    }
}
