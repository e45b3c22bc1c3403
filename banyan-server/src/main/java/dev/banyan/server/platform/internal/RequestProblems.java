package dev.banyan.server.platform.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request the API cannot even read — a body that is not JSON, a value that is not one of an enumeration's,
 * a parameter of the wrong type or missing — as an RFC 9457 problem detail (HTTP 400) that says what is wrong and
 * where: the field (e.g. {@code fields[0].personalInformation}) with its JSON pointer, or the line and column.
 * Every other error of Spring MVC (405, 406, 415, …) is a problem detail too.
 */
@RestControllerAdvice(annotations = RestController.class)
class RequestProblems extends ResponseEntityExceptionHandler {

    private static final URI TYPE = URI.create("urn:banyan:problem:unreadable-request");

    private final MessageSource messages;

    RequestProblems(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        JacksonException json = cause(ex, JacksonException.class);
        ProblemDetail problem;
        if (json instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String field = path(f);
            problem = problem(field, "error.json.enum", f.getValue(), field, allowed(f.getTargetType()));
        } else if (json instanceof InvalidFormatException f) {
            String field = path(f);
            problem = problem(field, "error.json.format", f.getValue(), field, typeName(f.getTargetType()));
        } else if (json instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            problem = problem(field, "error.json.type", field, typeName(m.getTargetType()));
        } else if (json instanceof StreamReadException || json != null && json.getPath().isEmpty() && json.getLocation() != null) {
            int line = json.getLocation() == null ? 0 : json.getLocation().getLineNr();
            int column = json.getLocation() == null ? 0 : json.getLocation().getColumnNr();
            problem = problem(null, "error.json.malformed", line, column, json.getOriginalMessage());
            problem.setProperty("line", line);
            problem.setProperty("column", column);
        } else if (json != null) {
            String field = path(json);
            problem = problem(field, "error.json.value", field, json.getOriginalMessage());
        } else {
            problem = problem(null, "error.json.unreadable");
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        ProblemDetail problem = type != null && type.isEnum()
                ? problem(name, "error.param.enum", ex.getValue(), name, allowed(type))
                : problem(name, "error.param.type", ex.getValue(), name, typeName(type));
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().headers(headers).body(problem(ex.getParameterName(), "error.param.missing",
                ex.getParameterName()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().headers(headers).body(problem(ex.getRequestPartName(), "error.param.missing",
                ex.getRequestPartName()));
    }

    /** A problem with one error, in the same shape as a refused input (field, pointer, code, detail). */
    private ProblemDetail problem(String field, String code, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        // As text, so that numbers are not shown with grouping separators.
        Object[] texts = Arrays.stream(arguments).map(a -> a == null ? "null" : a.toString()).toArray();
        String detail = messages.getMessage(code, texts, code, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(TYPE);
        problem.setTitle(messages.getMessage("problem.unreadableRequest", null, "Unreadable request", locale));
        problem.setProperty("code", code);
        Map<String, Object> error = new LinkedHashMap<>();
        if (field != null) {
            problem.setProperty("field", field);
            error.put("field", field);
            error.put("pointer", ProblemDetailsAdvice.pointer(field));
        }
        error.put("code", code);
        error.put("detail", detail);
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    /** Where in the body, as the catalog names its fields: {@code fields[0].personalInformation}. */
    static String path(JacksonException e) {
        StringBuilder s = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String allowed(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "?";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "integer";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return type == String.class ? "string" : type.isRecord() ? "object" : type.getSimpleName();
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
