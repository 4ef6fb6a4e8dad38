package nl.stuurwiel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import nl.stuurwiel.Browser;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Single sign-on switched on against a real OpenID Connect provider running in the test
 * (mock-oauth2-server: discovery, authorization code flow, signed ID tokens, as Keycloak or Entra
 * ID serve them): browsers are sent to the provider and come back logged in, the token's groups
 * become Camunda groups, and HTTP Basic keeps working for API clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stuurwiel.sso.enabled=true",
        "stuurwiel.sso.groepen.gemeente-mt=mt",
        "stuurwiel.sso.groepen.gemeente-intake=intake",
        "spring.security.oauth2.client.registration.stuurwiel.client-id=stuurwiel",
        "spring.security.oauth2.client.registration.stuurwiel.client-secret=geheim",
        "spring.security.oauth2.client.registration.stuurwiel.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.stuurwiel.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.registration.stuurwiel.scope=openid,profile",
        "spring.security.oauth2.client.provider.stuurwiel.user-name-attribute=preferred_username" })
class SsoTest {

    private static final MockOAuth2Server IDP = new MockOAuth2Server();

    static {
        IDP.start(0);
    }

    /** The provider is found through its discovery document, as in production. */
    @DynamicPropertySource
    static void identiteitsprovider(DynamicPropertyRegistry instellingen) {
        instellingen.add("spring.security.oauth2.client.provider.stuurwiel.issuer-uri",
                () -> IDP.issuerUrl("gemeente").toString());
    }

    @AfterAll
    static void stopIdp() {
        IDP.shutdown();
    }

    @LocalServerPort
    int poort;
    @Value("${stuurwiel.beheerder.gebruiker}")
    String beheerder;
    @Value("${stuurwiel.beheerder.wachtwoord}")
    String wachtwoord;
    @Autowired
    SsoGebruikers ssoGebruikers;
    @Autowired
    IdentityService identityService;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void wis() {
        SecurityContextHolder.clearContext();
    }

    private HttpResponse<String> get(String pad, String... kopregels) throws Exception {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad)).GET();
        if (kopregels.length > 0) {
            verzoek.headers(kopregels);
        }
        return http.send(verzoek.build(), BodyHandlers.ofString());
    }

    @Test
    void browsersAreSentToTheIdentityProvider() throws Exception {
        HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).get().asString()
                .endsWith("/oauth2/authorization/stuurwiel");
        HttpResponse<String> dashboard = get("/dashboard/");
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location")).get().asString()
                .endsWith("/oauth2/authorization/stuurwiel");
        HttpResponse<String> login = get("/login?logout");
        assertThat(login.body()).as("after logging out, the way back is the provider")
                .contains("href=\"/oauth2/authorization/stuurwiel\"", "Inloggen met uw gemeente-account")
                .doesNotContain("autofocus");
        HttpResponse<String> naarIdp = get("/oauth2/authorization/stuurwiel");
        assertThat(naarIdp.statusCode()).isEqualTo(302);
        assertThat(naarIdp.headers().firstValue("Location")).get().asString()
                .startsWith(IDP.issuerUrl("gemeente").toString()).contains("client_id=stuurwiel")
                .contains("response_type=code");
    }

    @Test
    void aFullLoginAtTheProviderOpensDashboardAndWebappsWithTheTokensGroups() throws Exception {
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback("gemeente", "sub-ssobakker", "JWT", List.of("stuurwiel"),
                Map.of("preferred_username", "Bea.Bakker@Gemeente.example", "groups", List.of("gemeente-mt"), "email",
                        "ssobakker@gemeente.example", "given_name", "Bea", "family_name", "Bakker"), 300));
        // Cookies by hand: java.net.CookieManager does not keep cookies for a host without a dot.
        Map<String, String> koekjes = new java.util.LinkedHashMap<>();
        List<String> bezocht = new java.util.ArrayList<>();
        URI adres = URI.create("http://localhost:" + poort + "/dashboard/");
        HttpResponse<String> antwoord = volgDoorverwijzingen(adres, koekjes, bezocht);
        adres = antwoord.uri();

        assertThat(bezocht).as("dashboard → login → provider → callback → dashboard").anySatisfy(
                b -> assertThat(b).startsWith(IDP.issuerUrl("gemeente").toString()));
        assertThat(antwoord.statusCode()).as("ended at %s", adres).isEqualTo(200);
        assertThat(adres.getPath()).as("went %s", bezocht).isEqualTo("/dashboard/");
        assertThat(antwoord.body()).as("an e-mail-style id, in lower case").contains("bea.bakker@gemeente.example");
        assertThat(groepen("bea.bakker@gemeente.example")).containsExactly("mt");
        assertThat(bezoek(URI.create("http://localhost:" + poort + "/camunda/app/cockpit/default/"), koekjes)
                .statusCode()).as("Cockpit opens without a second login").isEqualTo(200);
        HttpResponse<String> cockpit = bezoek(
                URI.create("http://localhost:" + poort + "/camunda/api/admin/auth/user/default"), koekjes);
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).contains("\"userId\":\"bea.bakker@gemeente.example\"").as("MT opens Cockpit").contains("\"cockpit\"");

        for (String webapp : List.of("tasklist", "cockpit", "admin", "welcome")) {
            HttpResponse<String> script = bezoek(URI.create("http://localhost:" + poort + "/camunda/api/" + webapp
                    + "/plugin/stuurwiel-login/static/app/plugin.js"), koekjes);
            assertThat(script.statusCode()).as(webapp).isEqualTo(200);
            assertThat(script.body()).as("%s's Log out goes to Stuurwiel's logout", webapp)
                    .contains("const UITLOGGEN = '/uitloggen';");
        }
        HttpResponse<String> uitlogpagina = bezoek(URI.create("http://localhost:" + poort + "/uitloggen"), koekjes);
        assertThat(uitlogpagina.statusCode()).isEqualTo(200);
        assertThat(uitlogpagina.body()).contains("action=\"/logout\"", "name=\"_csrf\"",
                "uw sessie bij het inlogsysteem van de gemeente");

        // Uitloggen ends the session at the provider too, so a shared PC does not log her straight back in.
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(antwoord.body());
        assertThat(csrf.find()).as("the dashboard's logout form carries a CSRF token").isTrue();
        HttpResponse<String> uit = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/logout"))
                .header("Cookie", koekjesKop(koekjes))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf.group(1),
                        StandardCharsets.UTF_8))).build(), BodyHandlers.ofString());
        assertThat(uit.statusCode()).isEqualTo(302);
        String naarProvider = java.net.URLDecoder.decode(uit.headers().firstValue("Location").orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(naarProvider).startsWith(IDP.endSessionEndpointUrl("gemeente").toString()).contains("id_token_hint=")
                .contains("post_logout_redirect_uri=http://localhost:" + poort + "/login?logout");
        assertThat(bezoek(URI.create("http://localhost:" + poort + "/dashboard/"), koekjes).statusCode())
                .as("the session is gone").isEqualTo(302);
    }

    /**
     * Tasklist's own "Log out" only drops the webapp's copy of the login; the next request then
     * logged the user straight back in from the Spring session. The plugin sends it to Stuurwiel's
     * logout instead, which ends the session here and at the provider, in a real browser.
     */
    @Test
    void logOutInTasklistEndsTheSessionHereAndAtTheProvider() throws Exception {
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback("gemeente", "sub-ssotasklist", "JWT", List.of("stuurwiel"),
                Map.of("preferred_username", "ssotasklist", "groups", List.of("gemeente-intake"), "given_name", "Tim",
                        "family_name", "Taak"), 300));
        String app = "http://localhost:" + poort;
        try (Browser browser = Browser.start()) {
            browser.stappen("sso-tasklist-uitloggen", () -> {
                browser.driver.get(app + "/camunda/app/tasklist/default/");
                browser.wacht.until(urlContains("/camunda/app/tasklist/"));
                browser.wacht.until(elementToBeClickable(By.cssSelector("li.account > a")));

                // The webapp's own login form cannot log anyone in here: the page goes through Stuurwiel's login.
                browser.driver.get(app + "/camunda/app/tasklist/default/#/login");
                browser.wacht.until(d -> !d.getCurrentUrl().contains("#/login"));
                browser.wacht.until(elementToBeClickable(By.cssSelector("li.account > a"))).click();
                browser.wacht.until(elementToBeClickable(By.cssSelector("li.account li.logout a"))).click();

                browser.wacht.until(urlContains("/login?logout"));
                browser.foto("sso-tasklist-uitgelogd");
                assertThat(browser.driver.findElement(By.linkText("Inloggen met uw gemeente-account")).getAttribute("href"))
                        .endsWith("/oauth2/authorization/stuurwiel");
                assertThat(browser.toegankelijkheidsfouten()).as("WCAG 2.1 AA, the login page with single sign-on").isEmpty();
                assertThat(browser.driver.findElement(By.cssSelector("[role=status]")).getText())
                        .isEqualTo("U bent uitgelogd.");
                browser.driver.get(app + "/camunda/api/admin/auth/user/default");
                assertThat(browser.driver.findElement(By.tagName("body")).getText())
                        .as("the webapps no longer know her").contains("\"status\":401");
            });
        }
        assertThat(eindeSessieVerzoek().getRequestUrl().queryParameter("id_token_hint"))
                .as("the provider ended its session too").isNotBlank();
    }

    private static okhttp3.mockwebserver.RecordedRequest eindeSessieVerzoek() {
        for (okhttp3.mockwebserver.RecordedRequest verzoek = IDP.takeRequest(); verzoek != null;
                verzoek = IDP.takeRequest()) {
            if (verzoek.getRequestUrl().encodedPath().endsWith("/endsession")) {
                return verzoek;
            }
        }
        throw new AssertionError("the browser never reached the provider's end-session endpoint");
    }

    /** The webapps' own logout call, made directly, ends the Spring session too. */
    @Test
    void theWebappsOwnLogoutCallEndsTheSessionToo() throws Exception {
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback("gemeente", "sub-ssoxhr", "JWT", List.of("stuurwiel"),
                Map.of("preferred_username", "ssoxhr", "groups", List.of("gemeente-mt")), 300));
        Map<String, String> koekjes = new java.util.LinkedHashMap<>();
        volgDoorverwijzingen(URI.create("http://localhost:" + poort + "/camunda/app/cockpit/default/"), koekjes,
                new java.util.ArrayList<>());
        URI gebruiker = URI.create("http://localhost:" + poort + "/camunda/api/admin/auth/user/default");
        assertThat(bezoek(gebruiker, koekjes).statusCode()).as("logged in").isEqualTo(200);
        assertThat(koekjes).containsKey("XSRF-TOKEN");

        assertThat(http.send(HttpRequest.newBuilder(URI.create(gebruiker + "/logout"))
                .header("Cookie", koekjesKop(koekjes)).header("X-XSRF-TOKEN", koekjes.get("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(bezoek(gebruiker, koekjes).statusCode()).as("the Spring session ended with it").isEqualTo(401);
    }

    /** Follows the app's and the provider's redirects as a browser does, keeping the app's cookies. */
    private HttpResponse<String> volgDoorverwijzingen(URI adres, Map<String, String> koekjes, List<String> bezocht)
            throws Exception {
        HttpResponse<String> antwoord = bezoek(adres, koekjes);
        for (int stap = 0; stap < 10 && antwoord.statusCode() == 302; stap++) {
            adres = adres.resolve(antwoord.headers().firstValue("Location").orElseThrow());
            bezocht.add(adres.toString());
            antwoord = bezoek(adres, koekjes);
        }
        return antwoord;
    }

    private static String koekjesKop(Map<String, String> koekjes) {
        return koekjes.entrySet().stream().map(k -> k.getKey() + "=" + k.getValue())
                .reduce((x, y) -> x + "; " + y).orElseThrow();
    }

    /** One browser request; the app's cookies are kept, the provider's are not needed. */
    private HttpResponse<String> bezoek(URI adres, Map<String, String> koekjes) throws Exception {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(adres).GET();
        boolean app = adres.getPort() == poort;
        if (app && !koekjes.isEmpty()) {
            verzoek.header("Cookie", koekjesKop(koekjes));
        }
        HttpResponse<String> antwoord = http.send(verzoek.build(), BodyHandlers.ofString());
        if (app) {
            for (String koekje : antwoord.headers().allValues("Set-Cookie")) {
                String paar = koekje.split(";", 2)[0];
                koekjes.put(paar.substring(0, paar.indexOf('=')), paar.substring(paar.indexOf('=') + 1));
            }
        }
        return antwoord;
    }

    /** A callback the app did not ask for (an expired or forged login) is refused with a message of its own. */
    @Test
    void aFailedSingleSignOnSaysSoOnTheLoginPage() throws Exception {
        HttpResponse<String> terug = get("/login/oauth2/code/stuurwiel?code=verzonnen&state=onbekend");
        assertThat(terug.statusCode()).isEqualTo(302);
        assertThat(terug.headers().firstValue("Location")).get().asString().endsWith("/login?ssofout");
        assertThat(get("/login?ssofout").body())
                .contains("Inloggen via het inlogsysteem van de gemeente is niet gelukt")
                .doesNotContain("Onjuiste gebruikersnaam");
    }

    @Test
    void apiClientsStillGet401OrUseBasic() throws Exception {
        assertThat(get("/api/opdrachten").statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
        assertThat(get("/camunda/api/tasklist/plugin/stuurwiel-login/static/app/plugin.js").statusCode()).isEqualTo(401);
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((beheerder + ":" + wachtwoord).getBytes(StandardCharsets.UTF_8));
        assertThat(get("/api/opdrachten", "Authorization", basic).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenGroupsBecomeCamundaGroupsAndTheUserIsProvisioned() {
        OidcUser gebruiker = ssoGebruikers.verwerk(token("ssojanssen", List.of("gemeente-mt", "iets-anders")), null);
        assertThat(gebruiker.getName()).isEqualTo("ssojanssen");
        assertThat(gebruiker.getAuthorities()).extracting(Object::toString).containsExactly("GROEP_mt");
        assertThat(identityService.createUserQuery().userId("ssojanssen").singleResult().getEmail())
                .isEqualTo("ssojanssen@gemeente.example");
        assertThat(groepen("ssojanssen")).containsExactly("mt");

        ssoGebruikers.verwerk(token("ssojanssen", List.of("gemeente-intake")), null);
        assertThat(groepen("ssojanssen")).as("memberships follow the token").containsExactly("intake");

        Map<String, Object> getrouwd = new java.util.HashMap<>(token("ssojanssen", List.of("gemeente-intake")).getClaims());
        getrouwd.put("family_name", "De Vries-Janssen");
        getrouwd.put("email", "j.devries@gemeente.example");
        getrouwd.remove("given_name");
        ssoGebruikers.verwerk(idToken(getrouwd), null);
        User nu = identityService.createUserQuery().userId("ssojanssen").singleResult();
        assertThat(nu.getLastName()).as("the profile follows the token").isEqualTo("De Vries-Janssen");
        assertThat(nu.getEmail()).isEqualTo("j.devries@gemeente.example");
        assertThat(nu.getFirstName()).as("a claim left out keeps what Camunda has").isEqualTo("Jan");

        getrouwd.put("email", "x".repeat(300) + "@gemeente.example");
        OidcUser toch = ssoGebruikers.verwerk(idToken(getrouwd), null);
        assertThat(toch.getName()).as("a profile Camunda cannot store does not refuse the login").isEqualTo("ssojanssen");
        assertThat(identityService.createUserQuery().userId("ssojanssen").singleResult().getEmail())
                .isEqualTo("j.devries@gemeente.example");

        assertThatThrownBy(() -> ssoGebruikers.verwerk(token(null, List.of()), null))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    /**
     * Entra ID sends only the full name unless optional claims are set up; a token without any
     * name still gives the webapps something to show instead of "null null".
     */
    @Test
    void aTokenWithOnlyAFullNameOrNoNameStillNamesTheUser() {
        ssoGebruikers.verwerk(idToken(new java.util.HashMap<>(Map.of("sub", "sub-ssodevries", "preferred_username",
                "ssodevries2", "groups", List.of("gemeente-intake"), "name", "Jan de Vries"))), null);
        User jan = identityService.createUserQuery().userId("ssodevries2").singleResult();
        assertThat(jan.getFirstName()).isEqualTo("Jan");
        assertThat(jan.getLastName()).as("the tussenvoegsel stays with the surname").isEqualTo("de Vries");

        ssoGebruikers.verwerk(idToken(new java.util.HashMap<>(Map.of("sub", "sub-ssonaamloos", "preferred_username",
                "ssonaamloos", "groups", List.of("gemeente-intake")))), null);
        User naamloos = identityService.createUserQuery().userId("ssonaamloos").singleResult();
        assertThat(naamloos.getFirstName() + " " + naamloos.getLastName()).as("what Tasklist shows")
                .isEqualTo("ssonaamloos ");
    }

    /** The engine's password policy refuses a password holding the user's name, in any case. */
    @Test
    void usersWithShortNamesAreProvisionedAtEveryFirstLogin() {
        for (int i = 0; i < 30; i++) {
            String gebruiker = "ssokort" + i;
            Map<String, Object> claims = new java.util.HashMap<>(Map.of("sub", "sub-" + gebruiker, "preferred_username",
                    gebruiker, "groups", List.of("gemeente-intake"), "given_name", "A", "family_name", "Ed"));
            ssoGebruikers.verwerk(idToken(claims), null);
            assertThat(identityService.createUserQuery().userId(gebruiker).singleResult().getFirstName()).isEqualTo("A");
            assertThat(groepen(gebruiker)).containsExactly("intake");
        }
    }

    @Test
    void webappsTakeUserAndGroupsFromTheSpringLogin() {
        OidcUser gebruiker = ssoGebruikers.verwerk(token("ssodevries", List.of("gemeente-intake")), null);
        SecurityContextHolder.getContext()
                .setAuthentication(new OAuth2AuthenticationToken(gebruiker, gebruiker.getAuthorities(), "stuurwiel"));
        AuthenticationResult resultaat = new WebappAuthenticatie().extractAuthenticatedUser(null, null);
        assertThat(resultaat.isAuthenticated()).isTrue();
        assertThat(resultaat.getAuthenticatedUser()).isEqualTo("ssodevries");
        assertThat(resultaat.getGroups()).containsExactly("intake");

        SecurityContextHolder.clearContext();
        assertThat(new WebappAuthenticatie().extractAuthenticatedUser(null, null).isAuthenticated()).isFalse();
    }

    private List<String> groepen(String gebruiker) {
        return identityService.createGroupQuery().groupMember(gebruiker).list().stream().map(Group::getId).toList();
    }

    private static OidcIdToken token(String gebruiker, List<String> groepen) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("sub", "sub-" + gebruiker, "iss",
                "https://sso.gemeente.example", "groups", groepen, "given_name", "Jan", "family_name", "Janssen"));
        if (gebruiker != null) {
            claims.put("preferred_username", gebruiker);
            claims.put("email", gebruiker + "@gemeente.example");
        }
        return idToken(claims);
    }

    private static OidcIdToken idToken(Map<String, Object> claims) {
        return new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(300), claims);
    }
}
