package com.gemmavision.documents.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesAndAmountsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "02/07/2015|2015-07-02",
                "2 July 2015|2015-07-02",
                "02 Juillet 2015|2015-07-02",
                "19-04-2014|2014-04-19",
                "2014.04.19|2014-04-19",
                "2014-04-19|2014-04-19",
                "2. Juli 2015|2015-07-02",
                "2 de julio de 2015|2015-07-02",
                "2 luglio 2015|2015-07-02",
                "15 januari 2024|2024-01-15",
                "July 2, 2015|2015-07-02",
                "3. März 2023|2023-03-03",
                "12.03.24|2024-03-12",
                "25/12/2023|2023-12-25",
                "12/25/2023|2023-12-25"
            })
    void readsDatesInEveryUsualForm(String printed, String iso) {
        assertThat(Dates.find("Date: " + printed, false))
                .first()
                .satisfies(found -> assertThat(found.date().toString()).isEqualTo(iso));
    }

    @Test
    void readsAmbiguousNumericDatesMonthFirstInUsDocuments() {
        assertThat(Dates.find("03/04/2024", true).get(0).date().toString()).isEqualTo("2024-03-04");
        assertThat(Dates.find("03/04/2024", false).get(0).date().toString()).isEqualTo("2024-04-03");
    }

    @Test
    void ignoresImpossibleDates() {
        assertThat(Dates.find("31/02/2024 and 2024-13-01", false)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.234,56|1234.56",
                "1,234.56|1234.56",
                "1 234,56|1234.56",
                "1'234.56|1234.56",
                "1234.56|1234.56",
                "1234,5|1234.5",
                "12.345.678,90|12345678.90",
                "1.234|1234",
                "-45,00|-45.00"
            })
    void readsAmountsWhateverTheSeparators(String printed, String value) {
        assertThat(Amounts.parse(printed))
                .get()
                .satisfies(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(value)));
    }

    @Test
    void aWholeNumberGluedToLettersIsNoAmount() {
        assertThat(Amounts.find("NET TOTAL  :  Ge-8s)")).isEmpty();
        assertThat(Amounts.find("Total  12.00EUR  and 7 items"))
                .extracting(Amounts.Found::value)
                .containsExactly(new BigDecimal("12.00"), new BigDecimal("7"));
    }

    @Test
    void findsAmountsOnALineButNotPercentagesOrDates() {
        assertThat(Amounts.find("MwSt 19%   57,00 EUR  fällig 02.07.2015"))
                .extracting(Amounts.Found::value)
                .containsExactly(new BigDecimal("57.00"));
        assertThat(Amounts.find("Total due: € 1.234,56"))
                .extracting(Amounts.Found::printed)
                .containsExactly("1.234,56");
    }
}
