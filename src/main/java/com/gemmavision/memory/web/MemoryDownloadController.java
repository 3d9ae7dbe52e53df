package com.gemmavision.memory.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.memory.MemoryFootprint;
import com.gemmavision.memory.QuantizationComparison;
import com.gemmavision.memory.QuantizationFormat;
import com.gemmavision.memory.QuantizationView;
import com.gemmavision.memory.Saving;
import com.gemmavision.memory.Table3Row;
import com.gemmavision.web.http.Downloads;
import com.gemmavision.web.selection.CurrentSelection;
import com.gemmavision.web.selection.Selection;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The quantization section's tables as CSV and its chart as SVG, for the selection in the URL (or the stored one). */
@RestController
class MemoryDownloadController {

    private final CurrentSelection currentSelection;
    private final QuantizationComparison quantization;

    MemoryDownloadController(CurrentSelection currentSelection, QuantizationComparison quantization) {
        this.currentSelection = currentSelection;
        this.quantization = quantization;
    }

    private Selection selection(HttpServletRequest request) {
        return currentSelection.resolve(request).selection();
    }

    @GetMapping("/charts/memory.svg")
    ResponseEntity<String> memoryChart(HttpServletRequest request) {
        Selection selection = selection(request);
        return Downloads.svg(
                "gemma3-memory.svg",
                quantization
                        .view(selection.models(), selection.quants(), selection.kv())
                        .chartSvg());
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
            rows.add(List.of(
                    s.model(),
                    s.format().code(),
                    String.valueOf(view.includeKvCache()),
                    s.footprint().gbText(),
                    s.bf16().gbText(),
                    str(s.percentOfBf16())));
        }
        return Downloads.csv(
                "gemma3-savings-vs-bf16.csv",
                List.of(
                        "model",
                        "quant",
                        "includes_kv_cache",
                        "memory_gb",
                        "bf16_memory_gb",
                        "percent_of_bf16_derived"),
                rows);
    }

    private static String str(int value) {
        return Integer.toString(value);
    }
}
