package nl.stuurwiel.opdracht;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.security.InstantieAutorisaties;
import nl.stuurwiel.system.HuidigeGebruiker;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the lifecycle of an opdracht that is already under way (imported from a spreadsheet)
 * at the step where its phase begins, instead of at the request. The step's own delegate sets
 * the phase and the variables its timers read, exactly as when the process arrives there
 * normally, so phase and process state agree and the review and end-date timers exist.
 */
@Component
public class LevenscyclusInstap {

    /** Phases an existing opdracht can enter with; the value is the step that begins the phase. */
    public static final Map<Fase, String> INSTAPPUNTEN;

    static {
        Map<Fase, String> punten = new LinkedHashMap<>();
        punten.put(Fase.INTAKE, Element.REGISTREREN);
        punten.put(Fase.PRIORITERING, Element.PRIORITERING_VOORBEREIDEN);
        punten.put(Fase.GEPARKEERD, Element.PARKEREN);
        punten.put(Fase.UITVOERING, Element.UITVOERING_STARTEN);
        INSTAPPUNTEN = java.util.Collections.unmodifiableMap(punten);
    }

    private final RuntimeService runtimeService;
    private final InstantieAutorisaties instantieAutorisaties;
    private final HuidigeGebruiker gebruiker;

    public LevenscyclusInstap(RuntimeService runtimeService, InstantieAutorisaties instantieAutorisaties,
            HuidigeGebruiker gebruiker) {
        this.runtimeService = runtimeService;
        this.instantieAutorisaties = instantieAutorisaties;
        this.gebruiker = gebruiker;
    }

    /** Must join the caller's transaction: an import that fails later must leave no instance behind. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ProcessInstance start(Opdracht opdracht, Fase fase, String aanvrager) {
        String element = INSTAPPUNTEN.get(fase);
        if (element == null) {
            throw new IllegalArgumentException("een opdracht kan niet instappen in fase " + fase);
        }
        Map<String, Object> variabelen = new LinkedHashMap<>(OpdrachtRegistrerenDelegate.kenmerken(opdracht));
        variabelen.put(Var.OPDRACHT_KEY, opdracht.getSleutel());
        variabelen.put(Var.AANVRAGER, aanvrager);
        if (fase == Fase.UITVOERING) {
            variabelen.put(Var.REVIEW_IN_STAP, true);
        }
        ProcessInstance instantie = runtimeService.createProcessInstanceByKey(LevenscyclusProces.PROCESS_ID)
                .businessKey(opdracht.getSleutel())
                .setVariables(variabelen)
                .startBeforeActivity(element)
                .execute();
        if (fase != Fase.INTAKE) {
            // Registration (which grants these) is skipped; the importer may not create authorizations.
            gebruiker.alsSysteem(() -> {
                instantieAutorisaties.naRegistratie(instantie.getId(), opdracht);
                return null;
            });
        }
        return instantie;
    }
}
