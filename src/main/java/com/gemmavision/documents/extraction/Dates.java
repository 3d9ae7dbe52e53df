package com.gemmavision.documents.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as printed in English, German, French, Dutch, Spanish and Italian documents, read into ISO 8601:
 * 02/07/2015, 2.7.2015, 19-04-2014, 2014-04-19, 2014.04.19, 2 July 2015, July 2, 2015, 02 Juillet 2015,
 * 2. Juli 2015, 2 de julio de 2015, 2 luglio 2015. Numeric day/month order is read day first unless the
 * numbers only make sense the other way, or the caller says the document uses US order.
 */
public final class Dates {

    private static final Map<String, Integer> MONTHS = months();

    static final Pattern DATE_LIKE =
            Pattern.compile("\\b\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}\\b|\\b\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}\\b");

    private static final Pattern YEAR_FIRST = Pattern.compile("\\b(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})\\b");
    private static final Pattern DAY_FIRST = Pattern.compile("\\b(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4}|\\d{2})\\b");
    private static final String MONTH = "([A-Za-zÀ-ÿ]{3,10})\\.?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?\\s+(?:de\\s+)?" + MONTH + "\\s+(?:de\\s+)?(\\d{4})\\b");
    /** Receipts and tickets: 24 Mar 18, 26/Feb/2017, 05-JAN-2018. */
    private static final Pattern DAY_MON_SHORT =
            Pattern.compile("\\b(\\d{1,2})[-/ ]([A-Za-z]{3,9})\\.?[-/ ,]+'?(\\d{4}|\\d{2})\\b");

    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");

    private Dates() {}

    /** A date found in text: the ISO date, where it starts in the text and as printed. */
    public record Found(LocalDate date, int start, String printed) {}

    public static List<Found> find(String text, boolean usOrder) {
        List<Found> found = new ArrayList<>();
        Matcher m = YEAR_FIRST.matcher(text);
        while (m.find()) {
            final Matcher match = m;
            date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .ifPresent(d -> found.add(new Found(d, match.start(), match.group())));
        }
        m = DAY_FIRST.matcher(text);
        while (m.find()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            int year = year(m.group(3));
            boolean monthFirst = usOrder ? first <= 12 : (first <= 12 && second > 12);
            int day = monthFirst ? second : first;
            int month = monthFirst ? first : second;
            final Matcher match = m;
            date(year, month, day).ifPresent(d -> found.add(new Found(d, match.start(), match.group())));
        }
        m = DAY_MONTH_YEAR.matcher(text);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month != null) {
                final Matcher match = m;
                date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)))
                        .ifPresent(d -> found.add(new Found(d, match.start(), match.group())));
            }
        }
        m = DAY_MON_SHORT.matcher(text);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            final Matcher match = m;
            if (month != null && found.stream().noneMatch(f -> f.start() == match.start())) {
                date(year(m.group(3)), month, Integer.parseInt(m.group(1)))
                        .ifPresent(d -> found.add(new Found(d, match.start(), match.group())));
            }
        }
        m = MONTH_DAY_YEAR.matcher(text);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            if (month != null) {
                final Matcher match = m;
                date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)))
                        .ifPresent(d -> found.add(new Found(d, match.start(), match.group())));
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }

    private static int year(String printed) {
        int year = Integer.parseInt(printed);
        return printed.length() == 2 ? 2000 + year : year;
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        if (year < 1900 || year > 2100) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new HashMap<>();
        String[][] names = {
            {"january", "jan", "januar", "jänner", "janvier", "janv", "januari", "enero", "ene", "gennaio", "gen"},
            {"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "februari", "febrero", "febbraio"},
            {"march", "mar", "märz", "maerz", "mars", "maart", "mrt", "marzo"},
            {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
            {"may", "mai", "mei", "mayo", "maggio", "mag"},
            {"june", "jun", "juni", "juin", "junio", "giugno", "giu"},
            {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug"},
            {"august", "aug", "août", "aout", "augustus", "agosto", "ago"},
            {"september", "sep", "sept", "septembre", "septiembre", "settembre", "set"},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott"},
            {"november", "nov", "novembre", "noviembre"},
            {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre"}
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.put(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
