package nl.stuurwiel.domein;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.system.HuidigeGebruiker;

/**
 * The domains the Tasklist start form of the lifecycle offers. Tasklist gives a start form no
 * variables to fill a list from, so the form's list is fixed and a process designer keeps it; this
 * shows where it and the domain list have drifted apart.
 */
@Component
public class StartformulierDomeinen {

    /** Current domains the form does not offer, and values the form offers that are no current domain. */
    public record Verschil(List<String> ontbreekt, List<String> onbekend) {
    }

    private final RepositoryService repositoryService;
    private final FormService formService;
    private final DomeinService domeinService;
    private final HuidigeGebruiker gebruiker;
    private final ObjectMapper json;

    public StartformulierDomeinen(RepositoryService repositoryService, FormService formService,
            DomeinService domeinService, HuidigeGebruiker gebruiker, ObjectMapper json) {
        this.repositoryService = repositoryService;
        this.formService = formService;
        this.domeinService = domeinService;
        this.gebruiker = gebruiker;
        this.json = json;
    }

    /** Empty when the lifecycle is not deployed or its start form has no domain list. */
    public Optional<Verschil> verschil() {
        Optional<Set<String>> aangeboden = gebruiker.alsSysteem(this::waarden);
        return aangeboden.map(waarden -> {
            List<String> gangbaar = domeinService.gangbaar().stream().map(Domein::getCode).toList();
            return new Verschil(gangbaar.stream().filter(c -> !waarden.contains(c)).toList(),
                    waarden.stream().filter(w -> !gangbaar.contains(w)).toList());
        });
    }

    private Optional<Set<String>> waarden() {
        ProcessDefinition definitie = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(LevenscyclusProces.PROCESS_ID).latestVersion().singleResult();
        if (definitie == null) {
            return Optional.empty();
        }
        try (InputStream formulier = formService.getDeployedStartForm(definitie.getId())) {
            List<JsonNode> velden = new ArrayList<>();
            verzamel(json.readTree(formulier), velden);
            return velden.stream().filter(v -> "domein".equals(v.path("key").asText()) && v.has("values"))
                    .findFirst().map(v -> {
                        Set<String> waarden = new LinkedHashSet<>();
                        v.get("values").forEach(w -> waarden.add(w.path("value").asText()));
                        return waarden;
                    });
        } catch (IOException | RuntimeException e) {
            // A form the check cannot read is the designer's to fix; the page then shows no comparison.
            return Optional.empty();
        }
    }

    /** Fields may sit in groups: every component at any depth. */
    private static void verzamel(JsonNode knoop, List<JsonNode> velden) {
        knoop.path("components").forEach(c -> {
            velden.add(c);
            verzamel(c, velden);
        });
    }
}
