package nl.stuurwiel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DemoNogNietKlaarTest {

    private final DemoNogNietKlaar filter = new DemoNogNietKlaar();

    /** The answer, and whether the request went on to the application. */
    private record Uitkomst(MockHttpServletResponse antwoord, boolean doorgegeven) {
    }

    private Uitkomst verzoek(String pad, String accept) throws Exception {
        MockHttpServletRequest verzoek = new MockHttpServletRequest("GET", pad);
        if (accept != null) {
            verzoek.addHeader("Accept", accept);
        }
        MockHttpServletResponse antwoord = new MockHttpServletResponse();
        MockFilterChain keten = new MockFilterChain();
        filter.doFilter(verzoek, antwoord, keten);
        return new Uitkomst(antwoord, keten.getRequest() != null);
    }

    @Test
    void untilTheDemoDataIsInPlaceBrowsersAndApiClientsAreAskedToComeBack() throws Exception {
        Uitkomst eerst = verzoek("/dashboard/", "text/html,application/xhtml+xml");
        assertThat(eerst.doorgegeven()).isFalse();
        MockHttpServletResponse pagina = eerst.antwoord();
        assertThat(pagina.getStatus()).isEqualTo(503);
        assertThat(pagina.getHeader("Retry-After")).isEqualTo("3");
        assertThat(pagina.getContentAsString()).contains("http-equiv=\"refresh\"", "demogegevens");

        MockHttpServletResponse api = verzoek("/api/opdrachten", "application/json").antwoord();
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentType()).startsWith("application/json");
        assertThat(api.getContentAsString()).contains("\"status\":503", "demogegevens");

        assertThat(verzoek("/actuator/health/readiness", null).doorgegeven()).as("the probe still answers").isTrue();
    }

    @Test
    void onceTheDataIsThereEveryRequestPasses() throws Exception {
        filter.demoIsKlaar();
        assertThat(verzoek("/dashboard/", "text/html").doorgegeven()).isTrue();
        assertThat(verzoek("/api/opdrachten", "application/json").doorgegeven()).isTrue();
    }
}
