package dev.banyan.server.web.internal;

import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Shows a console page's refusal in the user's language instead of a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleErrors {

    private final MessageSource messages;

    ConsoleErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView invalid(InvalidInputException e) {
        return page(e.problems().stream()
                .map(p -> messages.getMessage(p.messageCode(), p.arguments(), p.messageCode(), LocaleContextHolder.getLocale()))
                .collect(java.util.stream.Collectors.joining("；")), 400);
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFoundException e) {
        return page(messages.getMessage(e.messageCode(), e.arguments(), e.messageCode(), LocaleContextHolder.getLocale()), 404);
    }

    private static ModelAndView page(String problem, int status) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("problem", problem);
        view.addObject("status", status);
        return view;
    }
}
