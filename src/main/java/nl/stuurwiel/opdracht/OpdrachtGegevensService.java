package nl.stuurwiel.opdracht;

import static nl.stuurwiel.opdracht.OpdrachtWeergave.woord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.domein.DomeinService;
import nl.stuurwiel.security.Bewerkrechten;
import nl.stuurwiel.security.InstantieAutorisaties;
import nl.stuurwiel.system.ConflictException;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.OngeldigeInvoerException;

/**
 * Corrects an opdracht's description after its request: a title with a typo, the wrong gebied or
 * domain, a confidentiality that was forgotten. The audit trail keeps every earlier version. What
 * Tasklist shows (the title) and who may read the process in Cockpit follow in the same transaction.
 */
@Service
@Transactional
public class OpdrachtGegevensService {

    private final OpdrachtService opdrachtService;
    private final Validator validator;
    private final RuntimeService runtimeService;
    private final InstantieAutorisaties instantieAutorisaties;
    private final Bewerkrechten rechten;
    private final HuidigeGebruiker gebruiker;
    private final DomeinService domeinService;

    public OpdrachtGegevensService(OpdrachtService opdrachtService, Validator validator, RuntimeService runtimeService,
            InstantieAutorisaties instantieAutorisaties, Bewerkrechten rechten, HuidigeGebruiker gebruiker,
            DomeinService domeinService) {
        this.domeinService = domeinService;
        this.opdrachtService = opdrachtService;
        this.validator = validator;
        this.runtimeService = runtimeService;
        this.instantieAutorisaties = instantieAutorisaties;
        this.rechten = rechten;
        this.gebruiker = gebruiker;
    }

    public Opdracht wijzig(String sleutel, OpdrachtGegevens gegevens) {
        rechten.controleerPortfoliobeheer("de gegevens van een opdracht wijzigen");
        if (gegevens == null) {
            throw new OngeldigeInvoerException("gegevens", "is leeg");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        for (ConstraintViolation<OpdrachtGegevens> f : validator.validate(gegevens)) {
            fouten.merge(f.getPropertyPath().toString(), f.getMessage(), (a, b) -> a + "; " + b);
        }
        // The opdracht may keep a domain that was dissolved since; it cannot move to one.
        String domein = domeinService.fout(gegevens.domein(), opdrachtService.opdracht(sleutel).getDomein());
        if (domein != null) {
            fouten.putIfAbsent("domein", domein);
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        Opdracht opdracht = opdrachtService.voorWijziging(sleutel);
        if (opdracht.getFase().isEindfase()) {
            throw new ConflictException("Opdracht " + sleutel + " is " + woord(opdracht.getFase())
                    + "; haar gegevens liggen vast zoals ze waren");
        }
        if (gegevens.wijzigingsnummer() != null && gegevens.wijzigingsnummer() != opdracht.getWijzigingsnummer()) {
            throw new ConflictException("Iemand anders heeft " + sleutel + " intussen gewijzigd; laad de opdracht "
                    + "opnieuw en breng uw wijziging daarna aan");
        }
        boolean wasVertrouwelijk = opdracht.isVertrouwelijk();
        String titel = gegevens.titel().strip();
        opdracht.setTitel(titel);
        opdracht.setVraagstuk(tekst(gegevens.vraagstuk()));
        opdracht.setVerwachtResultaat(tekst(gegevens.verwachtResultaat()));
        opdracht.setBeleidstheorie(tekst(gegevens.beleidstheorie()));
        opdracht.setType(gegevens.type());
        opdracht.setDomein(domeinService.code(gegevens.domein()));
        opdracht.setOpdrachtgever(tekst(gegevens.opdrachtgever()));
        // The same gebied in another case is a correction of its spelling; another gebied takes the
        // spelling the portfolio already uses, as a new request does.
        boolean zelfdeGebied = Objects.equals(Gebiedsnamen.sleutel(gegevens.gebied()),
                Gebiedsnamen.sleutel(opdracht.getGebied()));
        opdracht.setGebied(zelfdeGebied ? tekst(gegevens.gebied()) : opdrachtService.spelling(gegevens.gebied()));
        opdracht.setVertrouwelijk(gegevens.vertrouwelijk());

        // Neither MT nor the portfolio office may write variables or grants in Camunda itself.
        gebruiker.alsSysteem(() -> {
            ProcessInstance proces = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sleutel)
                    .processDefinitionKey(LevenscyclusProces.PROCESS_ID).singleResult();
            if (proces != null) {
                runtimeService.setVariable(proces.getId(), Var.OPDRACHT_TITEL, titel);
                if (wasVertrouwelijk != opdracht.isVertrouwelijk()) {
                    instantieAutorisaties.vertrouwelijkheidGewijzigd(proces.getId(), opdracht.isVertrouwelijk());
                }
            }
            return null;
        });
        return opdracht;
    }

    private static String tekst(String waarde) {
        return waarde == null || waarde.isBlank() ? null : waarde.strip();
    }
}
