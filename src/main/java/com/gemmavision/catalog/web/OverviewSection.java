package com.gemmavision.catalog.web;

import com.gemmavision.catalog.ModelOverview;
import com.gemmavision.web.page.Page;
import com.gemmavision.web.page.PageSection;
import com.gemmavision.web.selection.Selection;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The main page's model overview: parameter counts by component and architecture of the selected models. */
@Component
class OverviewSection implements PageSection {

    private final ModelOverview overview;

    OverviewSection(ModelOverview overview) {
        this.overview = overview;
    }

    @Override
    public void addTo(Page page, Model model, Selection selection) {
        if (page == Page.HOME) {
            model.addAttribute("overview", overview.view(selection.models()));
        }
    }
}
