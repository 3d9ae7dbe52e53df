package com.gemmavision.evaluation.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.charts.ScatterChart;
import com.gemmavision.evaluation.EvaluationRun;
import com.gemmavision.evaluation.Evaluations;
import com.gemmavision.evaluation.MeasuredPareto;
import com.gemmavision.web.page.Page;
import com.gemmavision.web.page.UserSection;
import com.gemmavision.web.selection.Selection;
import com.gemmavision.web.session.DocumentOwner;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** On the advisor's whole page: the user's measured runs on its Pareto chart (never in the cached results). */
@Component
class MeasuredRunsSection implements UserSection {

    private final Evaluations evaluations;
    private final MeasuredPareto pareto;
    private final DocumentOwner owner;

    MeasuredRunsSection(Evaluations evaluations, MeasuredPareto pareto, DocumentOwner owner) {
        this.evaluations = evaluations;
        this.pareto = pareto;
        this.owner = owner;
    }

    /**
     * The chart follows the advisor: its engine, GPU, context and KV type, as the page above it shows them
     * ({@code adviceRequest}, set before the user sections); runs measured on what that engine does not load are
     * named below it.
     */
    @Override
    public void addTo(Page page, Model model, Selection selection, HttpServletRequest request) {
        if (page != Page.ADVISOR || !(model.getAttribute("adviceRequest") instanceof AdviceRequest advice)) {
            return;
        }
        List<EvaluationRun> runs = owner.current(request).map(evaluations::runs).orElse(List.of());
        if (runs.isEmpty()) {
            return;
        }
        MeasuredPareto.OnAdvisor measured = pareto.onAdvisor(runs, advice);
        model.addAttribute(
                "measuredCharts",
                measured.chart() == null ? List.of() : List.of(ScatterChart.render(measured.chart())));
        model.addAttribute("measuredElsewhere", measured.elsewhere());
    }
}
