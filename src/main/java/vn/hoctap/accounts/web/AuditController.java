package vn.hoctap.accounts.web;

import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessGuard;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.ValidationException;

/** Nhật ký thay đổi: administrators browse and filter every write (the security configuration limits /admin/**). */
@Controller
class AuditController {

    static final int PAGE = 50;
    private final AuditLog audit;
    private final AccessGuard guard;

    AuditController(AuditLog audit, AccessGuard guard) {
        this.audit = audit;
        this.guard = guard;
    }

    /**
     * The unit whose events the user may browse (AUDIT × READ): a user scoped to the city filters freely; an auditor
     * scoped to a commune sees that commune's events only (the filter's unit, or their first scope).
     */
    String unitFilter(String unitCode) {
        if (guard.canRead("01")) {
            guard.require(DataKind.AUDIT, AccessAction.READ);
            return unitCode;
        }
        String u = unitCode == null || unitCode.isBlank() ? guard.requireUser().scopes().stream().sorted().findFirst().orElse("")
                : unitCode.strip();
        guard.require(DataKind.AUDIT, AccessAction.READ, u);
        return u;
    }

    @Access(kind = DataKind.AUDIT, action = AccessAction.READ)
    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
                @RequestParam(required = false) String entityId, @RequestParam(required = false) String unitCode,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        AuditLog.Filter f = filter(actor, entityType, entityId, unitFilter(unitCode), from, to);
        int p = Math.max(0, page);
        List<AuditLog.Event> events = audit.find(f, PAGE + 1, p * PAGE);
        model.addAttribute("events", events.size() > PAGE ? events.subList(0, PAGE) : events);
        model.addAttribute("hasNext", events.size() > PAGE);
        model.addAttribute("page", p);
        model.addAttribute("filter", f);
        model.addAttribute("entityTypes", audit.entityTypes());
        return "admin/audit";
    }

    @Access(kind = DataKind.AUDIT, action = AccessAction.EXPORT)
    @GetMapping("/api/admin/audit")
    @ResponseBody
    List<AuditLog.Event> api(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
                             @RequestParam(required = false) String entityId, @RequestParam(required = false) String unitCode,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return audit.find(filter(actor, entityType, entityId, unitFilter(unitCode), from, to), Math.min(Math.max(limit, 1), 1000),
                Math.max(offset, 0));
    }

    private static AuditLog.Filter filter(String actor, String entityType, String entityId, String unitCode, String from, String to) {
        return new AuditLog.Filter(actor, entityType, entityId, unitCode, date("from", from), date("to", to));
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "units.error.date-format");
        }
    }
}
