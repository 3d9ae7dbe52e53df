package com.gemmavision.advisor;

import java.util.List;

import com.gemmavision.memory.KvAllocation;
import com.gemmavision.memory.Table3Reconciliation;

/** What the advisor page shows for a request and the sidebar's selection. */
public record AdvisorView(
        Advice advice,
        List<FitOption> selectedOptions,
        String fitChartSvg,
        String kvChartSvg,
        List<Table3Reconciliation.KvRow> kvReconciliation,
        List<Table3Reconciliation.WeightRow> weightReconciliation,
        EngineDetail engine,
        String paretoMemorySvg,
        String paretoSpeedSvg,
        List<Advisor.FitPlanRow> fitPlan) {

    /**
     * The recommended option as the engine allocates it: the KV cache per layer kind, what the engine logs to check
     * it and the command that launches it (null for the ideal engine).
     */
    public record EngineDetail(
            FitOption option,
            KvAllocation kvCache,
            List<String> checks,
            String launchCommand,
            Advisor.DraftPlan draft,
            String draftCommand) {}

    public boolean selected(FitOption option) {
        return selectedOptions.contains(option);
    }
}
