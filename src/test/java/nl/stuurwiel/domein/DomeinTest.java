package nl.stuurwiel.domein;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/**
 * The municipality keeps its own policy domains: a new one is at once a choice for requests, the
 * filter and the import; a dissolved one keeps its opdrachten and is no choice for new ones.
 */
class DomeinTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Domein-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;

    String intake;
    String aanvrager;
    String code;

    @BeforeEach
    void gebruikers() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        intake = portfolio.gebruiker("dint" + id, WACHTWOORD, Rollen.INTAKE);
        aanvrager = portfolio.gebruiker("daan" + id, WACHTWOORD, Rollen.AANVRAGER);
        code = "zorg-" + id;
    }

    private ResultActions verstuur(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder verzoek,
            String gebruiker, String lichaam) throws Exception {
        if (lichaam != null) {
            verzoek.contentType(MediaType.APPLICATION_JSON).content(lichaam);
        }
        return mvc.perform(verzoek.with(httpBasic(gebruiker, WACHTWOORD)));
    }

    private ResultActions maak(String gebruiker, String code, String naam) throws Exception {
        return verstuur(post("/api/domeinen"), gebruiker, "{\"code\":" + json(code) + ",\"naam\":" + json(naam) + "}");
    }

    private static String json(String tekst) {
        return tekst == null ? "null" : "\"" + tekst + "\"";
    }

    private OpdrachtAanvraag aanvraagIn(String domein) {
        OpdrachtAanvraag v = portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel());
        return new OpdrachtAanvraag(v.titel(), v.vraagstuk(), v.verwachtResultaat(), v.beleidstheorie(), v.type(),
                domein, v.gebied(), v.opdrachtgever(), v.team(), v.doelen(), v.budget(), v.fte(), v.startdatum(),
                v.einddatum(), v.reviewFrequentie());
    }

    private long domeinen() {
        return jdbc.queryForObject("select count(*) from domein", Long.class);
    }

    @Test
    void theSevenDomainsOfEarlierVersionsAreThereAndEveryoneCanReadThem() throws Exception {
        verstuur(get("/api/domeinen"), aanvrager, null).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItems("sociaal", "fysiek", "economie", "onderwijs", "veiligheid",
                        "bedrijfsvoering", "dienstverlening")))
                .andExpect(jsonPath("$[?(@.code == 'sociaal')].naam").value(org.hamcrest.Matchers.contains("Sociaal")));
    }

    @Test
    void aNewDomainIsAChoiceForARequestByCodeOrName() throws Exception {
        maak(intake, code, "Zorg " + code).andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code)).andExpect(jsonPath("$.opdrachten").value(0));

        Team team = portfolio.team("3.0");
        String lichaam = """
                {"titel": "Mantelzorgondersteuning", "type": "project", "domein": "%s", "team": "%s"}
                """.formatted("ZORG " + code.toUpperCase(), team.getCode());
        verstuur(post("/api/opdrachten"), aanvrager, lichaam).andExpect(status().isCreated())
                .andExpect(jsonPath("$.domein").value(code));
        verstuur(get("/api/opdrachten").param("domein", code), intake, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.totaal").value(1))
                .andExpect(jsonPath("$.inhoud[0].titel").value("Mantelzorgondersteuning"));
        verstuur(get("/api/domeinen/{code}", code), intake, null).andExpect(jsonPath("$.opdrachten").value(1));
    }

    @Test
    void theDomainsTheTasklistStartFormLacksOrOffersInVainAreNamed() throws Exception {
        verstuur(get("/api/domeinen/startformulier"), intake, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.onbekend").isEmpty())
                .andExpect(jsonPath("$.ontbreekt", org.hamcrest.Matchers.not(hasItems("sociaal"))));
        maak(intake, code, "Zorg " + code).andExpect(status().isCreated());
        verstuur(post("/api/domeinen/{code}/opheffen", "veiligheid"), intake, null).andExpect(status().isOk());
        try {
            verstuur(get("/api/domeinen/startformulier"), intake, null).andExpect(status().isOk())
                    .andExpect(jsonPath("$.ontbreekt", hasItems(code)))
                    .andExpect(jsonPath("$.onbekend", org.hamcrest.Matchers.contains("veiligheid")));
        } finally {
            verstuur(post("/api/domeinen/{code}/herstellen", "veiligheid"), intake, null).andExpect(status().isOk());
        }
    }

    @Test
    void anUnknownDomainIsRefusedAtItsFieldWithTheChoices() throws Exception {
        Team team = portfolio.team("3.0");
        verstuur(post("/api/opdrachten"), aanvrager, """
                {"titel": "Onbekend", "type": "project", "domein": "zwemmen", "team": "%s"}
                """.formatted(team.getCode()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.domein").value(containsString("onbekend domein 'zwemmen'; kies uit: ")))
                .andExpect(jsonPath("$.velden.domein").value(containsString("sociaal")));
        // What the user typed is shown as typed, never evaluated by the validator's message templates.
        verstuur(post("/api/opdrachten"), aanvrager, """
                {"titel": "Sjabloon", "type": "project", "domein": "${7*7}{jakarta.validation.constraints.NotBlank.message}\\\\", "team": "%s"}
                """.formatted(team.getCode()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.domein").value(containsString("onbekend domein '${7*7}{jakarta.validation.constraints.NotBlank.message}\\'")));
        verstuur(get("/api/opdrachten").param("domein", "zwemmen"), intake, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.domein").value(containsString("onbekend domein")));
    }

    @Test
    void aDissolvedDomainKeepsItsOpdrachtenAndIsNoChoiceForNewOnes() throws Exception {
        maak(intake, code, "Zorg " + code).andExpect(status().isCreated());
        ProcessInstance eronder = vraagAan(aanvraagIn(code));
        ProcessInstance ander = vraagAan(aanvraagIn("sociaal"));

        verstuur(post("/api/domeinen/{code}/opheffen", code), intake, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.opgehevenOp").isNotEmpty());

        assertThat(opdracht(eronder).getDomein()).isEqualTo(code);
        assertThat(catchFout(() -> vraagAan(aanvraagIn(code)))).contains("domein " + code + " is opgeheven op");
        String gegevens = """
                {"titel": "Schoolverzuim terugdringen", "type": "interventie", "domein": "%s", "vertrouwelijk": false}
                """;
        verstuur(put("/api/opdrachten/{sleutel}/gegevens", eronder.getBusinessKey()), intake,
                gegevens.formatted(code)).andExpect(status().isOk());
        verstuur(put("/api/opdrachten/{sleutel}/gegevens", ander.getBusinessKey()), intake,
                gegevens.formatted(code)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.domein").value(containsString("is opgeheven")));
        assertThat(opdracht(ander).getDomein()).isEqualTo("sociaal");
        verstuur(get("/api/opdrachten").param("domein", code), intake, null).andExpect(jsonPath("$.totaal").value(1));

        verstuur(post("/api/domeinen/{code}/herstellen", code), intake, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.opgehevenOp").doesNotExist());
        assertThat(opdracht(vraagAan(aanvraagIn(code))).getDomein()).isEqualTo(code);
    }

    @Test
    void aRenameKeepsTheCode() throws Exception {
        maak(intake, code, "Zorg " + code).andExpect(status().isCreated());
        verstuur(put("/api/domeinen/{code}", code), intake, "{\"naam\": \"Zorg en welzijn " + code + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.naam").value("Zorg en welzijn " + code));
        verstuur(put("/api/domeinen/{code}", code), intake, "{\"code\": \"ander\", \"naam\": \"Zorg\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.code").value(containsString("blijft " + code)));
    }

    @Test
    void badDomainsAreRefusedAtTheirFieldAndChangeNothing() throws Exception {
        long voor = domeinen();
        maak(intake, "Zorg!", "Zorg").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.code").value(containsString("geen geldige code")));
        maak(intake, "sociaal", "Nog eens sociaal").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.code").value("domein sociaal bestaat al"));
        maak(intake, code, "Sociaal").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.naam").value("is al de naam of code van domein sociaal"));
        maak(intake, null, " ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.code").value("is verplicht"))
                .andExpect(jsonPath("$.velden.naam").value("is verplicht"));
        maak(intake, code, "x".repeat(101)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.naam").value("is langer dan 100 tekens"));
        maak(aanvrager, code, "Zorg").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.melding").value(containsString("domeinen beheren")));
        verstuur(post("/api/domeinen/{code}/opheffen", "sociaal"), aanvrager, null).andExpect(status().isForbidden());
        verstuur(post("/api/domeinen/{code}/opheffen", "bestaat-niet"), intake, null).andExpect(status().isNotFound());
        assertThat(domeinen()).isEqualTo(voor);
        assertThat(jdbc.queryForObject("select count(*) from domein where opgeheven_op is not null and code = 'sociaal'",
                Long.class)).isZero();
    }

    private static String catchFout(org.assertj.core.api.ThrowableAssert.ThrowingCallable stap) {
        return geweigerd(stap).getVelden().get("domein");
    }
}
