package nl.stuurwiel.review;

import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import java.util.Locale;
import java.util.Optional;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * A review period begins. The report number is kept local to this review's scope, so that two
 * overlapping reviews of one opdracht never write into each other's report. So are what the form
 * proposes: the colour status-kleur.dmn computes from the data (also preselected as the team's
 * colour) and the metingen of the opdracht's own indicators, prefilled (a Json variable that
 * Tasklist shows as a dynamic list).
 */
@Component
public class ReviewOpenenDelegate implements JavaDelegate {

    public static final String RAPPORTAGE_NUMMER = "rapportageNummer";
    /** The colour the decision computes when the review opens: the form's proposal. */
    public static final String BEREKENDE_KLEUR = "berekendeKleur";
    /** Last report's money and people against the plan, shown above the form's fields (text). */
    public static final String STAND = "vorigeStand";
    /** The team's reason for a colour other than the computed one. */
    public static final String KLEUR_TOELICHTING = "kleurToelichting";
    /** The rows of metingen the form shows and submits (Json). */
    public static final String METINGEN = "metingen";
    /** Which indicator and period each row stands for, kept out of the form (JSON text). */
    public static final String METINGEN_GEVRAAGD = "metingenGevraagd";

    private final ReviewService reviewService;

    public ReviewOpenenDelegate(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<ReviewService.Geopend> geopend = reviewService.open(verplichteTekst(execution, Var.OPDRACHT_KEY));
        execution.setVariableLocal(RAPPORTAGE_NUMMER, geopend.map(ReviewService.Geopend::volgnummer)
                .orElse(ReviewService.GEEN_REVIEW));
        if (geopend.isEmpty()) {
            return;
        }
        String kleur = geopend.get().berekendeKleur().name().toLowerCase(Locale.ROOT);
        execution.setVariableLocal(BEREKENDE_KLEUR, kleur);
        execution.setVariableLocal(Var.STATUS_KLEUR, kleur);
        execution.setVariableLocal(STAND, geopend.get().stand());
        // Present (empty) in this scope, so that the submitted reason stays with this review.
        execution.setVariableLocal(KLEUR_TOELICHTING, null);
        ReviewMetingen.Formulier formulier = geopend.get().formulier();
        execution.setVariableLocal(METINGEN, SpinValues.jsonValue(formulier.regels().toString()).create());
        execution.setVariableLocal(METINGEN_GEVRAAGD, formulier.vragen());
    }
}
