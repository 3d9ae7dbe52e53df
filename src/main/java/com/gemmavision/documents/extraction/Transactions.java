package com.gemmavision.documents.extraction;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gemmavision.documents.text.PageText;

/**
 * The transactions of a bank statement, each amount in the column it is printed in. The header row names the
 * columns (debit / credit / balance in the six languages); an amount belongs to the column whose heading it
 * stands under, measured in characters on the laid-out line, so a row with only a credit does not slide its
 * figure into the debit column. Where the statement has one signed amount column, negative amounts are debits.
 */
public final class Transactions {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern DEBIT = Pattern.compile(
            "(?<![\\p{L}])(debit|debits|withdrawals?|paid\\s*out|money\\s*out|soll|belastung|ausgang|d[ée]bit|af|debe"
                    + "|cargo|dare|uscite|addebiti)(?![\\p{L}])",
            FLAGS);
    private static final Pattern CREDIT = Pattern.compile(
            "(?<![\\p{L}])(credit|credits|deposits?|paid\\s*in|money\\s*in|haben|eingang|gutschrift|cr[ée]dit|bij|haber"
                    + "|abono|avere|entrate|accrediti)(?![\\p{L}])",
            FLAGS);
    private static final Pattern AMOUNT_COLUMN =
            Pattern.compile("(?<![\\p{L}])(amount|betrag|montant|bedrag|importe|importo)(?![\\p{L}])", FLAGS);
    private static final Pattern BALANCE =
            Pattern.compile("(?<![\\p{L}])(balance|saldo|solde|kontostand)(?![\\p{L}])", FLAGS);

    private Transactions() {}

    /** One row of a statement; amounts as plain decimals, null where the column is empty. */
    public record Transaction(String date, String description, String debit, String credit, String balance) {}

    private record Columns(double debit, double credit, double balance, double signed) {}

    public static List<Transaction> extract(List<PageText> pages) {
        List<Transaction> found = new ArrayList<>();
        for (PageText page : pages) {
            Columns columns = null;
            for (String line : page.ruleLines()) {
                Optional<Columns> header = header(line);
                if (header.isPresent()) {
                    columns = header.get();
                    continue;
                }
                if (columns != null) {
                    row(line, columns).ifPresent(found::add);
                }
                if (found.size() >= 2000) {
                    return found;
                }
            }
        }
        return found;
    }

    private static double center(Matcher m) {
        return (m.start() + m.end()) / 2.0;
    }

    private static Optional<Columns> header(String line) {
        Matcher debit = DEBIT.matcher(line);
        Matcher credit = CREDIT.matcher(line);
        Matcher balance = BALANCE.matcher(line);
        double balanceAt = balance.find() ? center(balance) : -1;
        if (debit.find() && credit.find()) {
            return Optional.of(new Columns(center(debit), center(credit), balanceAt, -1));
        }
        Matcher amount = AMOUNT_COLUMN.matcher(line);
        if (amount.find() && balanceAt >= 0 && Dates.find(line, false).isEmpty()) {
            return Optional.of(new Columns(-1, -1, balanceAt, center(amount)));
        }
        return Optional.empty();
    }

    private static Optional<Transaction> row(String line, Columns columns) {
        List<Dates.Found> dates = Dates.find(line, false);
        if (dates.isEmpty() || dates.get(0).start() > 3) {
            return Optional.empty();
        }
        Dates.Found date = dates.get(0);
        int after = date.start() + date.printed().length();
        // Further dates on the row (a value date) are not amounts.
        StringBuilder masked = new StringBuilder(line);
        for (Dates.Found other : dates) {
            for (int i = other.start(); i < other.start() + other.printed().length() && i < masked.length(); i++) {
                masked.setCharAt(i, ' ');
            }
        }
        String rest = masked.toString();
        List<int[]> spans = new ArrayList<>();
        List<Amounts.Found> amounts = new ArrayList<>();
        int from = after;
        for (Amounts.Found amount : Amounts.find(rest.substring(after))) {
            if (!amount.hasDecimals()) {
                continue;
            }
            int at = rest.indexOf(amount.printed(), from);
            if (at < 0) {
                continue;
            }
            spans.add(new int[] {at, at + amount.printed().length()});
            amounts.add(amount);
            from = at + amount.printed().length();
        }
        if (amounts.isEmpty()) {
            return Optional.empty();
        }
        String description = line.substring(after, spans.get(0)[0]).strip().replaceAll("\\s{2,}", " ");
        String debit = null;
        String credit = null;
        String balance = null;
        for (int i = 0; i < amounts.size(); i++) {
            double middle = (spans.get(i)[0] + spans.get(i)[1]) / 2.0;
            String value =
                    amounts.get(i).value().setScale(2, RoundingMode.HALF_UP).toPlainString();
            if (columns.signed() >= 0) {
                if (columns.balance() >= 0
                        && Math.abs(middle - columns.balance()) < Math.abs(middle - columns.signed())) {
                    balance = value;
                } else if (amounts.get(i).value().signum() < 0) {
                    debit = value.substring(1);
                } else {
                    credit = value;
                }
                continue;
            }
            double toDebit = Math.abs(middle - columns.debit());
            double toCredit = Math.abs(middle - columns.credit());
            double toBalance = columns.balance() < 0 ? Double.MAX_VALUE : Math.abs(middle - columns.balance());
            if (toBalance < toDebit && toBalance < toCredit) {
                balance = value;
            } else if (toDebit <= toCredit) {
                debit = value;
            } else {
                credit = value;
            }
        }
        return Optional.of(new Transaction(date.date().toString(), description, debit, credit, balance));
    }
}
