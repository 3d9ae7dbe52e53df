package com.gemmavision.advisor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.gemmavision.web.page.Page;
import com.gemmavision.web.page.PageState;
import com.gemmavision.web.selection.SelectionResolver;

import org.springframework.stereotype.Component;

/** The advisor's state: the sidebar selection plus the deployment inputs, as the advisor page reads them. */
@Component
class AdvisorState implements PageState {

    private final SelectionResolver resolver;
    private final AdvisorParameters parameters;

    AdvisorState(SelectionResolver resolver, AdvisorParameters parameters) {
        this.resolver = resolver;
        this.parameters = parameters;
    }

    @Override
    public Page page() {
        return Page.ADVISOR;
    }

    @Override
    public Described describe(Map<String, String[]> in) {
        SelectionResolver.Resolved resolved = resolver.resolve(in, resolver.defaults());
        AdvisorParameters.Parsed parsed = parameters.parse(in);
        List<String> notices = new ArrayList<>(resolved.notices());
        notices.addAll(parsed.messages());
        return new Described(
                resolved.selection().toQueryString() + "&" + AdvisorController.advisorQuery(parsed.request()),
                AdvisorController.title(parsed.request()) + " · "
                        + parsed.request().engine().label() + ", KV "
                        + parsed.request().kvDtype().code() + " · "
                        + resolved.selection().title(),
                notices);
    }
}
