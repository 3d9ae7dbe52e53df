package com.gemmavision.benchmarks.web;

import java.util.List;

import com.gemmavision.benchmarks.BenchmarksSection;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.web.page.Page;
import com.gemmavision.web.page.PageSection;
import com.gemmavision.web.selection.Selection;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The main page's benchmarks: the chosen group's tables for the base sizes of the selected models. */
@Component
class BenchmarksPageSection implements PageSection {

    private final Catalog catalog;
    private final BenchmarksSection benchmarks;

    BenchmarksPageSection(Catalog catalog, BenchmarksSection benchmarks) {
        this.catalog = catalog;
        this.benchmarks = benchmarks;
    }

    @Override
    public void addTo(Page page, Model model, Selection selection) {
        if (page == Page.HOME) {
            List<String> sizes = catalog.baseModels(selection.models());
            model.addAttribute(
                    "benchmarks",
                    benchmarks.view(
                            selection.bench(), selection.tables(), sizes, selection.arenaOpen(), selection.compare()));
        }
    }
}
