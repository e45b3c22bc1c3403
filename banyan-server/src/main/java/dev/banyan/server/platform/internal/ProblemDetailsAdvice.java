package dev.banyan.server.platform.internal;

import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> errors = e.problems().stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", p.field());
            error.put("pointer", pointer(p.field()));
            error.put("code", p.messageCode());
            error.put("detail", messages.getMessage(p.messageCode(), p.arguments(), p.messageCode(), locale));
            return error;
        }).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(error -> (String) error.get("detail")).collect(Collectors.joining("; ")));
        problem.setType(URI.create("urn:banyan:problem:invalid-input"));
        problem.setTitle(messages.getMessage("problem.invalidInput", null, "Invalid input", locale));
        problem.setProperty("field", e.field());
        problem.setProperty("code", e.messageCode());
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The JSON pointer (RFC 6901) of a field name such as {@code fields[2].dataElement}: {@code #/fields/2/dataElement}. */
    static String pointer(String field) {
        if (field == null || field.isEmpty()) {
            return "#";
        }
        return "#/" + field.replaceAll("\\[(\\d+)]", ".$1").replace("~", "~0").replace("/", "~1").replace('.', '/');
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
