package com.gemmavision.advisor.web;

import java.util.Map;

import com.gemmavision.advisor.Advice;
import com.gemmavision.advisor.Advisor;
import com.gemmavision.web.page.Page;
import com.gemmavision.web.page.PageSection;
import com.gemmavision.web.selection.Selection;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The advisor's answer for its defaults, as a pointer from the main page's quantization section (kept in the
 * advice cache like any other answer).
 */
@Component
class AdvicePointer implements PageSection {

    private final Advisor advisor;
    private final AdvisorParameters parameters;

    AdvicePointer(Advisor advisor, AdvisorParameters parameters) {
        this.advisor = advisor;
        this.parameters = parameters;
    }

    @Override
    public void addTo(Page page, Model model, Selection selection) {
        if (page == Page.HOME) {
            model.addAttribute("advice", defaults());
        }
    }

    private Advice defaults() {
        return advisor.advise(parameters.parse(Map.of()).request());
    }
}
