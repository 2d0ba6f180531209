package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** Which requests are answered by a page (the layout's model attributes are needed) and which by a body. */
class PageRequestsTest {

    @RestController
    static class Api {
        public String status() {
            return "{}";
        }
    }

    @Controller
    static class Pages {
        public String page() {
            return "register/list";
        }

        @ResponseBody
        public String fragment() {
            return "text";
        }
    }

    private static MockHttpServletRequest handledBy(Object bean, String method) throws Exception {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, new HandlerMethod(bean, bean.getClass().getMethod(method)));
        return r;
    }

    @Test
    void aRestControllerAndAResponseBodyMethodAnswerWithABodyAPageMethodDoesNot() throws Exception {
        assertThat(PageRequests.answersWithBody(handledBy(new Api(), "status"))).isTrue();
        assertThat(PageRequests.answersWithBody(handledBy(new Pages(), "fragment"))).isTrue();
        assertThat(PageRequests.answersWithBody(handledBy(new Pages(), "page"))).isFalse();
        // no handler chosen (an error page, a filter's answer): treated as a page, the layout gets its attributes
        assertThat(PageRequests.answersWithBody(new MockHttpServletRequest())).isFalse();
    }
}
