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
    private final org.springframework.context.MessageSource messages;
    private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    AuditController(AuditLog audit, AccessGuard guard, org.springframework.context.MessageSource messages) {
        this.audit = audit;
        this.guard = guard;
        this.messages = messages;
    }

    /** One field of a change, as read by an administrator: its label, the value before and after, in words. */
    public record FieldChange(String field, String before, String after) {
    }

    /** An event as the page shows it: who in words, what in words, field by field. */
    public record Row(AuditLog.Event event, String actor, String action, String entity, List<FieldChange> changes,
                      String rawBefore, String rawAfter) {
    }

    Row row(AuditLog.Event e, java.util.Locale locale) {
        String actor = e.actor() == null || e.actor().equals("anonymousUser")
                ? messages.getMessage("audit.actor.anonymous", null, locale)
                : e.actor().equals("system") ? messages.getMessage("audit.actor.system", null, locale) : e.actor();
        String action = messages.getMessage("audit.action." + e.action(), null, e.action(), locale);
        String entity = messages.getMessage("audit.entity." + e.entityType(), null, e.entityType(), locale) + " " + e.entityId();
        java.util.Map<String, Object> before = parse(e.before());
        java.util.Map<String, Object> after = parse(e.after());
        List<FieldChange> changes = new java.util.ArrayList<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        if (before != null) keys.addAll(before.keySet());
        if (after != null) keys.addAll(after.keySet());
        for (String k : keys) {
            Object b = before == null ? null : before.get(k);
            Object a = after == null ? null : after.get(k);
            if (before != null && after != null && java.util.Objects.equals(b, a)) {
                continue;   // unchanged fields are not listed
            }
            changes.add(new FieldChange(label(k, locale), value(k, b, locale), value(k, a, locale)));
        }
        boolean parsed = (e.before() == null || before != null) && (e.after() == null || after != null);
        return new Row(e, actor, action, entity, changes, parsed ? null : e.before(), parsed ? null : e.after());
    }

    @SuppressWarnings("unchecked")
    private java.util.Map<String, Object> parse(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            Object o = json.readValue(s, Object.class);
            return o instanceof java.util.Map<?, ?> m ? (java.util.Map<String, Object>) m : null;
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private String label(String key, java.util.Locale locale) {
        String l = messages.getMessage("register.field." + key, null, null, locale);
        if (l == null) l = messages.getMessage("audit.field." + key, null, null, locale);
        return l == null ? key : l;
    }

    /** A value in words: yes/no for booleans, a coded register value by its label, other values as written. */
    private String value(String key, Object v, java.util.Locale locale) {
        if (v == null) return "—";
        String s = v instanceof java.util.Map<?, ?> || v instanceof List<?> ? json.writeValueAsString(v) : String.valueOf(v);
        if (s.equals("true") || s.equals("false")) {
            return messages.getMessage(s.equals("true") ? "register.option.yes" : "register.option.no", null, locale);
        }
        return messages.getMessage("register.option." + key + "." + s, null, s, locale);
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
                @RequestParam(defaultValue = "0") int page, Model model, java.util.Locale locale) {
        AuditLog.Filter f = filter(actor, entityType, entityId, unitFilter(unitCode), from, to);
        int p = Math.max(0, page);
        List<AuditLog.Event> events = audit.find(f, PAGE + 1, p * PAGE);
        model.addAttribute("events", events.size() > PAGE ? events.subList(0, PAGE) : events);
        model.addAttribute("rows", (events.size() > PAGE ? events.subList(0, PAGE) : events).stream().map(e -> row(e, locale)).toList());
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
