package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.CatalogPermissionException;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused catalog action as an RFC 9457 problem detail (HTTP 403) for the catalog's API. */
@RestControllerAdvice(assignableTypes = {CatalogApi.class, CatalogFilesApi.class})
class CatalogProblems {

    private final MessageSource messages;

    CatalogProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail forbidden(CatalogPermissionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                messages.getMessage(e.messageCode(), e.arguments(), e.messageCode(), LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:banyan:problem:forbidden"));
        problem.setProperty("code", e.messageCode());
        return problem;
    }
}
