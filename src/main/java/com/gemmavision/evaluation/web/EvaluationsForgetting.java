package com.gemmavision.evaluation.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.gemmavision.evaluation.Evaluations;
import com.gemmavision.web.session.DocumentOwner;
import com.gemmavision.web.session.Forgetting;

import org.springframework.stereotype.Component;

/** "Forget me" for bake-offs: every stored run of the user goes with their documents. */
@Component
class EvaluationsForgetting implements Forgetting {

    private final Evaluations evaluations;
    private final DocumentOwner owner;

    EvaluationsForgetting(Evaluations evaluations, DocumentOwner owner) {
        this.evaluations = evaluations;
        this.owner = owner;
    }

    @Override
    public void forget(HttpServletRequest request) {
        owner.current(request).ifPresent(evaluations::forget);
    }

    @Override
    public Optional<String> kept(HttpServletRequest request) {
        int count = owner.current(request).map(o -> evaluations.runs(o).size()).orElse(0);
        return count == 0
                ? Optional.empty()
                : Optional.of(count + (count == 1 ? " bake-off run" : " bake-off runs") + " and their scores");
    }
}
