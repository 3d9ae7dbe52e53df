package com.gemmavision.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.ModelOverview;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.catalog.OverviewView;
import com.gemmavision.memory.MemoryFootprint;
import com.gemmavision.memory.QuantizationComparison;
import com.gemmavision.memory.QuantizationFormat;
import com.gemmavision.memory.QuantizationView;
import com.gemmavision.memory.Saving;
import com.gemmavision.memory.Table3Row;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every table of the page as CSV and every chart as SVG, for the selection in the URL (or the stored one). */
@RestController
class DownloadController {

    private final CurrentSelection currentSelection;
    private final ModelOverview overview;
    private final QuantizationComparison quantization;

    DownloadController(CurrentSelection currentSelection, ModelOverview overview, QuantizationComparison quantization) {
        this.currentSelection = currentSelection;
        this.overview = overview;
        this.quantization = quantization;
    }

    private Selection selection(HttpServletRequest request) {
        return currentSelection.resolve(request).selection();
    }

    @GetMapping("/charts/parameters.svg")
    ResponseEntity<String> parameterChart(HttpServletRequest request) {
        return Downloads.svg("gemma3-parameters.svg", overview.view(selection(request).models()).chartSvg());
    }

    @GetMapping("/charts/memory.svg")
    ResponseEntity<String> memoryChart(HttpServletRequest request) {
        Selection selection = selection(request);
        return Downloads.svg("gemma3-memory.svg",
                quantization.view(selection.models(), selection.quants(), selection.kv()).chartSvg());
    }

    @GetMapping("/tables/parameters.csv")
    ResponseEntity<String> parameters(HttpServletRequest request) {
        List<List<String>> rows = overview.view(selection(request).models()).models().stream()
                .map(m -> List.of(m.name(), str(m.parameters().visionEncoderM()), str(m.parameters().embeddingM()),
                        str(m.parameters().nonEmbeddingM()), str(m.parameters().totalM())))
                .toList();
        return Downloads.csv("gemma3-parameters.csv", List.of("model", "vision_encoder_params_m",
                "embedding_params_m", "non_embedding_params_m", "total_params_m_sum"), rows);
    }

    @GetMapping("/tables/architecture.csv")
    ResponseEntity<String> architecture(HttpServletRequest request) {
        OverviewView view = overview.view(selection(request).models());
        List<List<String>> rows = new ArrayList<>();
        for (ModelProfile m : view.models()) {
            Architecture a = m.architecture();
            rows.add(List.of(m.name(), a.model(), str(a.layers()), str(a.hiddenSize()), str(a.attentionHeads()),
                    str(a.keyValueHeads()), str(a.headDim()), a.localGlobalPattern(), str(a.localLayers()),
                    str(a.globalLayers()), str(a.slidingWindow()), str(m.training().contextTokens()),
                    str(a.vocabSize()), str(m.training().trainingTokensT()), m.training().tpuType(),
                    str(m.training().chips()), String.valueOf(a.hasVisionEncoder()),
                    a.tokensPerImage() == null ? "" : str(a.tokensPerImage())));
        }
        return Downloads.csv("gemma3-architecture.csv", List.of("model", "base_model", "layers", "hidden_size",
                "attention_heads", "key_value_heads", "head_dim", "local_global_pattern", "local_layers",
                "global_layers", "sliding_window", "context_tokens", "vocab_size", "training_tokens_t", "tpu_type",
                "tpu_chips", "has_vision_encoder", "tokens_per_image"), rows);
    }

    @GetMapping("/tables/memory-footprint.csv")
    ResponseEntity<String> memoryFootprint(HttpServletRequest request) {
        Selection selection = selection(request);
        QuantizationView view = quantization.view(selection.models(), selection.quants(), selection.kv());
        List<String> header = new ArrayList<>(List.of("model", "includes_kv_cache"));
        view.formats().stream().map(QuantizationFormat::reportColumn).forEach(header::add);
        List<List<String>> rows = new ArrayList<>();
        for (Table3Row row : view.table3()) {
            List<String> cells = new ArrayList<>(List.of(row.model(), String.valueOf(row.includesKvCache())));
            row.cells().stream().map(MemoryFootprint::gbText).forEach(cells::add);
            rows.add(cells);
        }
        return Downloads.csv("gemma3-memory-footprint-gb.csv", header, rows);
    }

    @GetMapping("/tables/savings.csv")
    ResponseEntity<String> savings(HttpServletRequest request) {
        Selection selection = selection(request);
        QuantizationView view = quantization.view(selection.models(), selection.quants(), selection.kv());
        List<List<String>> rows = new ArrayList<>();
        for (Saving s : view.savings()) {
            rows.add(List.of(s.model(), s.format().code(), String.valueOf(view.includeKvCache()),
                    s.footprint().gbText(), s.bf16().gbText(), str(s.percentOfBf16())));
        }
        return Downloads.csv("gemma3-savings-vs-bf16.csv", List.of("model", "quant", "includes_kv_cache",
                "memory_gb", "bf16_memory_gb", "percent_of_bf16_derived"), rows);
    }

    private static String str(int value) {
        return Integer.toString(value);
    }
}
