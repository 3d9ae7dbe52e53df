package com.gemmavision.documents.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * The probability that an extracted value is right, learned from labelled documents: an L2-regularised logistic
 * regression (LIBLINEAR) over {@link FieldFeatures}. The bench trains it ({@code bench/extraction/run.sh --train})
 * and the app loads the committed file {@code extraction/confidence-model.txt}: a list of feature names, then
 * LIBLINEAR's own model text. A feature the model never saw counts for nothing.
 */
public final class ConfidenceModel {

    /** Where the trained model lives on the classpath. */
    public static final String RESOURCE = "/extraction/confidence-model.txt";

    /** LIBLINEAR's regularisation: smaller keeps weights nearer zero, for a corpus of a few hundred fields. */
    public static final double REGULARISATION_C = 1.0;

    private static final String FEATURES_END = "-- liblinear --";

    private final List<String> names;
    private final Map<String, Integer> index;
    private final Model model;
    private final int rightLabel;

    private ConfidenceModel(List<String> names, Model model) {
        this.names = List.copyOf(names);
        this.index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i + 1);
        }
        this.model = model;
        int[] labels = model.getLabels();
        this.rightLabel = labels[0] == 1 ? 0 : 1;
    }

    /** A labelled example: a field's features and whether its value was right. */
    public record Example(FieldFeatures features, boolean right) {}

    /** Fits a model on labelled examples. Deterministic: the same examples give the same file. */
    public static ConfidenceModel train(List<Example> examples) {
        List<String> names = examples.stream()
                .flatMap(e -> e.features().values().keySet().stream())
                .distinct()
                .sorted()
                .toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i + 1);
        }
        Problem problem = new Problem();
        problem.l = examples.size();
        problem.n = names.size() + 1;
        problem.bias = 1;
        problem.x = new Feature[examples.size()][];
        problem.y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            problem.x[i] = vector(examples.get(i).features(), index, names.size() + 1);
            problem.y[i] = examples.get(i).right() ? 1 : 0;
        }
        Linear.disableDebugOutput();
        Linear.resetRandom();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, REGULARISATION_C, 1e-6));
        return new ConfidenceModel(names, model);
    }

    /** The model committed with the app. */
    public static ConfidenceModel bundled() {
        try (InputStream in = ConfidenceModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConfidenceModel read(Reader reader) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        List<String> names = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.equals(FEATURES_END)) {
                return new ConfidenceModel(names, Linear.loadModel(lines));
            }
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.strip());
            }
        }
        throw new IOException("no '" + FEATURES_END + "' line: not a confidence model file");
    }

    /** The model as text: a comment header, the feature names one per line, then LIBLINEAR's model. */
    public String write(String header) {
        StringWriter out = new StringWriter();
        header.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        names.forEach(name -> out.append(name).append('\n'));
        out.append(FEATURES_END).append('\n');
        try {
            Linear.saveModel(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The probability, from 0 to 1, that a field with these features is right. */
    public double probability(FieldFeatures features) {
        double[] probabilities = new double[2];
        Linear.predictProbability(model, vector(features, index, names.size() + 1), probabilities);
        return probabilities[rightLabel];
    }

    /** Each known feature's weight towards "right" (log-odds per unit), for the README and for review. */
    public Map<String, Double> weights() {
        double[] w = model.getFeatureWeights();
        double sign = rightLabel == 0 ? 1 : -1;
        Map<String, Double> weights = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            weights.put(names.get(i), sign * w[i]);
        }
        weights.put("(bias)", sign * w[names.size()]);
        return weights;
    }

    private static Feature[] vector(FieldFeatures features, Map<String, Integer> index, int biasIndex) {
        List<FeatureNode> nodes = new ArrayList<>();
        features.values().forEach((name, value) -> {
            Integer at = index.get(name);
            if (at != null && value != 0) {
                nodes.add(new FeatureNode(at, value));
            }
        });
        nodes.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
        nodes.add(new FeatureNode(biasIndex, 1)); // LIBLINEAR's bias term is a last feature always 1
        return nodes.toArray(new Feature[0]);
    }
}
