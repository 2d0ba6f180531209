package vn.hoctap.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Giới hạn dung lượng tệp tải lên (issue 18 item 0, issue 19): a commune's register may be tens of megabytes, every
 * other upload (evidence files, documents, bank statements) at most 5 MB. The servlet container's multipart limit is
 * the largest one ({@code spring.servlet.multipart.max-file-size}); this filter, ahead of Spring Security, applies the
 * limit of the route from the request's {@code Content-Length} and answers an over-limit upload with status 413 and
 * a message in words (the error page, or JSON under /api) instead of letting the CSRF check fail on an unparsed body
 * or the container reset the connection. For the message to reach the browser Tomcat must read the rest of the body:
 * {@code server.tomcat.max-swallow-size=-1}.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    /** The request attribute carrying the limit (in MB) that was exceeded, for the error page. */
    static final String EXCEEDED = UploadLimits.class.getName() + ".exceededMb";

    /** The routes that take a whole register (the web import page). */
    static boolean isRegisterImport(String path) {
        return path.equals("/register/import");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimitFilter(
            @Value("${hoctap.upload.register-max-size:64MB}") DataSize registerMax,
            @Value("${hoctap.upload.max-size:6MB}") DataSize otherMax) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                    throws ServletException, IOException {
                String type = req.getContentType();
                if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                    String path = req.getRequestURI().substring(req.getContextPath().length());
                    DataSize limit = isRegisterImport(path) ? registerMax : otherMax;
                    long length = req.getContentLengthLong();
                    if (length > limit.toBytes()) {
                        req.setAttribute(EXCEEDED, limit.toMegabytes());
                        res.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
                        return;
                    }
                }
                chain.doFilter(req, res);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(filter);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);   // before Spring Security (-100) and its CSRF check
        bean.addUrlPatterns("/*");
        return bean;
    }

    /**
     * The error page's and error JSON's message for an over-limit upload (413), in the user's language; other errors
     * keep Spring Boot's attributes.
     */
    @Bean
    DefaultErrorAttributes errorAttributes(MessageSource messages,
            @Value("${spring.servlet.multipart.max-file-size:64MB}") DataSize containerMax) {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> a = super.getErrorAttributes(request, options);
                Object status = a.get("status");
                if (status instanceof Integer s && s == HttpStatus.CONTENT_TOO_LARGE.value()) {
                    Object mb = request.getAttribute(EXCEEDED, RequestAttributes.SCOPE_REQUEST);
                    if (mb == null) mb = containerMax.toMegabytes();
                    a.put("message", messages.getMessage("error.upload-too-large", new Object[] {mb}, LocaleContextHolder.getLocale()));
                }
                return a;
            }
        };
    }

    /** The largest upload the container takes, for a {@link MaxUploadSizeExceededException} without a known limit. */
    static long megabytes(MaxUploadSizeExceededException e, long fallbackMb) {
        return e.getMaxUploadSize() > 0 ? DataSize.ofBytes(e.getMaxUploadSize()).toMegabytes() : fallbackMb;
    }
}
