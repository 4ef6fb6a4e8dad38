package nl.stuurwiel.rapportage;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Var;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;
import nl.stuurwiel.system.ProcesVariabelen;

/**
 * Compiles the snapshot. Started by hand the period comes with the start message; the
 * timer start brings none and reports the half year that just ended.
 */
@Component
public class MomentopnameSamenstellenDelegate implements JavaDelegate {

    private final RapportageService rapportageService;
    private final HuidigeGebruiker gebruiker;

    public MomentopnameSamenstellenDelegate(RapportageService rapportageService, HuidigeGebruiker gebruiker) {
        this.rapportageService = rapportageService;
        this.gebruiker = gebruiker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate van = ProcesVariabelen.datum(execution, Var.VAN);
        LocalDate tot = ProcesVariabelen.datum(execution, Var.TOT);
        boolean handmatig = van != null || tot != null;
        Periode periode;
        if (handmatig) {
            periode = RapportageService.periode(new PeriodeInvoer(van, tot, null, null));
        } else {
            periode = Periode.vorigHalfjaar(Klok.vandaag());
        }
        Halfjaarrapportage rapportage = rapportageService.stelSamen(periode, handmatig, gebruiker.id(),
                execution.getProcessInstanceId());
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(periode.sleutel());
        }
        Momentopname.Middelen totaal = rapportageService.momentopname(rapportage.getId()).totaal();
        execution.setVariable(Var.VAN, periode.van().toString());
        execution.setVariable(Var.TOT, periode.tot().toString());
        execution.setVariable(Var.RAPPORTAGE_ID, rapportage.getId());
        execution.setVariable(Var.RAPPORTAGE_TITEL, rapportage.getTitel());
        Opmaak opmaak = new Opmaak();
        execution.setVariable(Var.PERIODE_TEKST, opmaak.datum(periode.van()) + " t/m " + opmaak.datum(periode.tot()));
        execution.setVariable(Var.KERNCIJFERS, totaal.aantal() + " opdrachten, budget " + opmaak.euro(totaal.budget())
                + ", besteed " + opmaak.euro(totaal.besteed()) + ", " + opmaak.getal(totaal.fte()) + " fte gepland, "
                + opmaak.getal(totaal.ingezetteFte()) + " fte ingezet");
    }

    static Long rapportageId(DelegateExecution execution) {
        Object id = execution.getVariable(Var.RAPPORTAGE_ID);
        if (!(id instanceof Number nummer)) {
            throw new OngeldigeInvoerException(Var.RAPPORTAGE_ID, "ontbreekt");
        }
        return nummer.longValue();
    }
}
