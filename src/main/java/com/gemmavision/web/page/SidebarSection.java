package com.gemmavision.web.page;

import com.gemmavision.web.selection.Selection;

import org.springframework.ui.Model;

/**
 * A feature's part of the shared sidebar on every page (its options and captions), so the layout's code knows no
 * feature: the catalogue adds its models and the report's facts, the memory feature its formats, the benchmarks
 * their groups, tables and compared models.
 */
public interface SidebarSection {

    void addTo(Model model, Selection selection);
}
