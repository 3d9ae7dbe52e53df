package com.gemmavision.web;

import java.util.ArrayList;
import java.util.List;

import com.gemmavision.advisor.Advisor;
import com.gemmavision.benchmarks.BenchmarkGroup;
import com.gemmavision.benchmarks.BenchmarksSection;
import com.gemmavision.benchmarks.ReportTable;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelOverview;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.catalog.ModelVariant;
import com.gemmavision.memory.QuantizationComparison;
import com.gemmavision.memory.QuantizationFormats;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model the page and its fragments render: sidebar options, notices and each section's view. */
@Component
class PageModel {

    private final Catalog catalog;
    private final QuantizationFormats formats;
    private final ModelOverview overview;
    private final QuantizationComparison quantization;
    private final MarkdownContent content;
    private final AdvisorParameters advisorParameters;
    private final Advisor advisor;
    private final BenchmarksSection benchmarks;

    PageModel(Catalog catalog, QuantizationFormats formats, ModelOverview overview,
              QuantizationComparison quantization, MarkdownContent content, AdvisorParameters advisorParameters,
              Advisor advisor, BenchmarksSection benchmarks) {
        this.catalog = catalog;
        this.formats = formats;
        this.overview = overview;
        this.quantization = quantization;
        this.content = content;
        this.advisorParameters = advisorParameters;
        this.advisor = advisor;
        this.benchmarks = benchmarks;
    }

    void populate(Model model, SelectionResolver.Resolved resolved) {
        populateSidebar(model, resolved);
        Selection selection = resolved.selection();
        model.addAttribute("formAction", "/");
        model.addAttribute("formTarget", "#analysis");
        model.addAttribute("documentsInline", false);
        model.addAttribute("overview", overview.view(selection.models()));
        model.addAttribute("quantization", quantization.view(selection.models(), selection.quants(), selection.kv()));
        model.addAttribute("advice", defaultAdvice());
        List<String> sizes = catalog.baseModels(selection.models());
        model.addAttribute("benchmarks", benchmarks.view(selection.bench(), selection.tables(), sizes,
                selection.arenaOpen(), selection.compare()));
    }

    private volatile com.gemmavision.advisor.Advice defaultAdvice;

    /**
     * The advisor's answer for its defaults, as a pointer from the quantization section. It depends on nothing a
     * user chose, so it is worked out once.
     */
    private com.gemmavision.advisor.Advice defaultAdvice() {
        com.gemmavision.advisor.Advice current = defaultAdvice;
        if (current == null) {
            current = advisor.advise(advisorParameters.parse(java.util.Map.of()).request());
            defaultAdvice = current;
        }
        return current;
    }

    /** What the shared sidebar and layout need, on any page. */
    void populateSidebar(Model model, SelectionResolver.Resolved resolved) {
        Selection selection = resolved.selection();
        model.addAttribute("selection", selection);
        model.addAttribute("query", selection.toQueryString());
        model.addAttribute("notices", resolved.notices());
        model.addAttribute("modelOptions", modelOptions(selection));
        model.addAttribute("quantOptions", formats.all());
        model.addAttribute("benchmarkGroups", BenchmarkGroup.values());
        model.addAttribute("reportTables", ReportTable.values());
        model.addAttribute("comparableModels", benchmarks.comparableModels());
        model.addAttribute("content", content);
    }

    /** The listed checkpoints, plus any other one the URL selected (a PT variant, say), in catalogue order. */
    private List<ModelProfile> modelOptions(Selection selection) {
        List<String> names = new ArrayList<>();
        for (ModelVariant variant : catalog.variants()) {
            if (variant.listed() || selection.hasModel(variant.name())) {
                names.add(variant.name());
            }
        }
        return catalog.profiles(names);
    }
}
