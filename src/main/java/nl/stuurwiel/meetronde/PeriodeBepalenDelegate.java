package nl.stuurwiel.meetronde;

import static nl.stuurwiel.system.ProcesVariabelen.tekst;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.indicator.Meting;
import nl.stuurwiel.meetronde.MeetrondeProces.Var;
import nl.stuurwiel.system.Klok;

/**
 * Which period the next round asks for, and when it is over. The first round continues after the
 * last measured period (or the baseline's), but never asks further back than the period before
 * the current one: the rounds keep the data fresh, they do not reconstruct old history. Later
 * rounds take the period after the previous one, in the indicator's current frequency.
 */
@Component
public class PeriodeBepalenDelegate implements JavaDelegate {

    private final IndicatorService indicatorService;

    public PeriodeBepalenDelegate(IndicatorService indicatorService) {
        this.indicatorService = indicatorService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long id = indicatorId(execution);
        Indicator indicator = indicatorService.indicator(id);
        Meetfrequentie frequentie = indicator.getMeetfrequentie();
        String vorige = tekst(execution, Var.PERIODE);
        LocalDate periode = vorige == null ? eerste(indicator, frequentie)
                : frequentie.volgende(frequentie.periodeVan(LocalDate.parse(vorige)));
        execution.setVariable(Var.PERIODE, periode.toString());
        execution.setVariable(Var.PERIODE_NAAM, frequentie.naam(periode));
        execution.setVariable(Var.PERIODE_EINDE, begin(frequentie.volgende(periode)));
    }

    private LocalDate eerste(Indicator indicator, Meetfrequentie frequentie) {
        LocalDate vroegste = frequentie.periodeVan(Klok.vandaag()).minusMonths(frequentie.maanden());
        List<Meting> metingen = indicatorService.actueleMetingen(indicator.getId());
        LocalDate na = !metingen.isEmpty() ? metingen.get(metingen.size() - 1).getPeriode()
                : indicator.getBasisdatum();
        if (na == null) {
            return frequentie.periodeVan(Klok.vandaag());
        }
        LocalDate periode = frequentie.volgende(frequentie.periodeVan(na));
        return periode.isBefore(vroegste) ? vroegste : periode;
    }

    static Long indicatorId(DelegateExecution execution) {
        return ((Number) execution.getVariable(Var.INDICATOR_ID)).longValue();
    }

    static Date begin(LocalDate dag) {
        return Date.from(dag.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
