package vn.hoctap.platform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;

/**
 * Turns the platform's exceptions into answers that say what to fix: JSON under /api
 * ({@code {"status", "error", "message", "fields"}}), an error page elsewhere. Refusals are 403 and
 * never say whether the thing exists in another unit.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    private final MessageSource messages;

    ErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(AccessDeniedException e, HttpServletRequest req, HttpServletResponse res, Locale locale) {
        return answer(req, locale, HttpStatus.FORBIDDEN, "error.forbidden", new Object[0], Map.of());
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest req, Locale locale) {
        return answer(req, locale, HttpStatus.NOT_FOUND, e.messageKey(), e.args(), Map.of());
    }

    @ExceptionHandler(ValidationException.class)
    Object invalid(ValidationException e, HttpServletRequest req, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.errors().forEach((field, key) -> fields.put(field, messages.getMessage(key, null, key, locale)));
        return answer(req, locale, HttpStatus.BAD_REQUEST, "error.invalid", new Object[] {String.join("; ", fields.values())}, fields);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    Object badParameter(Exception e, HttpServletRequest req, Locale locale) {
        String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return answer(req, locale, HttpStatus.BAD_REQUEST, "error.parameter", new Object[] {name}, Map.of(name, "invalid"));
    }

    /** An upload over the container's limit that got past {@link UploadLimits} (e.g. a body without a length). */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    Object tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpServletRequest req, Locale locale) {
        return answer(req, locale, HttpStatus.CONTENT_TOO_LARGE, "error.upload-too-large",
                new Object[] {UploadLimits.megabytes(e, 64)}, Map.of("file", "too-large"));
    }

    private Object answer(HttpServletRequest req, Locale locale, HttpStatus status, String key, Object[] args,
                          Map<String, String> fields) {
        String message = messages.getMessage(key, args, key, locale);
        if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status.value());
            body.put("error", status.getReasonPhrase());
            body.put("message", message);
            if (!fields.isEmpty()) {
                body.put("fields", fields);
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        if (status.is5xxServerError()) {
            log.warn("{} on {}", status, req.getRequestURI());
        }
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("message", message);
        return mv;
    }
}
