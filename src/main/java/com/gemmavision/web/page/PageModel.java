package com.gemmavision.web.page;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.benchmarks.BenchmarkGroup;
import com.gemmavision.benchmarks.BenchmarksSection;
import com.gemmavision.benchmarks.ReportTable;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.catalog.ModelVariant;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.web.selection.Selection;
import com.gemmavision.web.selection.SelectionResolver;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model a shared page renders: the sidebar's options and notices (the selection contract), then each
 * feature's {@link PageSection} and, for whole pages, each {@link UserSection}.
 */
@Component
public class PageModel {

    private final Catalog catalog;
    private final QuantizationFormats formats;
    private final MarkdownContent content;
    private final BenchmarksSection benchmarks;
    private final List<PageSection> sections;
    private final List<UserSection> userSections;

    PageModel(
            Catalog catalog,
            QuantizationFormats formats,
            MarkdownContent content,
            BenchmarksSection benchmarks,
            List<PageSection> sections,
            List<UserSection> userSections) {
        this.catalog = catalog;
        this.formats = formats;
        this.content = content;
        this.benchmarks = benchmarks;
        this.sections = List.copyOf(sections);
        this.userSections = List.copyOf(userSections);
    }

    /** The page's sidebar and every section that depends on the selection alone (what its fragment caches). */
    public void populate(Page page, Model model, SelectionResolver.Resolved resolved) {
        populateSidebar(model, resolved);
        if (page == Page.HOME) {
            model.addAttribute("formAction", "/");
            model.addAttribute("formTarget", "#analysis");
            model.addAttribute("documentsInline", false);
        }
        for (PageSection section : sections) {
            section.addTo(page, model, resolved.selection());
        }
    }

    /** A whole page: {@link #populate} plus the sections that show the user's own data. */
    public void populateForUser(
            Page page, Model model, SelectionResolver.Resolved resolved, HttpServletRequest request) {
        populate(page, model, resolved);
        addUserSections(page, model, resolved.selection(), request);
    }

    /** The user's own sections only (a page whose feature fills the rest itself). */
    public void addUserSections(Page page, Model model, Selection selection, HttpServletRequest request) {
        for (UserSection section : userSections) {
            section.addTo(page, model, selection, request);
        }
    }

    /** What the shared sidebar and layout need, on any page. */
    public void populateSidebar(Model model, SelectionResolver.Resolved resolved) {
        Selection selection = resolved.selection();
        model.addAttribute("selection", selection);
        model.addAttribute("query", selection.toQueryString());
        model.addAttribute("stateParameters", SelectionResolver.entries(selection.toQueryString()));
        model.addAttribute("notices", resolved.notices());
        model.addAttribute("modelOptions", modelOptions(selection));
        model.addAttribute("quantOptions", formats.all());
        model.addAttribute("benchmarkGroups", BenchmarkGroup.values());
        model.addAttribute("reportTables", ReportTable.values());
        model.addAttribute("reportCaptions", catalog.tableCaptions());
        model.addAttribute("reportFacts", catalog.reportFacts());
        model.addAttribute("comparableModels", benchmarks.comparableModels());
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
}
