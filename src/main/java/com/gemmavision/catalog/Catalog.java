package com.gemmavision.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The Gemma 3 family as the report describes it. The seed is written by migrations and never changes while
 * the app runs, so {@link CatalogRepository} reads it once into the report cache.
 */
@Service
public class Catalog {

    private final CatalogRepository repository;
    private final ReportRepository report;

    public Catalog(CatalogRepository repository, ReportRepository report) {
        this.repository = repository;
        this.report = report;
    }

    /** Facts the report's captions and notes state (Table 3's context, Table 5's date and elided ranks). */
    public ReportFacts reportFacts() {
        return report.facts();
    }

    /** Every captioned report table by number. */
    public Map<Integer, ReportTableCaption> tableCaptions() {
        return report.captions();
    }

    public ReportTableCaption tableCaption(int number) {
        return report.caption(number);
    }

    /** The longest context any Gemma 3 model reads ({@code max_position_embeddings}). */
    public long longestContext() {
        return architectures().stream()
                .mapToLong(Architecture::maxContext)
                .max()
                .orElseThrow();
    }

    private CatalogRepository.Snapshot snapshot() {
        return repository.snapshot();
    }

    private static String key(String name) {
        return CatalogRepository.key(name);
    }

    /** The checkpoints offered in the sidebar by default. */
    public List<ModelVariant> listedVariants() {
        return snapshot().variants().stream().filter(ModelVariant::listed).toList();
    }

    public List<ModelVariant> variants() {
        return snapshot().variants();
    }

    /** A checkpoint by name, ignoring case ("gemma3-27b-it" finds Gemma3-27B-IT). */
    public Optional<ModelVariant> variant(String name) {
        return Optional.ofNullable(snapshot().variantsByKey().get(key(name)));
    }

    public List<Architecture> architectures() {
        return snapshot().architectures();
    }

    public Architecture architecture(String baseModel) {
        Architecture architecture = snapshot().architecturesByModel().get(baseModel);
        if (architecture == null) {
            throw new IllegalArgumentException("No architecture for " + baseModel);
        }
        return architecture;
    }

    public List<ParameterCount> parameterCounts() {
        return List.copyOf(snapshot().parameters().values());
    }

    /** The sizes ("Gemma3-4B") of the named checkpoints, each once, in the order given. */
    public List<String> baseModels(List<String> names) {
        return profiles(names).stream()
                .map(p -> p.variant().baseModel())
                .distinct()
                .toList();
    }

    /** Profiles of the named checkpoints, in the order given; names must be known checkpoint names. */
    public List<ModelProfile> profiles(List<String> names) {
        CatalogRepository.Snapshot data = snapshot();
        List<ModelProfile> profiles = new ArrayList<>();
        for (String name : names) {
            ModelVariant variant =
                    variant(name).orElseThrow(() -> new IllegalArgumentException("Unknown model " + name));
            String base = variant.baseModel();
            profiles.add(new ModelProfile(
                    variant,
                    data.architecturesByModel().get(base),
                    data.parameters().get(base),
                    data.training().get(base)));
        }
        return profiles;
    }
}
