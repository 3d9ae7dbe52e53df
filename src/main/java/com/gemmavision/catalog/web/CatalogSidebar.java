package com.gemmavision.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.catalog.ModelVariant;
import com.gemmavision.web.page.SidebarSection;
import com.gemmavision.web.selection.Selection;
import com.gemmavision.web.selection.SelectionChoice;
import com.gemmavision.web.selection.UserText;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The catalogue's part of the sidebar: the checkpoints to choose (the {@code model} parameter), the report's
 * captions and facts, and the page texts that quote them.
 */
@Component
public class CatalogSidebar implements SidebarSection, SelectionChoice {

    private final Catalog catalog;
    private final MarkdownContent content;

    public CatalogSidebar(Catalog catalog, MarkdownContent content) {
        this.catalog = catalog;
        this.content = content;
    }

    @Override
    public void addTo(Model model, Selection selection) {
        model.addAttribute("modelOptions", modelOptions(selection));
        model.addAttribute("reportCaptions", catalog.tableCaptions());
        model.addAttribute("reportFacts", catalog.reportFacts());
        model.addAttribute("content", content);
    }

    /** The listed checkpoints, plus any other one the URL selected (a PT variant, say), in catalogue order. */
    private List<ModelProfile> modelOptions(Selection selection) {
        List<String> names = new ArrayList<>();
        for (ModelVariant variant : catalog.variants()) {
            if (variant.listed() || selection.hasModel(variant.name())) {
                names.add(variant.name());
            }
        }
        return catalog.profiles(names);
    }

    @Override
    public String parameter() {
        return "model";
    }

    @Override
    public List<String> values() {
        return catalog.variants().stream().map(ModelVariant::name).toList();
    }

    @Override
    public Optional<String> canonical(String typed) {
        return catalog.variant(typed).map(ModelVariant::name);
    }

    @Override
    public String refusal(String typed) {
        return "Ignored model “" + UserText.quoted(typed) + "”: not a Gemma 3 checkpoint. Choose from "
                + String.join(", ", values()) + ".";
    }
}
