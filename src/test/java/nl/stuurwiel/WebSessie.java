package nl.stuurwiel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session without the browser: logged in through Stuurwiel's login form, sending what
 * Tasklist sends to the webapps' engine API, with Camunda's CSRF token from its cookie.
 */
public final class WebSessie {

    private final String basis;
    private final CookieManager koekjes = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(koekjes).build();

    private WebSessie(int poort) {
        this.basis = "http://localhost:" + poort;
    }

    public static WebSessie inloggen(int poort, String gebruiker, String wachtwoord) throws Exception {
        WebSessie sessie = new WebSessie(poort);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(sessie.get("/login").body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> antwoord = sessie.http.send(HttpRequest.newBuilder(URI.create(sessie.basis + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("username=" + URLEncoder.encode(gebruiker, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(wachtwoord, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
                .build(), BodyHandlers.ofString());
        assertThat(antwoord.headers().firstValue("Location")).as("logged in").get().asString()
                .doesNotContain("error");
        return sessie;
    }

    public HttpResponse<String> get(String pad) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(basis + pad)).GET().build(), BodyHandlers.ofString());
    }

    /** A JSON post with the session's cookie but no CSRF token, and the given headers. */
    public HttpResponse<String> postZonderToken(String pad, String json, String... kopregels) throws Exception {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create(basis + pad))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json));
        if (kopregels.length > 0) {
            verzoek.headers(kopregels);
        }
        return http.send(verzoek.build(), BodyHandlers.ofString());
    }

    /** A JSON post to a webapp's API, as its pages send it. */
    public HttpResponse<String> webappPost(String pad, String json) throws Exception {
        get("/camunda/api/engine/engine/default/process-definition/count");
        String xsrf = koekjes.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        return http.send(HttpRequest.newBuilder(URI.create(basis + pad)).header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build(),
                BodyHandlers.ofString());
    }
}
