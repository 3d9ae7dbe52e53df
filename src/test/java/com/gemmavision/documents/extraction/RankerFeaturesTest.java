package com.gemmavision.documents.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.gemmavision.documents.text.PageText;

import org.junit.jupiter.api.Test;

/** The learned readers' candidates and features, on pages made here (generic receipts, no corpus document). */
class RankerFeaturesTest {

    private static PageText page(String text) {
        return new PageText(1, PageText.TextSource.OCR, text, 90.0, 1000, 2000);
    }

    @Test
    void labelWordsMatchThroughOcrNoiseButNotUnrelatedWords() {
        assertThat(AmountRanker.similarity("T0TAL", AmountRanker.LABELS.get("total")))
                .isGreaterThanOrEqualTo(0.8);
        assertThat(AmountRanker.similarity("Grand Tota1 EUR", AmountRanker.LABELS.get("total")))
                .isGreaterThan(0.9);
        assertThat(AmountRanker.similarity("Bread 2 x 1.20", AmountRanker.LABELS.get("total")))
                .isZero();
        assertThat(AmountRanker.similarity("Rückgeld", AmountRanker.LABELS.get("change")))
                .isEqualTo(1.0);
    }

    @Test
    void everyAmountIsACandidateWithItsLabelRankAndArithmetic() {
        PageText receipt = page(String.join(
                "\n",
                "CORNER SHOP LTD",
                "Bread            2.50",
                "Milk             1.50",
                "Subtotal         4.00",
                "Tax              0.40",
                "TOTAL            4.40",
                "Cash            10.00",
                "Change           5.60"));
        List<AmountRanker.Candidate> candidates = AmountRanker.candidates(List.of(receipt), "4.00");
        AmountRanker.Candidate total = candidates.stream()
                .filter(c -> c.value().compareTo(new BigDecimal("4.40")) == 0)
                .findFirst()
                .orElseThrow();
        Map<String, Double> f = total.features().values();
        assertThat(f).containsKey("line:total").containsKey("sum-of-two").containsKey("cash-less-change");
        assertThat(f).doesNotContainKey("rules-chose-it").doesNotContainKey("line:subtotal");
        AmountRanker.Candidate cash = candidates.stream()
                .filter(c -> c.value().compareTo(BigDecimal.TEN) == 0)
                .findFirst()
                .orElseThrow();
        assertThat(cash.features().values()).containsKey("rank:0").containsKey("line:cash");
        AmountRanker.Candidate subtotal = candidates.stream()
                .filter(c -> c.value().compareTo(new BigDecimal("4.00")) == 0)
                .findFirst()
                .orElseThrow();
        assertThat(subtotal.features().values()).containsKey("rules-chose-it").containsKey("line:subtotal");
        assertThat(AmountRanker.isTotal(total, new BigDecimal("4.40"))).isTrue();
    }

    @Test
    void theFirstLinesAreSellerCandidatesAndABracketedNumberIsAlsoTriedWithout() {
        PageText receipt = page(String.join(
                "\n", "RECEIPT", "CORNER SHOP SDN BHD (123456-X)", "12, Jalan Example, 50000 Town", "Tel: 03-1234567"));
        List<SellerRanker.Candidate> candidates = SellerRanker.candidates(List.of(receipt), null);
        assertThat(candidates)
                .extracting(SellerRanker.Candidate::value)
                .contains("CORNER SHOP SDN BHD (123456-X)", "CORNER SHOP SDN BHD");
        SellerRanker.Candidate name = candidates.stream()
                .filter(c -> c.value().equals("CORNER SHOP SDN BHD"))
                .findFirst()
                .orElseThrow();
        assertThat(name.features().values()).containsKey("business").containsKey("without-bracketed-number");
        assertThat(SellerRanker.isSeller(name, "Corner  Shop Sdn Bhd")).isTrue();
        SellerRanker.Candidate header = candidates.get(0);
        assertThat(header.features().values()).containsKey("header-label");
        SellerRanker.Candidate address = candidates.stream()
                .filter(c -> c.value().startsWith("12,"))
                .findFirst()
                .orElseThrow();
        assertThat(address.features().values()).containsKey("address-word").containsKey("comma-and-digits");
    }

    @Test
    void aRankingPicksTheBestValueAndCalibratesItsPick() {
        // a ranker that prefers total labels, and a calibration that trusts a clear lead
        List<ConfidenceModel.Example> ranked = List.of(
                new ConfidenceModel.Example(new FieldFeatures(Map.of("line:total", 1.0)), true),
                new ConfidenceModel.Example(new FieldFeatures(Map.of("line:total", 1.0)), true),
                new ConfidenceModel.Example(new FieldFeatures(Map.of("line:cash", 1.0)), false),
                new ConfidenceModel.Example(new FieldFeatures(Map.of("line:cash", 1.0)), false));
        List<ConfidenceModel.Example> picks = List.of(
                new ConfidenceModel.Example(Ranking.pickFeatures(List.of(0.9, 0.1)), true),
                new ConfidenceModel.Example(Ranking.pickFeatures(List.of(0.9, 0.2)), true),
                new ConfidenceModel.Example(Ranking.pickFeatures(List.of(0.4, 0.4)), false),
                new ConfidenceModel.Example(Ranking.pickFeatures(List.of(0.3, 0.3)), false));
        Ranking ranking = new Ranking(ConfidenceModel.train(ranked), ConfidenceModel.train(picks));
        PageText receipt = page("TOTAL 4.40\nCash 10.00\nChange 5.60");
        AmountRanker.Pick pick =
                new AmountRanker(ranking).pick(List.of(receipt), null).orElseThrow();
        assertThat(pick.value()).isEqualByComparingTo("4.40");
        assertThat(pick.probability()).isBetween(0.0, 1.0);
    }
}
