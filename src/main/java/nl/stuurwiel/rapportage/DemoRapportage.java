package nl.stuurwiel.rapportage;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Besluit;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Element;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Var;
import nl.stuurwiel.system.Klok;

/**
 * Demo profile only: one published report over the current half year, made after the demo
 * portfolio (demo/DemoData) through the real process by the demo users intake and mt.
 */
@Component
@Profile("demo")
public class DemoRapportage {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRapportage.class);

    private final RapportageService rapportageService;
    private final HalfjaarrapportageRepository rapportages;
    private final OpdrachtRepository opdrachten;
    private final IdentityService identityService;
    private final TaskService taskService;

    public DemoRapportage(RapportageService rapportageService, HalfjaarrapportageRepository rapportages,
            OpdrachtRepository opdrachten, IdentityService identityService, TaskService taskService) {
        this.rapportageService = rapportageService;
        this.rapportages = rapportages;
        this.opdrachten = opdrachten;
        this.identityService = identityService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void vulAlsLeeg() {
        if (rapportages.count() > 0 || opdrachten.count() == 0
                || identityService.createUserQuery().userId("intake").count() == 0) {
            return;
        }
        int half = Klok.vandaag().getMonthValue() <= 6 ? 1 : 2;
        Halfjaarrapportage rapportage = als("intake", List.of("intake"),
                () -> rapportageService.start(new PeriodeInvoer(null, null, Klok.vandaag().getYear(), half)));
        String sleutel = new Periode(rapportage.getPeriodeVan(), rapportage.getPeriodeTot()).sleutel();
        werk(sleutel, "intake", List.of("intake"), Element.TOELICHTING_SCHRIJVEN, Map.of(
                Var.TOELICHTING_ALGEMEEN, "Het portfolio loopt grotendeels volgens plan. Het MT heeft één opdracht "
                        + "gestopt en de middelen verschoven naar het werkfit-traject.",
                Var.TOELICHTING_TEAMS, "Team Wijk zit tegen zijn capaciteit aan; nieuwe opdrachten gaan eerst naar "
                        + "andere teams."));
        werk(sleutel, "mt", List.of("mt"), Element.RAPPORTAGE_VASTSTELLEN,
                Map.of(Var.VASTSTELLING_BESLUIT, Besluit.VASTSTELLEN));
        LOG.info("Demo: gepubliceerde rapportage '{}'", rapportage.getTitel());
    }

    private void werk(String sleutel, String gebruiker, List<String> groepen, String taakDefinitie,
            Map<String, Object> variabelen) {
        als(gebruiker, groepen, () -> {
            Task taak = taskService.createTaskQuery().processInstanceBusinessKey(sleutel)
                    .taskDefinitionKey(taakDefinitie).singleResult();
            taskService.claim(taak.getId(), gebruiker);
            taskService.complete(taak.getId(), variabelen);
            return null;
        });
    }

    private <T> T als(String gebruiker, List<String> groepen, java.util.function.Supplier<T> werk) {
        identityService.setAuthentication(gebruiker, groepen);
        try {
            return werk.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
