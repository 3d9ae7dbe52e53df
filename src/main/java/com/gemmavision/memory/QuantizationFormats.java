package com.gemmavision.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The quantization formats and their descriptions, looked up by URL code or by label. The texts for the
 * KV cache status and for unknown strategies are the product's own wording, shown beside the memory figures.
 */
@Service
public class QuantizationFormats {

    public static final String KV_CACHE_NO = "KV Cache Status (No)";
    public static final String KV_CACHE_YES = "KV Cache Status (Yes)";
    static final String KV_CACHE_NO_DESCRIPTION = "Memory used for model weights, with KV cache memory *not* included.";
    static final String KV_CACHE_YES_DESCRIPTION = "Memory used for model weights *and* the Key-Value cache.";
    public static final String UNKNOWN_DESCRIPTION = "Unknown quantization strategy.";

    private final MemoryRepository repository;

    public QuantizationFormats(MemoryRepository repository) {
        this.repository = repository;
    }

    public List<QuantizationFormat> all() {
        return repository.formats();
    }

    /** The formats people download besides the report's (GGUF, QAT, AWQ, FP8), with their sources. */
    public List<WeightFormat> downloads() {
        return repository.weightFormats();
    }

    public Optional<WeightFormat> download(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return downloads().stream().filter(f -> f.code().equals(wanted)).findFirst();
    }

    /** Every format code the memory API reads: the report's four, then the downloads. */
    public List<String> allCodes() {
        List<String> codes =
                new ArrayList<>(all().stream().map(QuantizationFormat::code).toList());
        downloads().forEach(d -> codes.add(d.code()));
        return codes;
    }

    /**
     * The formats an engine loads: the report's four for the ideal engine (today's advice), bfloat16 and the
     * downloads it reads for a real one.
     */
    public List<QuantizationFormat> loadableBy(Engine engine) {
        if (engine == Engine.IDEAL) {
            return all();
        }
        List<QuantizationFormat> formats = new ArrayList<>();
        byCode("bf16").ifPresent(formats::add);
        downloads().stream()
                .filter(d -> d.engines().contains(engine))
                .map(WeightFormat::asQuantizationFormat)
                .forEach(formats::add);
        return formats;
    }

    /** A report format or a download format by code, as the options list shows it. */
    public Optional<QuantizationFormat> anyByCode(String code) {
        return byCode(code).or(() -> download(code).map(WeightFormat::asQuantizationFormat));
    }

    /** A format by its URL code ("int4-b32"), ignoring case. */
    public Optional<QuantizationFormat> byCode(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(f -> f.code().equals(wanted)).findFirst();
    }

    /**
     * The description of a strategy label as the UI names it ("bfloat16", "Int4", "SFP8", "Int4 blocks=32",
     * "KV Cache Status (No)", "KV Cache Status (Yes)") or of a URL code; anything else is unknown.
     */
    public String describe(String label) {
        if (label == null) {
            return UNKNOWN_DESCRIPTION;
        }
        String wanted = label.trim();
        if (wanted.equals(KV_CACHE_NO)) {
            return KV_CACHE_NO_DESCRIPTION;
        }
        if (wanted.equals(KV_CACHE_YES)) {
            return KV_CACHE_YES_DESCRIPTION;
        }
        return all().stream()
                .filter(f -> f.label().equalsIgnoreCase(wanted)
                        || f.code().equalsIgnoreCase(wanted)
                        || shortLabel(f).equalsIgnoreCase(wanted))
                .map(QuantizationFormat::description)
                .findFirst()
                .orElse(UNKNOWN_DESCRIPTION);
    }

    /** "Int4 (per-channel)" is also known simply as "Int4". */
    private static String shortLabel(QuantizationFormat format) {
        int bracket = format.label().indexOf(" (");
        return bracket < 0 ? format.label() : format.label().substring(0, bracket);
    }
}
