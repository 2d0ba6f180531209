package vn.hoctap.accounts.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessGuard;

/**
 * Reads each route's {@link Access} entry before the handler runs and refuses a role the access matrix does not
 * allow (403). Controllers of the framework (error page, OpenAPI) are not ours and are left alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccessDeclarations implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AccessDeclarations.class);

    private final AccessGuard guard;
    private final boolean requireDeclaration;

    AccessDeclarations(AccessGuard guard, @Value("${hoctap.access.require-declaration:false}") boolean requireDeclaration) {
        this.guard = guard;
        this.requireDeclaration = requireDeclaration;
    }

    /** The entry of a handler: its method's annotation, else its class's. */
    static Optional<Access> declared(HandlerMethod handler) {
        Access a = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Access.class);
        if (a == null) a = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Access.class);
        return Optional.ofNullable(a);
    }

    /** Whether the handler is one of ours (and so must be in the matrix). */
    static boolean ours(HandlerMethod handler) {
        return handler.getBeanType().getName().startsWith("vn.hoctap.");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!(handler instanceof HandlerMethod hm) || !ours(hm)) return true;
                Optional<Access> a = declared(hm);
                if (a.isEmpty()) {
                    if (requireDeclaration) {
                        log.error("route {} has no access-matrix entry: refused", hm.getShortLogMessage());
                        throw new AccessDeniedException("route has no access-matrix entry");
                    }
                    return true;
                }
                guard.require(a.get().kind(), a.get().action());
                return true;
            }
        });
    }
}
