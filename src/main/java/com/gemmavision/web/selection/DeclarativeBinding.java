package com.gemmavision.web.selection;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The forms are records: Spring binds them through their constructors only. Without this, MVC also tries a
 * property path after construction, and a hostile name such as {@code batch.x=1} (a nested path into a
 * {@code Long}) fails with a server error instead of being ignored.
 */
@ControllerAdvice
class DeclarativeBinding {

    @InitBinder
    void constructorOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }
}
