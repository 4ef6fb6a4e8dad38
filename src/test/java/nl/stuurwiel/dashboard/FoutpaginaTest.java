package nl.stuurwiel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.security.Rollen;

/**
 * A browser that opens a page it may not see, or one that does not exist, gets a page in Dutch
 * with the reason and a way back; API clients keep their JSON. Over real HTTP, since the error
 * page for an unknown address is rendered after the servlet container's forward to /error.
 */
@StuurwielTest
class FoutpaginaTest {

    private static final String WACHTWOORD = "Foutpagina-Test-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    IdentityService identityService;

    private final HttpClient http = HttpClient.newHttpClient();
    private String aanvrager;

    @BeforeEach
    void gebruiker() {
        aanvrager = portfolio.gebruiker("fout" + UUID.randomUUID().toString().substring(0, 8), WACHTWOORD,
                Rollen.AANVRAGER);
    }

    private HttpResponse<String> get(String pad, String accept) throws Exception {
        String basic = Base64.getEncoder().encodeToString((aanvrager + ":" + WACHTWOORD).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .header("Authorization", "Basic " + basic).header("Accept", accept).GET().build(), BodyHandlers.ofString());
    }

    @Test
    void browsersGetTheStuurwielErrorPageInDutch() throws Exception {
        HttpResponse<String> onbekend = get("/dashboard/bestaat-niet", "text/html");
        assertThat(onbekend.statusCode()).isEqualTo(404);
        assertThat(onbekend.body()).contains("Niet gevonden", "Het adres klopt niet", "Naar het portfolio").doesNotContain("Whitelabel");

        HttpResponse<String> importeren = get("/dashboard/import", "text/html");
        assertThat(importeren.statusCode()).isEqualTo(403);
        assertThat(importeren.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(importeren.body()).contains("Geen toegang: alleen het portfoliobureau (intake) en beheerders "
                + "importeren een portfolio.");

        HttpResponse<String> doel = get("/dashboard/doel/BESTAAT-NIET", "text/html");
        assertThat(doel.statusCode()).isEqualTo(404);
        assertThat(doel.body()).contains("Doel BESTAAT-NIET bestaat niet");

        HttpResponse<String> opdracht = get("/dashboard/opdracht/OPD-1900-0001", "text/html");
        assertThat(opdracht.statusCode()).isEqualTo(404);
        assertThat(opdracht.body()).contains("Opdracht OPD-1900-0001 bestaat niet of is niet zichtbaar voor u.");
    }

    /** A form sent after the session ended, or with a token of another session. */
    @Test
    void aFormWithoutAValidTokenLeadsToTheLoginOrTheErrorPage() throws Exception {
        HttpRequest.Builder importeren = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/dashboard/import"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("team=x"));
        HttpResponse<String> anoniem = http.send(importeren.build(), BodyHandlers.ofString());
        assertThat(anoniem.statusCode()).isEqualTo(302);
        assertThat(anoniem.headers().firstValue("Location")).get().asString().endsWith("/login");

        HttpResponse<String> loginpagina = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort
                + "/login")).GET().build(), BodyHandlers.ofString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(loginpagina.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/login"))
                .header("Cookie", sessie(loginpagina)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + aanvrager + "&password=" + WACHTWOORD
                        + "&_csrf=" + token.group(1))).build(), BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/dashboard/");

        HttpResponse<String> verlopen = http.send(importeren.header("Cookie", sessie(login)).build(), BodyHandlers.ofString());
        assertThat(verlopen.statusCode()).isEqualTo(403);
        assertThat(verlopen.body()).contains("Dit formulier is verlopen. Laad de pagina opnieuw");
    }

    private static String sessie(HttpResponse<String> antwoord) {
        return antwoord.headers().allValues("Set-Cookie").stream().filter(k -> k.startsWith("JSESSIONID="))
                .map(k -> k.split(";", 2)[0]).findFirst().orElseThrow();
    }

    @Test
    void theHeaderNamesTheUserAsCamundaKnowsHer() throws Exception {
        User zonderNaam = identityService.createUserQuery().userId(aanvrager).singleResult();
        zonderNaam.setFirstName(null);
        zonderNaam.setLastName(null);
        identityService.saveUser(zonderNaam);
        assertThat(get("/dashboard/", "text/html").body()).as("no name in the profile: the id")
                .contains("title=\"" + aanvrager + "\">" + aanvrager + "</span>");
        User profiel = identityService.createUserQuery().userId(aanvrager).singleResult();
        profiel.setFirstName("Fatima");
        profiel.setLastName("el Amrani");
        identityService.saveUser(profiel);
        assertThat(get("/dashboard/", "text/html").body())
                .contains("title=\"" + aanvrager + "\">Fatima el Amrani</span>");
        assertThat(get("/uitloggen", "text/html").body()).contains("<strong>Fatima el Amrani</strong>");
    }

    @Test
    void apiClientsKeepTheirJson() throws Exception {
        HttpResponse<String> opdracht = get("/api/opdrachten/OPD-1900-0001", "application/json");
        assertThat(opdracht.statusCode()).isEqualTo(404);
        assertThat(opdracht.body()).contains("\"melding\":\"Opdracht OPD-1900-0001 bestaat niet\"");
        HttpResponse<String> onbekend = get("/api/bestaat-niet", "application/json");
        assertThat(onbekend.statusCode()).isEqualTo(404);
        assertThat(onbekend.body()).startsWith("{").doesNotContain("<html");
    }
}
