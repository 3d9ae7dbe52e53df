package com.gemmavision.advisor;

import java.util.List;

import com.gemmavision.memory.Table3Reconciliation;

/** What the advisor page shows for a request and the sidebar's selection. */
public record AdvisorView(
        Advice advice,
        List<FitOption> selectedOptions,
        String fitChartSvg,
        String kvChartSvg,
        List<Table3Reconciliation.KvRow> kvReconciliation,
        List<Table3Reconciliation.WeightRow> weightReconciliation) {

    public boolean selected(FitOption option) {
        return selectedOptions.contains(option);
    }
}
