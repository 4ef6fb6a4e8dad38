package nl.stuurwiel.meetronde;

import static nl.stuurwiel.system.ProcesVariabelen.tekst;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.MetingInvoer;
import nl.stuurwiel.meetronde.MeetrondeProces.Var;
import nl.stuurwiel.system.OngeldigeInvoerException;

/**
 * Stores the value from the form as a meting, through the same rules as the API; a refusal
 * rolls the task completion back and names the field. The same value again changes nothing.
 */
@Component
public class MetingVastleggenDelegate implements JavaDelegate {

    static final List<String> FORMULIER_VELDEN = List.of(Var.WAARDE, Var.TOELICHTING, Var.VERHAAL, Var.VOORSTEL);

    private final IndicatorService indicatorService;

    public MetingVastleggenDelegate(IndicatorService indicatorService) {
        this.indicatorService = indicatorService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MetingInvoer invoer = new MetingInvoer(tekst(execution, Var.PERIODE), getal(execution.getVariable(Var.WAARDE),
                Var.WAARDE), tekst(execution, Var.TOELICHTING), tekst(execution, Var.VERHAAL),
                tekst(execution, Var.VOORSTEL));
        indicatorService.meetTenzijGelijk(PeriodeBepalenDelegate.indicatorId(execution), invoer);
        execution.removeVariables(FORMULIER_VELDEN);
    }

    /** A number as a form or API client sends it: a JSON number or its text. */
    public static BigDecimal getal(Object waarde, String veld) {
        if (waarde == null || waarde.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(waarde.toString().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new OngeldigeInvoerException(veld, "is geen getal: '" + waarde + "'");
        }
    }
}
