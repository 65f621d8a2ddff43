package org.jinlin.app.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.jinlin.kernel.Forbidden;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A page that cannot be shown (an unknown case, a case the reader may not see, a malformed date in the address)
 * answers with a page in the reader's language that says why, with the API's status; never a stack trace.
 * Before the API's problem-details advice, for the pages only.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler({NotFound.class, Forbidden.class, InvalidInput.class, CommandExecutionException.class})
    String refused(RuntimeException failure, Model model, HttpServletResponse response) {
        Refusal refusal = Refusal.of(failure).orElseThrow(() -> failure);
        return show(refusal, model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException mismatch, Model model, HttpServletResponse response) {
        return show(Refusal.invalid(java.util.List.of(new org.jinlin.kernel.FieldError(
                mismatch.getName(), "is not a valid value: " + mismatch.getValue()))), model, response);
    }

    private static String show(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        model.addAttribute("refusal", refusal);
        return "error-page";
    }
}
