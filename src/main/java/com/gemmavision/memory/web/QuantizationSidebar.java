package com.gemmavision.memory.web;

import java.util.List;
import java.util.Optional;

import com.gemmavision.memory.QuantizationFormat;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.web.page.SidebarSection;
import com.gemmavision.web.selection.Selection;
import com.gemmavision.web.selection.SelectionChoice;
import com.gemmavision.web.selection.UserText;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The memory feature's part of the sidebar: the quantization formats to choose (the {@code quant} parameter). */
@Component
public class QuantizationSidebar implements SidebarSection, SelectionChoice {

    private final QuantizationFormats formats;

    public QuantizationSidebar(QuantizationFormats formats) {
        this.formats = formats;
    }

    @Override
    public void addTo(Model model, Selection selection) {
        model.addAttribute("quantOptions", formats.all());
    }

    @Override
    public String parameter() {
        return "quant";
    }

    @Override
    public List<String> values() {
        return formats.all().stream().map(QuantizationFormat::code).toList();
    }

    @Override
    public Optional<String> canonical(String typed) {
        return formats.byCode(typed).map(QuantizationFormat::code);
    }

    @Override
    public String refusal(String typed) {
        return "Ignored quantization “" + UserText.quoted(typed) + "”: " + QuantizationFormats.UNKNOWN_DESCRIPTION
                + " Use one of " + String.join(", ", values()) + ".";
    }
}
