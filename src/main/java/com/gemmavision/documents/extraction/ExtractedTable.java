package com.gemmavision.documents.extraction;

import java.util.List;

/** A table found on a page: rows of cells, the first row its header when it has no figures. */
public record ExtractedTable(int index, int pageNumber, List<List<String>> rows) {}
