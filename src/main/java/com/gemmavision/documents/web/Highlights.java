package com.gemmavision.documents.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** Splits page text into plain and marked pieces, marking the lines key fields were read from. */
@Component("highlights")
public class Highlights {

    public record Piece(String text, boolean marked) {}

    public List<Piece> lines(String text, List<String> evidence) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            boolean marked = !line.isBlank()
                    && evidence.stream()
                            .anyMatch(e -> e != null
                                    && (e.equals(line.strip())
                                            || e.startsWith(line.strip() + " / ")
                                            || e.endsWith(" / " + line.strip())));
            if (marked) {
                if (!plain.isEmpty()) {
                    pieces.add(new Piece(plain.toString(), false));
                    plain.setLength(0);
                }
                pieces.add(new Piece(line, true));
                plain.append('\n');
            } else {
                plain.append(line).append('\n');
            }
        }
        if (!plain.isEmpty()) {
            pieces.add(new Piece(plain.toString(), false));
        }
        return pieces;
    }
}
