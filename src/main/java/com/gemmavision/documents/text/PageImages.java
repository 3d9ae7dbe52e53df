package com.gemmavision.documents.text;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The largest image a PDF page draws, read from the image dictionaries ({@code /Width}, {@code /Height})
 * without decoding anything, so a page whose image would need more memory than the server gives one page is
 * recognised before it is rendered. Walks the page's XObjects and the forms inside them, each once, to a
 * bounded depth.
 */
public final class PageImages {

    private static final int MAX_DEPTH = 12;

    private PageImages() {}

    /** Width and height of an image, in pixels. */
    public record Size(long width, long height) {
        public long pixels() {
            return width * height;
        }
    }

    public static Size largest(PDPage page) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return largest(page.getCOSObject().getCOSDictionary(COSName.RESOURCES), seen, 0);
    }

    private static Size largest(COSDictionary resources, Set<COSBase> seen, int depth) {
        Size best = new Size(0, 0);
        if (resources == null || depth > MAX_DEPTH || !seen.add(resources)) {
            return best;
        }
        COSDictionary xObjects = resources.getCOSDictionary(COSName.XOBJECT);
        if (xObjects == null) {
            return best;
        }
        for (COSName name : xObjects.keySet()) {
            COSBase value = xObjects.getDictionaryObject(name);
            if (value instanceof COSObject object) {
                value = object.getObject();
            }
            if (!(value instanceof COSStream stream) || !seen.add(stream)) {
                continue;
            }
            Size candidate;
            if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                candidate = new Size(
                        Math.max(0, stream.getLong(COSName.WIDTH, 0)), Math.max(0, stream.getLong(COSName.HEIGHT, 0)));
            } else {
                candidate = largest(stream.getCOSDictionary(COSName.RESOURCES), seen, depth + 1);
            }
            if (candidate.pixels() > best.pixels()) {
                best = candidate;
            }
        }
        return best;
    }
}
