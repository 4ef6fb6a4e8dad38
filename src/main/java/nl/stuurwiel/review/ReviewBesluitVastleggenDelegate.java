package nl.stuurwiel.review;

import static nl.stuurwiel.system.ProcesVariabelen.besluit;
import static nl.stuurwiel.system.ProcesVariabelen.tekst;
import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import java.util.List;

import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.system.HuidigeGebruiker;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the manager's review decision; the report's figures now live in the portfolio only. */
@Component
public class ReviewBesluitVastleggenDelegate implements JavaDelegate {

    static final List<String> RAPPORT_VELDEN = List.of(Var.STATUS_KLEUR, Var.VOORTGANG, Var.BESTEED_BUDGET,
            Var.INGEZETTE_FTE, Var.RISICOS, Var.VOORSTEL, Var.REVIEW_TOELICHTING, ReviewOpenenDelegate.KLEUR_TOELICHTING);

    private final ReviewService reviewService;
    private final HuidigeGebruiker gebruiker;

    public ReviewBesluitVastleggenDelegate(ReviewService reviewService, HuidigeGebruiker gebruiker) {
        this.reviewService = reviewService;
        this.gebruiker = gebruiker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String besluit = besluit(execution, Var.REVIEW_BESLUIT, Besluit.DOORGAAN, Besluit.BIJSTUREN, Besluit.STOPPEN);
        reviewService.beoordeel(verplichteTekst(execution, Var.OPDRACHT_KEY),
                VoortgangVastleggenDelegate.rapportageNummer(execution), besluit,
                tekst(execution, Var.REVIEW_TOELICHTING), gebruiker.id());
        // Steering: MT's explanation is the team's instruction for its proposal, shown in that form.
        execution.removeVariables(besluit.equals(Besluit.BIJSTUREN)
                ? RAPPORT_VELDEN.stream().filter(veld -> !veld.equals(Var.REVIEW_TOELICHTING)).toList()
                : RAPPORT_VELDEN);
    }
}
