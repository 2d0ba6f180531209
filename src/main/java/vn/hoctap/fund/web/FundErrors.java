package vn.hoctap.fund.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import vn.hoctap.fund.core.LedgerException;

/** A ledger rule's refusal: 409 with the rule's message in the reader's language (JSON under /api, a page elsewhere). */
@ControllerAdvice(assignableTypes = {FundController.class, FundApiController.class})
class FundErrors {

    private final MessageSource messages;

    FundErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(LedgerException.class)
    Object refused(LedgerException e, HttpServletRequest req, Locale locale) {
        String message = messages.getMessage("fund.rule." + e.code(), null, messages.getMessage("fund.rule.OTHER", null, locale), locale);
        if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 409);
            body.put("error", "Conflict");
            body.put("rule", e.code());
            body.put("message", message);
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(HttpStatus.CONFLICT);
        mv.addObject("status", 409);
        mv.addObject("message", message);
        return mv;
    }
}
