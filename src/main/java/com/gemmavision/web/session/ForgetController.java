package com.gemmavision.web.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.gemmavision.database.Checkpoint;
import com.gemmavision.web.selection.SelectionSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forget me" asks first: {@code GET /forget} says what will be deleted and offers the button that deletes it
 * (a page of its own, so it works without JavaScript and a stray Enter on the footer's link deletes nothing).
 * The POST, with {@code confirm=yes}, has every feature remove what it keeps for this user ({@link Forgetting}),
 * then the session row and its cookies go and the browser is sent to a fresh main page; without the
 * confirmation it deletes nothing and shows the question. CSRF-protected like every POST.
 */
@Controller
class ForgetController {

    private final List<Forgetting> features;
    private final Checkpoint checkpoint;

    ForgetController(List<Forgetting> features, Checkpoint checkpoint) {
        this.features = List.copyOf(features);
        this.checkpoint = checkpoint;
    }

    /** The question: what would be deleted, with the button that deletes it and a way back. */
    @GetMapping("/forget")
    String ask(HttpServletRequest request, Model model) {
        List<String> kept = new ArrayList<>();
        if (request.getSession(false) != null || hasCookie(request, SelectionSession.HINT)) {
            kept.add("your stored selection (the models, formats and inputs the pages open with)");
        }
        features.forEach(feature -> feature.kept(request).ifPresent(kept::add));
        model.addAttribute("kept", kept);
        return "forget";
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> name.equals(c.getName()));
    }

    @PostMapping("/forget")
    String forget(
            @RequestParam(defaultValue = "") String confirm, HttpServletRequest request, HttpServletResponse response) {
        if (!"yes".equals(confirm)) {
            return "redirect:/forget";
        }
        features.forEach(feature -> feature.forget(request));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        checkpoint.now();
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(SelectionSession.HINT, "")
                        .path("/")
                        .maxAge(0)
                        .httpOnly(true)
                        .sameSite("Lax")
                        .build()
                        .toString());
        return "redirect:/";
    }
}
