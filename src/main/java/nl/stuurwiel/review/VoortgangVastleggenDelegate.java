package nl.stuurwiel.review;

import static nl.stuurwiel.system.ProcesVariabelen.bedrag;
import static nl.stuurwiel.system.ProcesVariabelen.keuze;
import static nl.stuurwiel.system.ProcesVariabelen.tekst;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the team's progress report in the portfolio. */
@Component
public class VoortgangVastleggenDelegate implements JavaDelegate {

    private final ReviewService reviewService;
    private final HuidigeGebruiker gebruiker;

    public VoortgangVastleggenDelegate(ReviewService reviewService, HuidigeGebruiker gebruiker) {
        this.reviewService = reviewService;
        this.gebruiker = gebruiker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StatusKleur kleur = keuze(execution, Var.STATUS_KLEUR, StatusKleur.class);
        Voorstel voorstel = keuze(execution, Var.VOORSTEL, Voorstel.class);
        if (kleur == null || voorstel == null) {
            throw new OngeldigeInvoerException(kleur == null ? Var.STATUS_KLEUR : Var.VOORSTEL, "is verplicht");
        }
        reviewService.dienIn(verplichteTekst(execution, Var.OPDRACHT_KEY), rapportageNummer(execution), kleur,
                verplichteTekst(execution, Var.VOORTGANG), bedrag(execution, Var.BESTEED_BUDGET),
                bedrag(execution, Var.INGEZETTE_FTE), tekst(execution, Var.RISICOS), voorstel, gebruiker.id());
    }

    static int rapportageNummer(DelegateExecution execution) {
        return ((Number) execution.getVariable(ReviewOpenenDelegate.RAPPORTAGE_NUMMER)).intValue();
    }
}
