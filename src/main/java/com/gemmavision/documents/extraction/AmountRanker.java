package com.gemmavision.documents.extraction;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.gemmavision.documents.text.PageText;

/**
 * A learned reader for a page's grand total: every amount printed on the page is a candidate, described by generic
 * features (how closely the words on its line and the line above resemble total, sub-total, tax, cash, change,
 * rounding or discount labels in seven languages, by edit distance so OCR noise still matches; its place on the
 * page and in its line; its rank among the amounts; whether other amounts add up to it, or cash less change does;
 * how often it is printed; a currency mark; OCR's confidence in its words; whether the hand rules chose it), and a
 * logistic regression over them (LIBLINEAR, as {@link ConfidenceModel}) gives each the probability that it is the
 * total. The most probable value is the reading; how sure that is comes from the pick's calibration
 * ({@link Ranking}). Trained by {@code bench/extraction/run.sh --train} on the corpus and the receipts; the app loads
 * the committed {@code /extraction/total-ranker.txt} and its calibration.
 */
public final class AmountRanker {

    /** Label words by role, in English, German, French, Dutch, Spanish, Italian and Malay. */
    static final Map<String, List<String>> LABELS = labels();

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CURRENCY =
            Pattern.compile("(\\p{Sc}|\\b(?:EUR|USD|GBP|CHF|MYR|INR|SGD|RM|Rs)\\b)", Pattern.CASE_INSENSITIVE);
    private static final BigDecimal CENT = new BigDecimal("0.005");

    /** The name of its files under {@code /extraction}: the ranker and its calibration. */
    public static final String NAME = "total-ranker";

    private final Ranking ranking;

    public AmountRanker(Ranking ranking) {
        this.ranking = ranking;
    }

    /** The committed ranker, or empty when the app ships none. */
    public static Optional<AmountRanker> bundled() {
        return Ranking.bundled(NAME).map(AmountRanker::new);
    }

    /** The key two candidates of the same amount share. */
    public static String key(Candidate candidate) {
        return candidate.value().stripTrailingZeros().toPlainString();
    }

    private static Map<String, List<String>> labels() {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        labels.put(
                "total",
                List.of(
                        "total",
                        "grand total",
                        "amount due",
                        "total due",
                        "amount payable",
                        "balance due",
                        "to pay",
                        "jumlah",
                        "gesamt",
                        "gesamtbetrag",
                        "summe",
                        "endbetrag",
                        "montant",
                        "totale",
                        "importe",
                        "totaal",
                        "te betalen",
                        "payer"));
        labels.put(
                "subtotal",
                List.of(
                        "subtotal",
                        "sub total",
                        "zwischensumme",
                        "sous total",
                        "subtotale",
                        "subtotaal",
                        "sub jumlah"));
        labels.put("tax", List.of("tax", "gst", "vat", "sst", "mwst", "ust", "tva", "iva", "btw", "cukai"));
        labels.put(
                "cash",
                List.of(
                        "cash",
                        "tendered",
                        "paid",
                        "payment",
                        "received",
                        "card",
                        "visa",
                        "bayar",
                        "tunai",
                        "bar",
                        "especes",
                        "contanti",
                        "efectivo",
                        "contant"));
        labels.put(
                "change", List.of("change", "kembali", "baki", "ruckgeld", "rendu", "cambio", "resto", "wisselgeld"));
        labels.put("rounding", List.of("rounding", "round", "adjustment", "adj", "rundung", "arrondi", "pembundaran"));
        labels.put("discount", List.of("discount", "disc", "rabatt", "remise", "sconto", "descuento", "korting"));
        labels.put(
                "inclusive",
                List.of("incl", "inclusive", "including", "inkl", "inklusive", "ttc", "termasuk", "incluso"));
        labels.put(
                "exclusive",
                List.of("excl", "exclusive", "excluding", "exkl", "before", "ht", "sebelum", "netto", "esclusa"));
        labels.put(
                "item",
                List.of("qty", "quantity", "unit", "price", "item", "menge", "prix", "qte", "cantidad", "aantal"));
        return labels;
    }

    /** One amount on the page, where it stands, and what the ranker reads about it. */
    public record Candidate(BigDecimal value, String printed, int page, String line, FieldFeatures features) {}

    /** The chosen total, its probability and the line it stands on. */
    public record Pick(BigDecimal value, double probability, Candidate candidate) {}

    /** Whether a candidate is the labelled total, to the cent. */
    public static boolean isTotal(Candidate candidate, BigDecimal total) {
        return candidate.value().subtract(total).abs().compareTo(CENT) < 0;
    }
    /** Every amount on the pages, with its features; {@code rulesTotal} is the hand rules' total, or null. */
    public static List<Candidate> candidates(List<PageText> pages, String rulesTotal) {
        BigDecimal rules =
                rulesTotal == null ? null : Decimals.parse(rulesTotal).orElse(null);
        List<Candidate> candidates = new ArrayList<>();
        for (PageText page : pages) {
            List<String> lines = page.ruleLines();
            List<List<Amounts.Found>> found = new ArrayList<>();
            List<BigDecimal> all = new ArrayList<>();
            for (String line : lines) {
                List<Amounts.Found> amounts = Amounts.find(line);
                found.add(amounts);
                amounts.forEach(a -> all.add(a.value()));
            }
            List<BigDecimal> distinct = all.stream()
                    .filter(v -> v.signum() > 0)
                    .map(BigDecimal::stripTrailingZeros)
                    .distinct()
                    .sorted(Comparator.reverseOrder())
                    .toList();
            int n = lines.size();
            Set<BigDecimal> sums = new HashSet<>();
            Set<BigDecimal> differences = new HashSet<>();
            List<BigDecimal> positive = distinct.size() > 150 ? distinct.subList(0, 150) : distinct;
            for (int a = 0; a < positive.size(); a++) {
                for (int b = a + 1; b < positive.size(); b++) {
                    // distinct values, largest first: a's value is above b's
                    sums.add(positive.get(a).add(positive.get(b)).stripTrailingZeros());
                    differences.add(positive.get(a).subtract(positive.get(b)).stripTrailingZeros());
                }
            }
            List<BigDecimal> lowerHalf = new ArrayList<>();
            for (int i = n / 2; i < n; i++) {
                found.get(i).forEach(a -> lowerHalf.add(a.value().stripTrailingZeros()));
            }
            List<BigDecimal> lowerDistinct = lowerHalf.stream()
                    .filter(v -> v.signum() > 0)
                    .distinct()
                    .sorted(Comparator.reverseOrder())
                    .toList();
            for (int i = 0; i < n; i++) {
                List<Amounts.Found> amounts = found.get(i);
                for (int k = 0; k < amounts.size(); k++) {
                    Amounts.Found amount = amounts.get(k);
                    Map<String, Double> f = new TreeMap<>();
                    String line = lines.get(i);
                    String above = i > 0 ? lines.get(i - 1) : "";
                    for (String role : LABELS.keySet()) {
                        Ranking.put(f, "line:" + role, similarity(line, LABELS.get(role)));
                        Ranking.put(f, "above:" + role, similarity(above, LABELS.get(role)));
                    }
                    double position = n <= 1 ? 0 : (double) i / (n - 1);
                    f.put("position", position);
                    f.put("position^2", position * position);
                    Ranking.put(f, "last-five-lines", n - i <= 5 ? 1 : 0);
                    BigDecimal value = amount.value();
                    int rank = distinct.indexOf(value.stripTrailingZeros());
                    Ranking.put(f, "rank:" + (rank < 0 ? "none" : Math.min(rank, 3)), 1);
                    long repeats =
                            all.stream().filter(v -> v.compareTo(value) == 0).count() - 1;
                    Ranking.put(f, "printed-again", Math.min(3, repeats) / 3.0);
                    Ranking.put(f, "sum-of-two", sums.contains(value.stripTrailingZeros()) ? 1 : 0);
                    Ranking.put(f, "cash-less-change", differences.contains(value.stripTrailingZeros()) ? 1 : 0);
                    Ranking.put(f, "rightmost", k == amounts.size() - 1 ? 1 : 0);
                    Ranking.put(f, "decimals", amount.hasDecimals() ? 1 : 0);
                    Ranking.put(f, "currency-mark", CURRENCY.matcher(line).find() ? 1 : 0);
                    Ranking.put(f, "negative", value.signum() < 0 ? 1 : 0);
                    Ranking.put(
                            f,
                            "small-whole",
                            value.abs().compareTo(BigDecimal.TEN) < 0 && !amount.hasDecimals() ? 1 : 0);
                    Ranking.put(f, "amounts-on-line", Math.min(4, amounts.size()) / 4.0);
                    Double confidence = Ranking.ocrConfidence(page, i);
                    if (confidence != null) {
                        f.put("ocr-confidence", confidence);
                    }
                    Ranking.put(f, "rules-chose-it", rules != null && rules.compareTo(value) == 0 ? 1 : 0);
                    f.put("source:" + (page.source() == PageText.TextSource.OCR ? "ocr" : "text"), 1.0);
                    candidates.add(
                            new Candidate(value, amount.printed(), page.pageNumber(), line, new FieldFeatures(f)));
                }
            }
        }
        return candidates;
    }

    /** The most probable total on these pages, by value (a value printed twice counts once, at its best). */
    public Optional<Pick> pick(List<PageText> pages, String rulesTotal) {
        return ranking.pick(candidates(pages, rulesTotal), Candidate::features, AmountRanker::key)
                .map(p -> new Pick(p.candidate().value(), p.probability(), p.candidate()));
    }

    /** Training examples from labelled pages: each candidate, and whether it is the labelled total. */
    public static List<ConfidenceModel.Example> examples(List<PageText> pages, String rulesTotal, BigDecimal total) {
        List<ConfidenceModel.Example> examples = new ArrayList<>();
        for (Candidate candidate : candidates(pages, rulesTotal)) {
            examples.add(new ConfidenceModel.Example(
                    candidate.features(),
                    candidate.value().subtract(total).abs().compareTo(CENT) < 0));
        }
        return examples;
    }

    /**
     * How closely a line's words resemble any of the labels: 1 for the very word, less by the edit distance (so
     * "T0TAL" or "Ant" for "Amt" still count), 0 below two thirds. A label of two words is compared with each two
     * neighbouring words of the line.
     */
    static double similarity(String line, List<String> labels) {
        List<String> words = new ArrayList<>();
        var matcher = WORD.matcher(Normalizer.normalize(line, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        double best = 0;
        for (String label : labels) {
            int parts = label.split(" ").length;
            for (int i = 0; i + parts <= words.size(); i++) {
                String phrase = String.join(" ", words.subList(i, i + parts));
                if (Math.abs(phrase.length() - label.length()) > 2) {
                    continue;
                }
                double s = 1 - (double) Ranking.editDistance(phrase, label) / Math.max(phrase.length(), label.length());
                best = Math.max(best, s);
            }
        }
        return best >= 2.0 / 3 ? best : 0;
    }

    /** Whether the value is printed on another line that reads like cash or payment (paid exactly). */
    private static boolean againOnCashLine(
            List<String> lines, List<List<Amounts.Found>> found, int at, BigDecimal value) {
        for (int i = 0; i < lines.size(); i++) {
            if (i != at
                    && found.get(i).stream().anyMatch(a -> a.value().compareTo(value) == 0)
                    && similarity(lines.get(i), LABELS.get("cash")) > 0) {
                return true;
            }
        }
        return false;
    }
}
