package com.gemmavision.memory.web;

import com.gemmavision.memory.QuantizationComparison;
import com.gemmavision.web.page.Page;
import com.gemmavision.web.page.PageSection;
import com.gemmavision.web.selection.Selection;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The main page's quantization section: Table 3 and the savings of the selected models and formats. */
@Component
class QuantizationSection implements PageSection {

    private final QuantizationComparison quantization;

    QuantizationSection(QuantizationComparison quantization) {
        this.quantization = quantization;
    }

    @Override
    public void addTo(Page page, Model model, Selection selection) {
        if (page == Page.HOME) {
            model.addAttribute(
                    "quantization", quantization.view(selection.models(), selection.quants(), selection.kv()));
        }
    }
}
