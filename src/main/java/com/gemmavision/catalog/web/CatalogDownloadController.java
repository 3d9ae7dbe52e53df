package com.gemmavision.catalog.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.ModelOverview;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.catalog.OverviewView;
import com.gemmavision.web.http.Downloads;
import com.gemmavision.web.selection.CurrentSelection;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The model overview's tables as CSV and its chart as SVG, for the selection in the URL (or the stored one). */
@RestController
class CatalogDownloadController {

    private final CurrentSelection currentSelection;
    private final ModelOverview overview;

    CatalogDownloadController(CurrentSelection currentSelection, ModelOverview overview) {
        this.currentSelection = currentSelection;
        this.overview = overview;
    }

    private List<String> models(HttpServletRequest request) {
        return currentSelection.resolve(request).selection().models();
    }

    @GetMapping("/charts/parameters.svg")
    ResponseEntity<String> parameterChart(HttpServletRequest request) {
        return Downloads.svg(
                "gemma3-parameters.svg", overview.view(models(request)).chartSvg());
    }

    @GetMapping("/tables/parameters.csv")
    ResponseEntity<String> parameters(HttpServletRequest request) {
        List<List<String>> rows = overview.view(models(request)).models().stream()
                .map(m -> List.of(
                        m.name(),
                        str(m.parameters().visionEncoderM()),
                        str(m.parameters().embeddingM()),
                        str(m.parameters().nonEmbeddingM()),
                        str(m.parameters().totalM())))
                .toList();
        return Downloads.csv(
                "gemma3-parameters.csv",
                List.of(
                        "model",
                        "vision_encoder_params_m",
                        "embedding_params_m",
                        "non_embedding_params_m",
                        "total_params_m_sum"),
                rows);
    }

    @GetMapping("/tables/architecture.csv")
    ResponseEntity<String> architecture(HttpServletRequest request) {
        OverviewView view = overview.view(models(request));
        List<List<String>> rows = new ArrayList<>();
        for (ModelProfile m : view.models()) {
            Architecture a = m.architecture();
            rows.add(List.of(
                    m.name(),
                    a.model(),
                    str(a.layers()),
                    str(a.hiddenSize()),
                    str(a.attentionHeads()),
                    str(a.keyValueHeads()),
                    str(a.headDim()),
                    a.localGlobalPattern(),
                    str(a.localLayers()),
                    str(a.globalLayers()),
                    str(a.slidingWindow()),
                    str(m.training().contextTokens()),
                    str(a.vocabSize()),
                    str(m.training().trainingTokensT()),
                    m.training().tpuType(),
                    str(m.training().chips()),
                    String.valueOf(a.hasVisionEncoder()),
                    a.tokensPerImage() == null ? "" : str(a.tokensPerImage())));
        }
        return Downloads.csv(
                "gemma3-architecture.csv",
                List.of(
                        "model",
                        "base_model",
                        "layers",
                        "hidden_size",
                        "attention_heads",
                        "key_value_heads",
                        "head_dim",
                        "local_global_pattern",
                        "local_layers",
                        "global_layers",
                        "sliding_window",
                        "context_tokens",
                        "vocab_size",
                        "training_tokens_t",
                        "tpu_type",
                        "tpu_chips",
                        "has_vision_encoder",
                        "tokens_per_image"),
                rows);
    }

    private static String str(int value) {
        return Integer.toString(value);
    }
}
