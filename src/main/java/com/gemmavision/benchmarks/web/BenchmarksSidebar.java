package com.gemmavision.benchmarks.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.gemmavision.benchmarks.BenchmarkGroup;
import com.gemmavision.benchmarks.ModelComparison;
import com.gemmavision.benchmarks.ReportTable;
import com.gemmavision.web.page.SidebarSection;
import com.gemmavision.web.selection.Selection;
import com.gemmavision.web.selection.SelectionChoice;
import com.gemmavision.web.selection.UserText;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The benchmarks' part of the sidebar: the benchmark groups ({@code bench}), the report's result tables
 * ({@code table}) and the other models to compare with ({@code compare}).
 */
@Component
public class BenchmarksSidebar implements SidebarSection {

    private final ModelComparison comparison;

    public BenchmarksSidebar(ModelComparison comparison) {
        this.comparison = comparison;
    }

    @Override
    public void addTo(Model model, Selection selection) {
        model.addAttribute("benchmarkGroups", BenchmarkGroup.values());
        model.addAttribute("reportTables", ReportTable.values());
        model.addAttribute("comparableModels", comparison.models());
    }

    /** Benchmark groups by id. */
    @Component
    public static class Groups implements SelectionChoice {

        @Override
        public String parameter() {
            return "bench";
        }

        @Override
        public List<String> values() {
            return Arrays.stream(BenchmarkGroup.values())
                    .map(BenchmarkGroup::id)
                    .toList();
        }

        @Override
        public Optional<String> canonical(String typed) {
            return BenchmarkGroup.byId(typed).map(BenchmarkGroup::id);
        }

        @Override
        public String refusal(String typed) {
            return "Ignored benchmark group “" + UserText.quoted(typed) + "”: use one of " + String.join(", ", values())
                    + ".";
        }
    }

    /** The report's result tables by number, in ascending order. */
    @Component
    public static class Tables implements SelectionChoice {

        @Override
        public String parameter() {
            return "table";
        }

        @Override
        public List<String> values() {
            return Arrays.stream(ReportTable.values())
                    .map(t -> String.valueOf(t.number()))
                    .toList();
        }

        @Override
        public Optional<String> canonical(String typed) {
            try {
                return ReportTable.byNumber(Integer.parseInt(typed.trim())).map(t -> String.valueOf(t.number()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public String refusal(String typed) {
            ReportTable[] tables = ReportTable.values();
            return "Ignored table “" + UserText.quoted(typed) + "”: the report's result tables are numbered "
                    + tables[0].number() + " to " + tables[tables.length - 1].number() + ".";
        }
    }

    /** Other models the report scores, to compare with; kept in the order chosen. */
    @Component
    public static class Compared implements SelectionChoice {

        private final ModelComparison comparison;

        public Compared(ModelComparison comparison) {
            this.comparison = comparison;
        }

        @Override
        public String parameter() {
            return "compare";
        }

        @Override
        public List<String> values() {
            return comparison.models();
        }

        @Override
        public Optional<String> canonical(String typed) {
            return comparison.models().stream()
                    .filter(m -> m.equalsIgnoreCase(typed.trim()))
                    .findFirst();
        }

        @Override
        public String refusal(String typed) {
            return "Ignored model to compare “" + UserText.quoted(typed) + "”: the report has no scores for it.";
        }
    }
}
