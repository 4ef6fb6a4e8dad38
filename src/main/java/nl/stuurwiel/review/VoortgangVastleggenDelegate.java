package nl.stuurwiel.review;

import static nl.stuurwiel.system.ProcesVariabelen.bedrag;
import static nl.stuurwiel.system.ProcesVariabelen.fte;
import static nl.stuurwiel.system.ProcesVariabelen.keuze;
import static nl.stuurwiel.system.ProcesVariabelen.tekst;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the team's progress report in the portfolio: first the metingen of the opdracht's own
 * indicators, then the report, then the colour. The computed colour is taken from the data as it
 * is now, the new metingen and the money just reported included; a team colour that differs
 * needs a kleurToelichting, unless it is the colour the form proposed before those. Any refusal
 * leaves everything as it was and names the fields.
 */
@Component
public class VoortgangVastleggenDelegate implements JavaDelegate {

    private final ReviewService reviewService;
    private final StatusKleurService statusKleurService;
    private final ReviewMetingen reviewMetingen;
    private final HuidigeGebruiker gebruiker;

    public VoortgangVastleggenDelegate(ReviewService reviewService, StatusKleurService statusKleurService,
            ReviewMetingen reviewMetingen, HuidigeGebruiker gebruiker) {
        this.reviewService = reviewService;
        this.statusKleurService = statusKleurService;
        this.reviewMetingen = reviewMetingen;
        this.gebruiker = gebruiker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StatusKleur kleur = keuze(execution, Var.STATUS_KLEUR, StatusKleur.class);
        Voorstel voorstel = keuze(execution, Var.VOORSTEL, Voorstel.class);
        if (kleur == null || voorstel == null) {
            throw new OngeldigeInvoerException(kleur == null ? Var.STATUS_KLEUR : Var.VOORSTEL, "is verplicht");
        }
        String sleutel = verplichteTekst(execution, Var.OPDRACHT_KEY);
        int nummer = rapportageNummer(execution);
        // The colour the form proposed: the data without what this report adds, taken here rather
        // than from a variable a client could overwrite.
        StatusKleur voorgesteld = statusKleurService.bepaal(statusKleurService.invoer(sleutel, Klok.vandaag()));
        Map<String, String> fouten = new LinkedHashMap<>();
        try {
            reviewMetingen.legVast(execution.getVariable(ReviewOpenenDelegate.METINGEN),
                    tekst(execution, ReviewOpenenDelegate.METINGEN_GEVRAAGD));
        } catch (OngeldigeInvoerException e) {
            fouten.putAll(e.getVelden());
        }
        BigDecimal besteed = gelezen(() -> bedrag(execution, Var.BESTEED_BUDGET), fouten);
        BigDecimal ingezet = gelezen(() -> fte(execution, Var.INGEZETTE_FTE), fouten);
        Opdracht opdracht = reviewService.dienIn(sleutel, nummer, kleur, verplichteTekst(execution, Var.VOORTGANG),
                besteed, ingezet, tekst(execution, Var.RISICOS), voorstel, gebruiker.id()).getOpdracht();
        // Against the plan, so that MT need not look the plan up to weigh the figures.
        Opmaak opmaak = new Opmaak();
        execution.setVariable(Var.BESTEED_BUDGET_TEKST,
                opmaak.euro(besteed) + " van " + opmaak.euro(opdracht.getBudget()));
        execution.setVariable(Var.INGEZETTE_FTE_TEKST,
                opmaak.getal(ingezet) + " van " + opmaak.getal(opdracht.getFte()));
        String toelichting = tekst(execution, ReviewOpenenDelegate.KLEUR_TOELICHTING);
        try {
            StatusKleur berekend = statusKleurService.legVast(sleutel, kleur, voorgesteld, toelichting, Klok.vandaag());
            reviewService.kleurVastgelegd(sleutel, nummer, berekend, toelichting);
        } catch (OngeldigeInvoerException e) {
            fouten.putAll(e.getVelden());
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
    }

    /** A field's value, or null with its error added, so that one answer names every wrong field. */
    private static <T> T gelezen(Supplier<T> lezen, Map<String, String> fouten) {
        try {
            return lezen.get();
        } catch (OngeldigeInvoerException e) {
            fouten.putAll(e.getVelden());
            return null;
        }
    }

    static int rapportageNummer(DelegateExecution execution) {
        return ((Number) execution.getVariable(ReviewOpenenDelegate.RAPPORTAGE_NUMMER)).intValue();
    }
}
