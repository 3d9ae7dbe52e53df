package com.gemmavision.documents.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.gemmavision.documents.text.PageText;

/**
 * A learned reader for the seller: each of the first lines of the first page is a candidate (and, where it ends
 * in a registration number in brackets, the line without it), described by generic features (its place among the
 * lines, its share of capitals, letters and digits, its length, whether it names a legal form or a kind of
 * business, how closely its words resemble header labels such as receipt, telephone or address in seven
 * languages, whether it reads like an address, OCR's confidence in it, whether the hand rules chose it), and a
 * logistic regression over them (LIBLINEAR, as {@link ConfidenceModel}) gives each the probability that it is the
 * seller's name; how sure the pick is comes from its calibration ({@link Ranking}). Trained by
 * {@code bench/extraction/run.sh --train}; the app loads the committed {@code /extraction/seller-ranker.txt} and
 * its calibration.
 */
public final class SellerRanker {

    /** Lines from the top of the first page that may be the seller. */
    static final int LINES = 12;

    private static final List<String> HEADER_LABELS = List.of(
            "receipt",
            "invoice",
            "tax invoice",
            "bill",
            "tel",
            "telephone",
            "phone",
            "fax",
            "email",
            "www",
            "address",
            "date",
            "time",
            "cashier",
            "table",
            "order",
            "reg",
            "gst",
            "vat",
            "company",
            "no",
            "rechnung",
            "quittung",
            "beleg",
            "facture",
            "recu",
            "factura",
            "ricevuta",
            "fattura",
            "bon",
            "kassabon",
            "resit",
            "cukai",
            "invoice to",
            "bill to",
            "ship to",
            "customer",
            "kunde",
            "client",
            "cliente",
            "thank");
    private static final List<String> ADDRESS_WORDS = List.of(
            "jalan",
            "jln",
            "street",
            "road",
            "avenue",
            "lane",
            "strasse",
            "str",
            "rue",
            "avenue",
            "via",
            "calle",
            "straat",
            "taman",
            "lorong",
            "floor",
            "suite",
            "lot",
            "block",
            "plaza",
            "postfach",
            "cedex");
    private static final Pattern BRACKETED_NUMBER =
            Pattern.compile("\\s*\\(\\s*[\\dA-Z][\\dA-Z .\\-/]*\\d[\\dA-Z .\\-/]*\\)\\s*$");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    /** The name of its files under {@code /extraction}: the ranker and its calibration. */
    public static final String NAME = "seller-ranker";

    private final Ranking ranking;

    public SellerRanker(Ranking ranking) {
        this.ranking = ranking;
    }

    /** The committed ranker, or empty when the app ships none. */
    public static Optional<SellerRanker> bundled() {
        return Ranking.bundled(NAME).map(SellerRanker::new);
    }

    /** The key two candidates of the same name share: case and runs of spaces folded. */
    public static String key(Candidate candidate) {
        return fold(candidate.value());
    }

    /** Whether a candidate is the labelled seller, by the corpus's comparison of names. */
    public static boolean isSeller(Candidate candidate, String seller) {
        return FieldComparison.compare("sellerName", seller, candidate.value()) == FieldComparison.Outcome.RIGHT;
    }

    public record Candidate(String value, int page, String line, FieldFeatures features) {}

    public record Pick(String value, double probability, Candidate candidate) {}

    public static List<Candidate> candidates(List<PageText> pages, String rulesSeller) {
        List<Candidate> candidates = new ArrayList<>();
        if (pages.isEmpty()) {
            return candidates;
        }
        PageText page = pages.get(0);
        List<String> lines = page.ruleLines();
        String rules = rulesSeller == null ? null : fold(rulesSeller);
        int index = 0;
        for (int i = 0; i < lines.size() && index < LINES; i++) {
            String line = lines.get(i).strip().replaceAll("\\s+", " ");
            if (line.isEmpty()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            values.add(line);
            String trimmed = BRACKETED_NUMBER.matcher(line).replaceFirst("").strip();
            if (!trimmed.isEmpty() && !trimmed.equals(line)) {
                values.add(trimmed);
            }
            for (int v = 0; v < values.size(); v++) {
                String value = values.get(v);
                Map<String, Double> f = new TreeMap<>();
                f.put("index:" + Math.min(index, 8), 1.0);
                f.put("position", index / (double) LINES);
                long letters = value.chars().filter(Character::isLetter).count();
                long upper = value.chars().filter(Character::isUpperCase).count();
                long digits = value.chars().filter(Character::isDigit).count();
                int length = Math.max(1, value.length());
                Ranking.put(f, "capitals", letters == 0 ? 0 : (double) upper / letters);
                f.put("letters", (double) letters / length);
                Ranking.put(f, "digits", (double) digits / length);
                f.put("length", Math.min(60, length) / 60.0);
                Ranking.put(f, "short", length < 4 ? 1 : 0);
                Ranking.put(f, "business", FieldExtractor.namesABusiness(value) ? 1 : 0);
                Ranking.put(f, "header-label", AmountRanker.similarity(value, HEADER_LABELS));
                Ranking.put(f, "address-word", AmountRanker.similarity(value, ADDRESS_WORDS));
                Ranking.put(
                        f,
                        "comma-and-digits",
                        value.contains(",") && DIGIT.matcher(value).find() ? 1 : 0);
                Ranking.put(f, "colon", value.contains(":") ? 1 : 0);
                Ranking.put(f, "without-bracketed-number", v);
                Ranking.put(
                        f,
                        "has-bracketed-number",
                        BRACKETED_NUMBER.matcher(value).find() ? 1 : 0);
                Ranking.put(
                        f,
                        "next-line-business",
                        i + 1 < lines.size() && FieldExtractor.namesABusiness(lines.get(i + 1)) ? 1 : 0);
                Double confidence = Ranking.ocrConfidence(page, i);
                if (confidence != null) {
                    f.put("ocr-confidence", confidence);
                }
                Ranking.put(f, "rules-chose-it", rules != null && fold(value).equals(rules) ? 1 : 0);
                Ranking.put(
                        f,
                        "rules-inside-it",
                        rules != null
                                        && !fold(value).equals(rules)
                                        && fold(value).contains(rules)
                                ? 1
                                : 0);
                f.put("source:" + (page.source() == PageText.TextSource.OCR ? "ocr" : "text"), 1.0);
                candidates.add(new Candidate(value, page.pageNumber(), line, new FieldFeatures(f)));
            }
            index++;
        }
        return candidates;
    }

    static String fold(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public Optional<Pick> pick(List<PageText> pages, String rulesSeller) {
        return ranking.pick(candidates(pages, rulesSeller), Candidate::features, SellerRanker::key)
                .map(p -> new Pick(p.candidate().value(), p.probability(), p.candidate()));
    }

    /** Training examples: each candidate line, and whether it is the labelled seller (case and spaces folded). */
    public static List<ConfidenceModel.Example> examples(List<PageText> pages, String rulesSeller, String seller) {
        List<ConfidenceModel.Example> examples = new ArrayList<>();
        for (Candidate candidate : candidates(pages, rulesSeller)) {
            examples.add(new ConfidenceModel.Example(candidate.features(), isSeller(candidate, seller)));
        }
        return examples;
    }
}
