package com.gemmavision.catalog;

import java.util.Locale;
import java.util.Map;

/**
 * Facts the report states in captions and notes that the app reasons or writes with (db/seed/report_facts.csv).
 *
 * @param table3ContextTokens    the context Table 3's "+KV" rows hold (32,768)
 * @param arenaPreliminaryAsOf   the date Table 5 gives for its preliminary Gemma 3 27B figures, as printed
 * @param arenaListedThroughRank Table 5 lists every entry down to this rank, then elides some
 * @param arenaLastRank          the lowest rank Table 5 shows
 */
public record ReportFacts(
        int table3ContextTokens, String arenaPreliminaryAsOf, int arenaListedThroughRank, int arenaLastRank) {

    static final String TABLE3_CONTEXT = "table3_kv_context_tokens";
    static final String ARENA_AS_OF = "arena_preliminary_as_of";
    static final String ARENA_LISTED_THROUGH = "arena_listed_through_rank";
    static final String ARENA_LAST_RANK = "arena_last_rank";

    static ReportFacts of(Map<String, String> facts) {
        return new ReportFacts(
                Integer.parseInt(required(facts, TABLE3_CONTEXT)),
                required(facts, ARENA_AS_OF),
                Integer.parseInt(required(facts, ARENA_LISTED_THROUGH)),
                Integer.parseInt(required(facts, ARENA_LAST_RANK)));
    }

    private static String required(Map<String, String> facts, String name) {
        String fact = facts.get(name);
        if (fact == null) {
            throw new IllegalStateException("db/seed/report_facts.csv has no " + name);
        }
        return fact;
    }

    /** Table 3's context as text ("32,768"). */
    public String table3Context() {
        return String.format(Locale.ROOT, "%,d", table3ContextTokens);
    }
}
