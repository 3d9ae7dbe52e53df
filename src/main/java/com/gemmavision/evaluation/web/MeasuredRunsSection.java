package com.gemmavision.evaluation.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.charts.ScatterChart;
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

    @Override
    public void addTo(Page page, Model model, Selection selection, HttpServletRequest request) {
        if (page != Page.ADVISOR) {
            return;
        }
        model.addAttribute(
                "measuredCharts",
                owner.current(request)
                        .map(evaluations::runs)
                        .map(runs -> pareto.charts(runs).stream()
                                .map(ScatterChart::render)
                                .toList())
                        .orElse(List.of()));
    }
}
