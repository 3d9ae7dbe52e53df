package com.gemmavision.documents.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.gemmavision.documents.text.PageText;

import org.junit.jupiter.api.Test;

/** Statement rows keep each amount in the column it is printed under, whichever columns a row fills. */
class TransactionsTest {

    private static List<Transactions.Transaction> read(String... lines) {
        return Transactions.extract(
                List.of(new PageText(1, PageText.TextSource.TEXT_LAYER, String.join("\n", lines), null, null, null)));
    }

    @Test
    void aCreditOnlyRowLandsUnderCreditNotDebit() {
        List<Transactions.Transaction> rows = read(
                "Kontoauszug Nr. 3",
                "Datum       Buchungstext                     Soll          Haben         Saldo",
                "01.03.2024  Miete März                     1.200,00                    3.800,00",
                "05.03.2024  Gehalt                                        4.100,00      7.900,00",
                "07.03.2024  Kartenzahlung Supermarkt          84,17                    7.815,83");

        assertThat(rows)
                .containsExactly(
                        new Transactions.Transaction("2024-03-01", "Miete März", "1200.00", null, "3800.00"),
                        new Transactions.Transaction("2024-03-05", "Gehalt", null, "4100.00", "7900.00"),
                        new Transactions.Transaction(
                                "2024-03-07", "Kartenzahlung Supermarkt", "84.17", null, "7815.83"));
    }

    @Test
    void aSignedAmountColumnPutsNegativesUnderDebit() {
        List<Transactions.Transaction> rows = read(
                "Date        Description                 Amount        Balance",
                "02/04/2024  Card payment COFFEE         -3.50         996.50",
                "03/04/2024  Transfer from savings       250.00        1,246.50");

        assertThat(rows).extracting(Transactions.Transaction::debit).containsExactly("3.50", null);
        assertThat(rows).extracting(Transactions.Transaction::credit).containsExactly(null, "250.00");
        assertThat(rows).extracting(Transactions.Transaction::balance).containsExactly("996.50", "1246.50");
    }

    @Test
    void rowsBeforeAnyColumnHeadingAreNotTransactions() {
        assertThat(read("Invoice date 01.03.2024 Total 1.200,00")).isEmpty();
    }
}
