package com.gemmavision.documents;

import java.util.ArrayList;
import java.util.List;

import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.documents.text.PageText;
import com.gemmavision.documents.text.PanAndScan;
import com.gemmavision.memory.KvDtype;
import com.gemmavision.memory.MemoryModel;
import com.gemmavision.memory.MemoryRequest;
import com.gemmavision.memory.QuantizationFormat;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.memory.WeightBytes;
import com.gemmavision.tokens.GemmaTokenizer;

import org.springframework.stereotype.Service;

/**
 * The tokens a document costs each model. Text: the exact count of Gemma 3's tokenizer, taken when processing
 * finished ({@link GemmaTokenizer}); where it could not be taken, characters divided by a characters-per-token
 * ratio (configurable; an estimate, and said to be one). Images: 256 soft
 * tokens per image or rendered page, or (crops + 1) x 256 with Pan & Scan; the 1B model reads no images.
 */
@Service
public class DocumentTokens {

    private final Catalog catalog;
    private final MemoryModel memory;
    private final QuantizationFormats formats;
    private final GemmaTokenizer tokenizer;

    public DocumentTokens(Catalog catalog, MemoryModel memory, QuantizationFormats formats, GemmaTokenizer tokenizer) {
        this.catalog = catalog;
        this.memory = memory;
        this.formats = formats;
        this.tokenizer = tokenizer;
    }

    /** The ratio the estimate divides characters by. */
    public double charsPerToken() {
        return tokenizer.properties().charsPerToken();
    }

    public long textTokens(long characters) {
        return tokenizer.estimate(characters);
    }

    public List<TokenNeeds> needs(DocumentResults results, List<String> models, boolean panAndScan) {
        // counted with Gemma 3's tokenizer when processing finished; else characters per token, an estimate
        boolean exact = results.textTokens() != null;
        long text = exact ? results.textTokens() : textTokens(results.characters());
        int images = 0;
        long imageViews = 0;
        for (PageText page : results.pages()) {
            if (page.widthPx() != null && page.heightPx() != null) {
                images++;
                imageViews += PanAndScan.views(page.widthPx(), page.heightPx(), panAndScan);
            }
        }
        List<TokenNeeds> needs = new ArrayList<>();
        for (ModelProfile model : catalog.profiles(models)) {
            boolean vision = model.architecture().hasVisionEncoder();
            long modelImageTokens = vision ? imageViews * model.architecture().tokensPerImage() : 0;
            long context = Math.max(
                    1, Math.min(text + modelImageTokens, model.architecture().maxContext()));
            List<TokenNeeds.FormatMemory> perFormat = new ArrayList<>();
            for (QuantizationFormat format : formats.all()) {
                long bytes = memory.estimate(new MemoryRequest(
                                model.name(),
                                format.code(),
                                context,
                                1,
                                KvDtype.BF16,
                                true,
                                WeightBytes.Options.DEFAULT,
                                0))
                        .totalBytes();
                perFormat.add(new TokenNeeds.FormatMemory(format.code(), format.label(), bytes));
            }
            needs.add(new TokenNeeds(
                    model.name(),
                    text,
                    exact,
                    modelImageTokens,
                    vision ? images : 0,
                    vision,
                    model.architecture().maxContext(),
                    perFormat));
        }
        return needs;
    }
}
