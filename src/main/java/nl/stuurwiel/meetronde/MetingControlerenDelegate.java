package nl.stuurwiel.meetronde;

import static nl.stuurwiel.system.ProcesVariabelen.verplichteTekst;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meting;
import nl.stuurwiel.meetronde.MeetrondeProces.Var;
import nl.stuurwiel.system.Opmaak;
import nl.stuurwiel.system.Klok;

/**
 * The period is over. When its value was entered already (API, review) nobody needs a task;
 * otherwise the form gets the previous value and the task its due date: the period's end plus
 * the grace days of the data freshness overview, and never less than those days from now, so
 * that a round that starts late does not escalate at once.
 */
@Component
public class MetingControlerenDelegate implements JavaDelegate {

    private static final Opmaak OPMAAK = new Opmaak();

    private final IndicatorService indicatorService;
    private final int respijtDagen;

    public MetingControlerenDelegate(IndicatorService indicatorService,
            @Value("${stuurwiel.actualiteit.respijt-dagen:30}") int respijtDagen) {
        this.indicatorService = indicatorService;
        this.respijtDagen = respijtDagen;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long id = PeriodeBepalenDelegate.indicatorId(execution);
        Indicator indicator = indicatorService.indicator(id);
        LocalDate periode = LocalDate.parse(verplichteTekst(execution, Var.PERIODE));
        boolean aanwezig = !indicator.isActief() || indicatorService.actueleMeting(id, periode).isPresent();
        execution.setVariable(Var.METING_AANWEZIG, aanwezig);
        if (aanwezig) {
            return;
        }
        LocalDate einde = indicator.getMeetfrequentie().volgende(periode).plusDays(respijtDagen);
        LocalDate uiterlijk = Klok.vandaag().plusDays(respijtDagen);
        execution.setVariable(Var.VERVALDATUM, PeriodeBepalenDelegate.begin(einde.isAfter(uiterlijk) ? einde : uiterlijk));
        execution.setVariable(Var.VORIGE_WAARDE, vorige(indicatorService.actueleMetingen(id), periode, indicator));
    }

    /** "12,5 procent (2026 K2)", or a dash when nothing was measured before. */
    private static String vorige(List<Meting> metingen, LocalDate periode, Indicator indicator) {
        Meting vorige = null;
        for (Meting m : metingen) {
            if (m.getPeriode().isBefore(periode)) {
                vorige = m;
            }
        }
        if (vorige == null) {
            return indicator.getBasiswaarde() == null ? "–"
                    : OPMAAK.getal(indicator.getBasiswaarde()) + eenheid(indicator) + " (basiswaarde "
                            + OPMAAK.datum(indicator.getBasisdatum()) + ")";
        }
        return OPMAAK.getal(vorige.getWaarde()) + eenheid(indicator) + " ("
                + indicator.getMeetfrequentie().naam(vorige.getPeriode()) + ")";
    }

    private static String eenheid(Indicator indicator) {
        return indicator.getEenheid() == null ? "" : " " + indicator.getEenheid();
    }
}
