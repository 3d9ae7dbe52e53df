package com.gemmavision.web.page;

import java.util.Map;

import com.gemmavision.web.selection.Selection;
import com.gemmavision.web.selection.SelectionResolver;

import org.springframework.stereotype.Component;

/** The main page's state: the sidebar selection alone. */
@Component
class HomeState implements PageState {

    private final SelectionResolver resolver;

    HomeState(SelectionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Page page() {
        return Page.HOME;
    }

    @Override
    public Described describe(Map<String, String[]> parameters) {
        SelectionResolver.Resolved resolved = resolver.resolve(parameters, resolver.defaults());
        Selection selection = resolved.selection();
        return new Described(selection.toQueryString(), selection.title(), resolved.notices());
    }
}
