package vn.hoctap.platform;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request is answered by a page (a view the layout renders) or by a body (JSON, a file: {@code @ResponseBody},
 * every {@code @RestController}). The {@code @ModelAttribute} methods of the layout (the bell's unread count, the
 * names of the user's units, the language links) run for every controller Spring considers a {@code @Controller},
 * which includes the REST controllers; they ask this first, so an API request costs no database query for a header
 * it never shows (issue 18: {@code /api/indicators/status} under 64 clients counted each user's unread notifications
 * on every request).
 */
public final class PageRequests {

    private static final Map<Method, Boolean> BODY = new ConcurrentHashMap<>();

    private PageRequests() {
    }

    /** True when the handler chosen for the request writes a body instead of rendering a page. */
    public static boolean answersWithBody(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod h)) {
            return false;
        }
        return BODY.computeIfAbsent(h.getMethod(), m -> AnnotatedElementUtils.hasAnnotation(m, ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), ResponseBody.class));
    }
}
