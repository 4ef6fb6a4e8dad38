package nl.stuurwiel.opdracht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.security.Rollen;

/**
 * The portfolio office corrects an opdracht's description: the fields, Tasklist's title and the
 * process designers' grants follow; bad input, a stale version and an ended opdracht change nothing.
 */
class OpdrachtGegevensTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Gegevens-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    IdentityService identityService;

    String intake;
    String ontwerper;

    @BeforeEach
    void gebruikers() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        intake = portfolio.gebruiker("gint" + id, WACHTWOORD, Rollen.INTAKE);
        ontwerper = portfolio.gebruiker("gontw" + id, WACHTWOORD, Rollen.PROCESONTWERPER);
    }

    private ResultActions wijzig(ProcessInstance pi, String lichaam) throws Exception {
        return mvc.perform(put("/api/opdrachten/{sleutel}/gegevens", pi.getBusinessKey())
                .contentType(MediaType.APPLICATION_JSON).content(lichaam).with(httpBasic(intake, WACHTWOORD)));
    }

    private static String gegevens(String titel, String gebied, boolean vertrouwelijk, Long wijzigingsnummer) {
        return """
                {"titel": %s, "vraagstuk": "Te veel thuiszitters", "verwachtResultaat": "Minder thuiszitters",
                 "beleidstheorie": null, "type": "programma", "domein": "onderwijs", "gebied": %s,
                 "opdrachtgever": "Directeur Onderwijs", "vertrouwelijk": %s, "wijzigingsnummer": %s}
                """.formatted(titel == null ? "null" : "\"" + titel + "\"", gebied == null ? "null" : "\"" + gebied + "\"",
                vertrouwelijk, wijzigingsnummer);
    }

    private long ontwerperMagLezen(ProcessInstance pi) {
        identityService.setAuthentication(ontwerper, List.of(Rollen.PROCESONTWERPER));
        try {
            return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()
                    + historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void theDescriptionTasklistsTitleAndTheAuditTrailFollow() throws Exception {
        ProcessInstance pi = inUitvoering();
        long gezien = opdracht(pi).getWijzigingsnummer();

        wijzig(pi, gegevens("Thuiszitters terug naar school", " noord ", false, gezien)).andExpect(status().isOk())
                .andExpect(jsonPath("$.titel").value("Thuiszitters terug naar school"))
                .andExpect(jsonPath("$.type").value("programma"))
                .andExpect(jsonPath("$.gebied").value("noord"))
                .andExpect(jsonPath("$.beleidstheorie").doesNotExist())
                .andExpect(jsonPath("$.wijzigingsnummer").value((int) gezien + 1));

        Opdracht na = opdracht(pi);
        assertThat(na.getTitel()).isEqualTo("Thuiszitters terug naar school");
        assertThat(na.getDomein()).isEqualTo("onderwijs");
        assertThat(na.getOpdrachtgever()).isEqualTo("Directeur Onderwijs");
        assertThat(na.getBeleidstheorie()).as("an empty text clears the field").isNull();
        assertThat(variabele(pi, Var.OPDRACHT_TITEL)).as("what Tasklist shows").isEqualTo("Thuiszitters terug naar school");
        assertThat(jdbc.queryForObject("""
                select count(*) from opdracht_aud a join revinfo r on r.rev = a.rev
                where a.sleutel = ? and a.titel = ? and r.gebruiker = ?
                """, Long.class, pi.getBusinessKey(), "Thuiszitters terug naar school", intake)).isEqualTo(1);
        // Money, people and dates are not part of it: they change through an adjustment.
        assertThat(na.getBudget()).isEqualByComparingTo("40000.00");
        assertThat(na.getGebied()).as("the same gebied, its spelling corrected").isEqualTo("noord");
    }

    @Test
    void aConfidentialOpdrachtIsHiddenFromProcessDesignersAndShownAgainWhenItIsNoLonger() throws Exception {
        ProcessInstance pi = inUitvoering();
        assertThat(ontwerperMagLezen(pi)).as("instance and its history").isEqualTo(2);

        wijzig(pi, gegevens("Huisbezoeken", null, true, null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.vertrouwelijk").value(true));
        assertThat(ontwerperMagLezen(pi)).isZero();
        assertThat(authorizationService.createAuthorizationQuery().resourceId(pi.getId())
                .groupIdIn(Rollen.PROCESONTWERPER).count()).isZero();

        wijzig(pi, gegevens("Huisbezoeken", null, false, null)).andExpect(status().isOk());
        assertThat(ontwerperMagLezen(pi)).isEqualTo(2);
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(pi.getId()).groupIdIn(Rollen.PROCESONTWERPER).count()).isEqualTo(1);
    }

    @Test
    void badInputAStaleVersionAndAnEndedOpdrachtChangeNothing() throws Exception {
        ProcessInstance pi = inUitvoering();
        Map<String, Object> vooraf = rij(pi);

        wijzig(pi, """
                {"titel": " ", "type": "weet-niet", "domein": "onderwijs", "vertrouwelijk": false}
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.type", containsString("'weet-niet' kan niet; kies uit interventie")));
        wijzig(pi, """
                {"titel": " ", "type": null, "domein": "onderwijs"}
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.titel").value("is verplicht"))
                .andExpect(jsonPath("$.velden.type").value("is verplicht"))
                .andExpect(jsonPath("$.velden.vertrouwelijk").value("is verplicht: ja of nee"));
        wijzig(pi, gegevens("x".repeat(201), null, false, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.titel").value("is langer dan 200 tekens"));
        wijzig(pi, gegevens("Nieuwe titel", null, false, opdracht(pi).getWijzigingsnummer() - 1)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.melding", containsString("intussen gewijzigd")));
        assertThat(rij(pi)).as("nothing changed").isEqualTo(vooraf);

        ProcessInstance afgewezen = vraagAan(portfolio.volledigeAanvraag(portfolio.team("2.0"), portfolio.doel()));
        rond(afgewezen, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AFWIJZEN, Var.INTAKE_TOELICHTING,
                "Past niet in het programma");
        Map<String, Object> afgewezenVooraf = rij(afgewezen);
        wijzig(afgewezen, gegevens("Toch anders", null, false, null)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.melding", containsString("is afgewezen")));
        assertThat(rij(afgewezen)).isEqualTo(afgewezenVooraf);
    }
}
