package vn.hoctap.platform.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import vn.hoctap.platform.PageRequests;

/**
 * What every page's layout needs: the links that switch language on the current page (not computed for an API answer,
 * which has no layout: {@link PageRequests}).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    @ModelAttribute("langViUrl")
    String langViUrl(HttpServletRequest request) {
        return PageRequests.answersWithBody(request) ? null : withLang(request, "vi");
    }

    @ModelAttribute("langEnUrl")
    String langEnUrl(HttpServletRequest request) {
        return PageRequests.answersWithBody(request) ? null : withLang(request, "en");
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String withLang(HttpServletRequest request, String lang) {
        String query = request.getQueryString();
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(request.getRequestURI());
        if (query != null) {
            b.query(query);
        }
        return b.replaceQueryParam("lang", lang).build().toUriString();
    }
}
