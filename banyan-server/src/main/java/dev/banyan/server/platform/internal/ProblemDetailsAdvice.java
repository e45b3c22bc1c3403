package dev.banyan.server.platform.internal;

import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the platform's exceptions into RFC 9457 problem details for every REST controller. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemDetailsAdvice {

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageCode(), e.arguments(), e.messageCode(), LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:banyan:problem:invalid-input"));
        problem.setTitle(messages.getMessage("problem.invalidInput", null, "Invalid input", LocaleContextHolder.getLocale()));
        problem.setProperty("field", e.field());
        problem.setProperty("code", e.messageCode());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage(e.messageCode(), e.arguments(), e.messageCode(), LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:banyan:problem:not-found"));
        problem.setProperty("code", e.messageCode());
        return problem;
    }
}
