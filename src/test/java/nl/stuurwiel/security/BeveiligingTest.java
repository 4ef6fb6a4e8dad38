package nl.stuurwiel.security;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.WebSessie;
import nl.stuurwiel.StuurwielTest;

/** Over real HTTP, since the engine REST API and the webapps run in servlets of their own. */
@StuurwielTest
class BeveiligingTest {

    private static final String WACHTWOORD = "Webapp-Login-Test-1";

    @LocalServerPort
    int poort;
    @Value("${stuurwiel.beheerder.gebruiker}")
    String beheerder;
    @Value("${stuurwiel.beheerder.wachtwoord}")
    String wachtwoord;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;
    @Autowired
    BeheerderControle beheerderControle;
    @Autowired
    org.springframework.boot.actuate.health.HealthEndpointGroups gezondheid;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    private final CookieManager koekjes = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(koekjes).build();

    private HttpResponse<String> get(String pad, String... kopregels) throws Exception {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad)).GET();
        if (kopregels.length > 0) {
            verzoek.headers(kopregels);
        }
        return http.send(verzoek.build(), BodyHandlers.ofString());
    }

    private String basic(String gebruiker, String geheim) {
        return "Basic " + Base64.getEncoder().encodeToString((gebruiker + ":" + geheim).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nothingButHealthIsAnonymous() throws Exception {
        for (String pad : new String[] { "/api/opdrachten", "/api/opdrachten/OPD-2026-0001", "/api/teams",
                "/api/doelen", "/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/user",
                "/camunda/api/engine/engine/default/task", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
                "/actuator/env", "/actuator/info" }) {
            assertThat(get(pad).statusCode()).as(pad).isEqualTo(401);
        }
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/login").body()).as("single sign-on is off: the form alone")
                .contains("autofocus").doesNotContain("gemeente-account", "/oauth2/");
    }

    /** The load balancer's probe: open to it, and down with the database rather than hanging on it. */
    @Test
    void readinessIsAnonymousAndFollowsTheDatabaseWhileLivenessDoesNot() throws Exception {
        HttpResponse<String> gereed = get("/actuator/health/readiness");
        assertThat(gereed.statusCode()).isEqualTo(200);
        assertThat(gereed.body()).contains("\"UP\"");
        assertThat(gezondheid.get("readiness").isMember("db")).isTrue();
        assertThat(gezondheid.get("liveness").isMember("db")).isFalse();
    }

    /** Anyone can lock the administrator with wrong passwords; a restart lets them in again. */
    @Test
    void restartingUnlocksTheAdministratorThatFailedLoginsLockedForGood() {
        java.time.Instant nu = java.time.Instant.now();
        try {
            for (int poging = 1; poging <= 12; poging++) {
                // Past each login delay, so that every attempt counts up to the permanent lock.
                org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(nu.plusSeconds(120L * poging)));
                identityService.checkPassword(beheerder, "Fout-Wachtwoord-" + poging);
            }
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(nu.plusSeconds(7200)));
            assertThat(identityService.checkPassword(beheerder, wachtwoord)).as("locked for good").isFalse();

            beheerderControle.ontgrendelBeheerder(new org.camunda.bpm.spring.boot.starter.event.PostDeployEvent(engine));

            assertThat(identityService.checkPassword(beheerder, wachtwoord)).isTrue();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            identityService.unlockUser(beheerder);
        }
    }

    /** Behind the README's proxy, which ends TLS and says so in X-Forwarded-Proto. */
    @Test
    void behindATlsProxyTheSessionCookieIsSecureWithHstsAndHttpsAddresses() throws Exception {
        HttpClient zonderSessie = HttpClient.newHttpClient();
        URI dashboard = URI.create("http://localhost:" + poort + "/dashboard/");
        HttpResponse<String> direct = zonderSessie.send(HttpRequest.newBuilder(dashboard)
                .header("Accept", "text/html").build(), BodyHandlers.ofString());
        HttpResponse<String> viaProxy = zonderSessie.send(HttpRequest.newBuilder(dashboard)
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").build(), BodyHandlers.ofString());

        assertThat(direct.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("http://"));
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(viaProxy.statusCode()).isEqualTo(302);
        assertThat(viaProxy.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith("https://localhost").endsWith("/login"));
        assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(viaProxy.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(c -> assertThat(c).contains("; Secure"));
    }

    /**
     * An open session follows Camunda Admin: a removed membership takes its rights away, a removed
     * user is logged out, within the re-check interval (moved past here on the engine clock).
     */
    @Test
    void aRemovedMembershipOrUserTakesEffectInSessionsThatAreOpen() throws Exception {
        String id = "weg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        portfolio.gebruiker(id, WACHTWOORD, Rollen.BEHEERDER);
        WebSessie sessie = WebSessie.inloggen(poort, id, WACHTWOORD);
        assertThat(sessie.get("/api/audit?max=1").statusCode()).isEqualTo(200);
        assertThat(sessie.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
        // A session's request needs its CSRF token, whatever other Authorization header it carries.
        assertThat(sessie.postZonderToken("/api/teams", "{}", "Authorization", "Bearer x").statusCode()).isEqualTo(403);
        assertThat(sessie.postZonderToken("/api/teams", "{}").statusCode()).isEqualTo(403);
        String magGebruikersLezen = "/camunda/api/engine/engine/default/authorization/check?permissionName=READ"
                + "&resourceName=user&resourceType=1";
        assertThat(sessie.get(magGebruikersLezen).body()).contains("\"authorized\":true");
        try {
            identityService.deleteMembership(id, Rollen.BEHEERDER);
            assertThat(sessie.get("/api/audit?max=1").statusCode()).as("within the interval").isEqualTo(200);
            // A session that talks only to the webapps is checked as well.
            ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now()
                    .plus(CamundaIdentiteitFilter.HERBEVESTIGEN).plusSeconds(1)));
            assertThat(sessie.get(magGebruikersLezen).body()).as("no longer an administrator in the webapps")
                    .contains("\"authorized\":false");
            ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now()
                    .plus(CamundaIdentiteitFilter.HERBEVESTIGEN).plusSeconds(1)));
            assertThat(sessie.get("/api/audit?max=1").statusCode()).as("no longer an administrator").isEqualTo(403);
            assertThat(sessie.get("/api/opdrachten").statusCode()).as("still logged in").isEqualTo(200);

            identityService.deleteUser(id);
            ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now()
                    .plus(CamundaIdentiteitFilter.HERBEVESTIGEN.multipliedBy(3))));
            assertThat(sessie.get("/api/opdrachten").statusCode()).as("the session ended").isEqualTo(401);
            assertThat(sessie.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
        } finally {
            ClockUtil.reset();
        }
    }

    /** Accounts named as the directory names them: an e-mail address or UPN, not only letters and digits. */
    @Test
    void anEmailStyleUserIdLogsInToTheApiAndTheEngineRest() throws Exception {
        String id = "p.de-vries_" + UUID.randomUUID().toString().substring(0, 8) + "@gemeente.example";
        portfolio.gebruiker(id, "Sterk-Wachtwoord-7", Rollen.AANVRAGER);
        assertThat(get("/api/opdrachten", "Authorization", basic(id, "Sterk-Wachtwoord-7")).statusCode()).isEqualTo(200);
        HttpResponse<String> profiel = get("/engine-rest/user/" + id + "/profile", "Authorization",
                basic(id, "Sterk-Wachtwoord-7"));
        assertThat(profiel.statusCode()).isEqualTo(200);
        assertThat(profiel.body()).contains("\"id\":\"" + id + "\"");
        assertThat(get("/api/opdrachten", "Authorization", basic(id, "fout")).statusCode()).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> portfolio.gebruiker("punt.", "Sterk-Wachtwoord-7"))
                .as("ids still start and end with a letter or digit").hasMessageContaining("punt.");
    }

    @Test
    void engineRestTakesBasicAuthenticationFromTheIdentityService() throws Exception {
        HttpResponse<String> antwoord = get("/engine-rest/process-definition?key=opdracht-levenscyclus",
                "Authorization", basic(beheerder, wachtwoord));
        assertThat(antwoord.statusCode()).isEqualTo(200);
        assertThat(antwoord.body()).contains("\"key\":\"opdracht-levenscyclus\"");
    }

    /**
     * One login for the dashboard and the webapps: Tasklist, Cockpit and Admin send an anonymous
     * visitor to Stuurwiel's login, which throttles failed attempts, and take her back afterwards.
     */
    @Test
    void webappsRunOnStuurwielsLoginWithThrottling() throws Exception {
        assertThat(get("/").headers().firstValue("Location")).as("the server's address opens the dashboard")
                .get().asString().endsWith("/dashboard/");
        HttpResponse<String> anoniem = get("/camunda/app/tasklist/default/");
        assertThat(anoniem.statusCode()).isEqualTo(302);
        assertThat(anoniem.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort
                + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("username=" + beheerder + "&password=" + wachtwoord)).build(),
                BodyHandlers.ofString()).statusCode()).as("the webapps' own login form logs no one in").isEqualTo(401);

        String gebruiker = portfolio.gebruiker("webapp" + UUID.randomUUID().toString().substring(0, 8), WACHTWOORD,
                Rollen.INTAKE);
        assertThat(inloggen(gebruiker, "geheim-maar-fout")).endsWith("/login?error");
        assertThat(get("/login?error").body()).as("the name stays in the form; only the password is typed again")
                .contains("value=\"" + gebruiker + "\"");
        assertThat(get("/login").body()).as("once").doesNotContain("value=\"" + gebruiker + "\"");
        assertThat(inloggen(gebruiker, WACHTWOORD)).as("throttled right after a failed attempt").endsWith("/login?error");
        String terug;
        try {
            ClockUtil.offset(10_000L); // past the engine's login delay
            terug = inloggen(gebruiker, WACHTWOORD);
        } finally {
            ClockUtil.reset();
        }
        assertThat(terug).as("back to Tasklist, where she was going").contains("/camunda/app/tasklist/default/");

        HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("Content-Security-Policy")).get().asString()
                .as("the webapp's own policy, not a second one that would block its scripts")
                .contains("nonce-");
        assertThat(get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"" + gebruiker + "\"")
                .contains("tasklist");
        String xsrf = koekjes.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        assertThat(get("/camunda/api/engine/engine/default/process-definition/count", "X-XSRF-TOKEN", xsrf).body())
                .contains("count");
        for (String webapp : List.of("tasklist", "cockpit", "admin", "welcome")) {
            HttpResponse<String> script = get("/camunda/api/" + webapp + "/plugin/stuurwiel-login/static/app/plugin.js");
            assertThat(script.statusCode()).as(webapp).isEqualTo(200);
            assertThat(script.body()).as("%s's Log out goes to Stuurwiel's logout", webapp)
                    .contains("const UITLOGGEN = '/uitloggen';");
        }

        // Whatever still calls the webapps' own logout ends the whole session, not only their copy.
        HttpResponse<String> uit = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort
                + "/camunda/api/admin/auth/user/default/logout")).header("X-XSRF-TOKEN", xsrf)
                .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
        assertThat(uit.statusCode()).isLessThan(300);
        assertThat(get("/dashboard/", "Accept", "text/html").statusCode()).as("the dashboard's session ended too")
                .isEqualTo(302);
        assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
    }

    /** Camunda answers a user without the webapp's grant in English; the page says it in Dutch. */
    @Test
    void aWebappSheMayNotOpenSaysSoInDutch() throws Exception {
        String aanvrager = portfolio.gebruiker("zonderck" + UUID.randomUUID().toString().substring(0, 8), WACHTWOORD,
                Rollen.AANVRAGER);
        inloggen(aanvrager, WACHTWOORD);
        HttpResponse<String> cockpit = get("/camunda/app/cockpit/default/", "Accept", "text/html");
        assertThat(cockpit.statusCode()).isEqualTo(403);
        assertThat(cockpit.body()).contains("Geen toegang", "U heeft geen toegang tot Cockpit.", "Naar Tasklist")
                .doesNotContain("No access rights");
        assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

        String ontwerper = portfolio.gebruiker("zondertl" + UUID.randomUUID().toString().substring(0, 8), WACHTWOORD,
                Rollen.PROCESONTWERPER);
        inloggen(ontwerper, WACHTWOORD);
        HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", "Accept", "text/html");
        assertThat(tasklist.statusCode()).isEqualTo(403);
        assertThat(tasklist.body()).contains("U heeft geen toegang tot Tasklist.", "Naar het portfolio")
                .as("no link to the webapp that just refused her").doesNotContain("Naar Tasklist");
    }

    /** Logs in through the dashboard's login form; returns where it sends the browser next. */
    private String inloggen(String gebruiker, String geheim) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(get("/login").body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> antwoord = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("username=" + gebruiker + "&password="
                        + URLEncoder.encode(geheim, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
                .build(), BodyHandlers.ofString());
        assertThat(antwoord.statusCode()).isEqualTo(302);
        return antwoord.headers().firstValue("Location").orElseThrow();
    }

    /**
     * Camunda keeps the nonce of a page's Content-Security-Policy in the servlet context, shared by
     * all requests: a page served while another request passed the header filter carried the other
     * request's nonce, its scripts were blocked and Tasklist stayed a spinner. Many page loads at
     * once must each carry the nonce of their own policy.
     */
    @Test
    void everyWebappPageCarriesTheNonceOfItsOwnPolicy() throws Exception {
        inloggen(beheerder, wachtwoord);
        Pattern kop = Pattern.compile("'nonce-([^']+)'");
        Pattern pagina = Pattern.compile("nonce=\"([^\"]+)\"");
        ExecutorService gelijktijdig = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> uitkomsten = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String webapp = List.of("tasklist", "cockpit", "admin", "welcome").get(i % 4);
                uitkomsten.add(gelijktijdig.submit(() -> {
                    HttpResponse<String> antwoord = get("/camunda/app/" + webapp + "/default/");
                    assertThat(antwoord.statusCode()).as("%s: %s", webapp, antwoord.headers().map()).isEqualTo(200);
                    Matcher beleid = kop.matcher(
                            antwoord.headers().firstValue("Content-Security-Policy").orElseThrow());
                    Matcher script = pagina.matcher(antwoord.body());
                    assertThat(beleid.find()).as("%s's policy has a nonce", webapp).isTrue();
                    assertThat(script.find()).as("%s's scripts carry a nonce", webapp).isTrue();
                    return beleid.group(1).equals(script.group(1)) ? "" : webapp;
                }));
            }
            List<String> anders = new ArrayList<>();
            for (Future<String> uitkomst : uitkomsten) {
                String webapp = uitkomst.get();
                if (!webapp.isEmpty()) {
                    anders.add(webapp);
                }
            }
            assertThat(anders).as("pages whose scripts carry another request's nonce").isEmpty();
        } finally {
            gelijktijdig.shutdownNow();
        }
    }
}
