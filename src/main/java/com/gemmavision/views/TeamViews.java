package com.gemmavision.views;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.gemmavision.database.Checkpoint;
import com.gemmavision.database.ServerKeys;
import com.gemmavision.web.page.Page;

import org.springframework.stereotype.Service;

/**
 * Saves, lists, renames and deletes the team's named views. Names, notes and authors are plain text: control
 * characters are removed, spaces collapsed (a note keeps its line breaks), and a value over its limit is refused
 * rather than cut, so nothing a user typed is silently lost.
 */
@Service
public class TeamViews {

    /** Slug letters: lower case and digits without the look-alikes 0/o and 1/l/i, so a link can be read aloud. */
    private static final char[] SLUG = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n]]");
    private static final Pattern SPACES = Pattern.compile("[\\h\\x0B]+");
    private static final Pattern LINES = Pattern.compile("\\n{3,}");

    private final ViewRepository repository;
    private final ViewsProperties properties;
    private final Checkpoint checkpoint;
    private final ServerKeys keys;
    private final SecureRandom random = new SecureRandom();

    TeamViews(ViewRepository repository, ViewsProperties properties, Checkpoint checkpoint, ServerKeys keys) {
        this.keys = keys;
        this.repository = repository;
        this.properties = properties;
        this.checkpoint = checkpoint;
    }

    /** What a user typed about a view. */
    public record Label(String name, String note, String author) {}

    /**
     * Who saves a view: the session's owner token if it has one, how to start one (only once the view is accepted),
     * and the client address it came from.
     */
    public record Saver(String owner, Supplier<String> newOwner, String address) {}

    /**
     * Saves a view of {@code page} with its canonical {@code query}; throws {@link ViewRefused} in words. The
     * limits (per session, per client address a day, for the server) are checked and the view inserted under one
     * lock, so parallel saves cannot overshoot them; a session is started only for a view that is accepted.
     */
    public SavedView save(Label label, String page, String query, String description, Saver saver) {
        Label clean = clean(label);
        String from = keys.sign(ADDRESS_KEY, saver.address() == null ? "" : saver.address(), 32);
        saving.lock();
        try {
            if (saver.owner() != null && repository.countOwnedBy(saver.owner()) >= properties.maxViewsPerSession()) {
                throw new ViewRefused(
                        ViewRefused.Reason.TOO_MANY,
                        null,
                        "One session saves at most " + properties.maxViewsPerSession() + " team views. Delete one of"
                                + " yours, then save again.");
            }
            if (repository.countFrom(from, now().minusDays(1)) >= properties.maxViewsPerClientPerDay()) {
                throw new ViewRefused(
                        ViewRefused.Reason.TOO_MANY,
                        null,
                        "One address saves at most " + properties.maxViewsPerClientPerDay() + " team views a day."
                                + " Try again tomorrow, or ask an administrator.");
            }
            if (repository.count() >= properties.maxViews()) {
                throw new ViewRefused(
                        ViewRefused.Reason.FULL,
                        null,
                        "The server keeps at most " + properties.maxViews() + " team views. Delete one that is no"
                                + " longer needed, then save again.");
            }
            String owner =
                    saver.owner() != null ? saver.owner() : saver.newOwner().get();
            OffsetDateTime now = now();
            for (int attempt = 0; attempt < 8; attempt++) {
                SavedView view = new SavedView(
                        slug(), clean.name(), clean.note(), clean.author(), page, query, description, now, now, owner);
                if (repository.insert(view, from)) {
                    checkpoint.now();
                    return view;
                }
            }
            throw new IllegalStateException("no free slug after 8 attempts");
        } finally {
            saving.unlock();
        }
    }

    /** Checks and inserts of saves, one at a time (a save takes milliseconds). */
    private final ReentrantLock saving = new ReentrantLock();

    /** The server key that turns a client address into the digest stored with a view. */
    static final String ADDRESS_KEY = "client-address";

    public Optional<SavedView> find(String slug) {
        return slug == null || slug.length() > properties.slugLength() + 8 ? Optional.empty() : repository.find(slug);
    }

    /** The view behind a short link, or {@link ViewRefused} (not found) in words. */
    public SavedView open(String slug) {
        return existing(slug);
    }

    public List<SavedView> list() {
        return repository.list(properties.maxViews());
    }

    /** One page of the list, newest first: {@code page} counts from 1. */
    public Page page(int page) {
        long total = repository.count();
        int size = properties.pageSize();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.max(1, Math.min(page, pages));
        return new Page(repository.list(size, (long) (shown - 1) * size), shown, pages, total);
    }

    /** A page of views, which page it is of how many, and how many views there are in all. */
    public record Page(List<SavedView> views, int number, int pages, long total) {

        public boolean hasNewer() {
            return number > 1;
        }

        public boolean hasOlder() {
            return number < pages;
        }
    }

    /** Whether {@code who} may rename or delete {@code view}: the session that saved it, or the admin token. */
    public boolean mayChange(SavedView view, String who, String adminToken) {
        return view.ownedBy(who) || admin(adminToken);
    }

    /** Whether the token given is the configured admin token (never when none is configured). */
    public boolean admin(String given) {
        String expected = properties.adminToken();
        return !expected.isEmpty()
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private SavedView changeable(String slug, String who, String adminToken) {
        SavedView view = existing(slug);
        if (!mayChange(view, who, adminToken)) {
            throw new ViewRefused(
                    ViewRefused.Reason.NOT_YOURS,
                    null,
                    "Only the session that saved “" + view.name() + "” can rename or delete it (or an administrator).");
        }
        return view;
    }

    /** Renames a view and replaces its note; its link and selection stay. Only its owner or the admin may. */
    public SavedView rename(String slug, String name, String note, String who, String adminToken) {
        SavedView view = changeable(slug, who, adminToken);
        Label clean = clean(new Label(name, note, view.author()));
        repository.rename(slug, clean.name(), clean.note(), now());
        checkpoint.now();
        return existing(slug);
    }

    /** Deletes a view. Only its owner or the admin may. */
    public void delete(String slug, String who, String adminToken) {
        if (!repository.delete(changeable(slug, who, adminToken).slug())) {
            throw notFound(slug);
        }
        checkpoint.now();
    }

    private SavedView existing(String slug) {
        return find(slug).orElseThrow(() -> notFound(slug));
    }

    private static ViewRefused notFound(String slug) {
        return new ViewRefused(ViewRefused.Reason.NOT_FOUND, null, "There is no saved view at this link.");
    }

    private Label clean(Label label) {
        String name = line(label.name());
        if (name.isEmpty()) {
            throw new ViewRefused(
                    ViewRefused.Reason.INVALID, "name", "Give the view a name, for example “27B Int4 on L4, 128K”.");
        }
        return new Label(
                limited("name", name, properties.maxName()),
                limited("note", note(label.note()), properties.maxNote()),
                limited("author", line(label.author()), properties.maxAuthor()));
    }

    private static String limited(String field, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new ViewRefused(
                    ViewRefused.Reason.INVALID,
                    field,
                    "The " + field + " is " + length + " characters long; at most " + max + " are kept.");
        }
        return value;
    }

    private static String line(String value) {
        if (value == null) {
            return "";
        }
        String text = CONTROL.matcher(value.replace('\n', ' ')).replaceAll("");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static String note(String value) {
        if (value == null) {
            return "";
        }
        String text =
                CONTROL.matcher(value.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ");
        return LINES.matcher(text.lines()
                        .map(String::strip)
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse(""))
                .replaceAll("\n\n")
                .strip();
    }

    private String slug() {
        StringBuilder slug = new StringBuilder(properties.slugLength());
        for (int i = 0; i < properties.slugLength(); i++) {
            slug.append(SLUG[random.nextInt(SLUG.length)]);
        }
        return slug.toString();
    }

    private static OffsetDateTime now() {
        // Microseconds: what every supported database stores, so a read-back view equals the saved one.
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
