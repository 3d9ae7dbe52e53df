package com.gemmavision.web.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.gemmavision.database.Checkpoint;
import com.gemmavision.web.selection.SelectionSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Forget me": every feature removes what it keeps for this user ({@link Forgetting}), then the session row
 * and its cookies go; the browser is sent to a fresh main page. CSRF-protected like every POST.
 */
@Controller
class ForgetController {

    private final List<Forgetting> features;
    private final Checkpoint checkpoint;

    ForgetController(List<Forgetting> features, Checkpoint checkpoint) {
        this.features = List.copyOf(features);
        this.checkpoint = checkpoint;
    }

    @PostMapping("/forget")
    String forget(HttpServletRequest request, HttpServletResponse response) {
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
