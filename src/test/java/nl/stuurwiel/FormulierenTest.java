package nl.stuurwiel;

import static java.util.stream.Collectors.toCollection;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.stuurwiel.meetronde.MeetrondeProces;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces;
import nl.stuurwiel.review.ReviewOpenenDelegate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Camunda Forms in {@code forms/} against the models in {@code processes/} and the variable
 * names the delegates read: a form, a model or a delegate that drifts from the others fails here,
 * not in the Tasklist. Plain file parsing, no engine.
 */
class FormulierenTest {

    private static final Path FORMS = Path.of("forms");
    private static final Path PROCESSES = Path.of("processes");
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final int SCHEMA_VERSION = 16;

    /** form-js components that submit a value and therefore need a key. */
    private static final Set<String> INVOERTYPEN = Set.of("textfield", "textarea", "number", "datetime", "select",
            "radio", "checkbox", "checklist", "taglist");
    private static final Set<String> VRIJE_TEKST = Set.of("textfield", "textarea");
    /** Text fields that take codes, not prose, and so need no privacy warning. */
    private static final Set<String> CODEVELDEN = Set.of("team", "doelen");
    private static final String AVG_WAARSCHUWING = "Geen persoonsgegevens van inwoners";

    private static final Pattern BESLUIT_CONTROLE = Pattern
            .compile("besluiten\\.controleer\\(\\s*task\\s*,\\s*'(\\w+)'\\s*,\\s*'([^']*)'\\s*\\)");

    private static final String METINGEN = ReviewOpenenDelegate.METINGEN;

    /** The contract with the delegates: exactly these keys per form. */
    private static final Map<String, Set<String>> VELDEN = Map.ofEntries(
            Map.entry("opdracht-aanvragen", Set.of("titel", "vraagstuk", "verwachtResultaat", "beleidstheorie",
                    "type", "domein", "gebied", "opdrachtgever", "team", "doelen", Var.BUDGET, "fte", "startdatum",
                    "einddatum", "reviewFrequentie", "vertrouwelijk")),
            Map.entry("intake-beoordelen", Set.of(Var.INTAKE_BESLUIT, Var.URGENTIE, Var.RISICO,
                    Var.INTAKE_TOELICHTING)),
            Map.entry("aanvraag-aanvullen", Set.of("vraagstuk", "verwachtResultaat", "beleidstheorie",
                    "opdrachtgever", "doelen", Var.BUDGET, "fte", "startdatum", "einddatum", "reviewFrequentie")),
            Map.entry("mt-prioriteren", Set.of(Var.MT_BESLUIT, Var.MT_TOELICHTING)),
            Map.entry("opdracht-uitvoeren", Set.of("uitvoeringGereed")),
            Map.entry("voortgang-rapporteren", Set.of(Var.STATUS_KLEUR, ReviewOpenenDelegate.KLEUR_TOELICHTING,
                    Var.VOORTGANG, Var.BESTEED_BUDGET, Var.INGEZETTE_FTE, Var.RISICOS, Var.VOORSTEL,
                    METINGEN + ".naam", METINGEN + ".periode", METINGEN + ".vorigeWaarde", METINGEN + ".waarde",
                    METINGEN + ".verhaal", METINGEN + ".voorstel", METINGEN + ".toelichting")),
            Map.entry("meting-invoeren", Set.of(MeetrondeProces.Var.WAARDE, MeetrondeProces.Var.VERHAAL,
                    MeetrondeProces.Var.VOORSTEL, MeetrondeProces.Var.TOELICHTING)),
            Map.entry("review-beoordelen", Set.of(Var.REVIEW_BESLUIT, Var.REVIEW_TOELICHTING)),
            Map.entry("bijstelling-opstellen", Set.of(Var.NIEUW_BUDGET, Var.NIEUWE_FTE, Var.NIEUWE_EINDDATUM,
                    Var.NIEUWE_SCOPE, Var.BIJSTELLING_REDEN)),
            Map.entry("bijstelling-beoordelen", Set.of(Var.BIJSTELLING_BESLUIT, Var.BIJSTELLING_TOELICHTING)),
            Map.entry("einddatum-verstreken", Set.of(Var.EINDDATUM_BESLUIT, Var.NIEUWE_EINDDATUM,
                    Var.BIJSTELLING_REDEN)),
            Map.entry("eindevaluatie", Set.of(Var.DOELEN_BEREIKT, Var.IMPACT, Var.LESSEN)),
            Map.entry("halfjaarrapportage-toelichten", Set.copyOf(HalfjaarrapportageProces.Var.TOELICHTINGEN)),
            Map.entry("halfjaarrapportage-vaststellen", Set.of(HalfjaarrapportageProces.Var.VASTSTELLING_BESLUIT,
                    HalfjaarrapportageProces.Var.VASTSTELLING_TOELICHTING)));

    /** At most these are required on the start form; the rest may follow at intake ("Aanvraag aanvullen"). */
    private static final Set<String> VERPLICHT_IN_AANVRAAG = Set.of("titel", "vraagstuk", "verwachtResultaat",
            "type", "domein", "opdrachtgever", "team", "doelen");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFormRefResolvesToAFormWithThatIdAndSchemaVersion() {
        List<FormVerwijzing> verwijzingen = formVerwijzingen();
        assertThat(verwijzingen).as("formRefs in %s", PROCESSES).isNotEmpty();

        for (FormVerwijzing verwijzing : verwijzingen) {
            Path bestand = FORMS.resolve(verwijzing.formRef() + ".form");
            assertThat(bestand).as("%s of %s in %s", verwijzing.formRef(), verwijzing.elementId(),
                    verwijzing.model()).isRegularFile();
            JsonNode formulier = lees(bestand);
            assertThat(formulier.path("id").asText()).as("id of %s", bestand).isEqualTo(verwijzing.formRef());
            assertThat(formulier.path("schemaVersion").asInt()).as("schemaVersion of %s", bestand)
                    .isEqualTo(SCHEMA_VERSION);
            assertThat(formulier.path("type").asText()).as("type of %s", bestand).isEqualTo("default");
        }
    }

    @Test
    void everyFormIsReferencedByAModel() {
        Set<String> verwezen = formVerwijzingen().stream().map(FormVerwijzing::formRef).collect(toSet());

        assertThat(formulierIds()).as("forms that no model references").isSubsetOf(verwezen);
    }

    @Test
    void theContractCoversExactlyTheFormsOnDisk() {
        assertThat(formulierIds()).containsExactlyInAnyOrderElementsOf(VELDEN.keySet());
    }

    @ParameterizedTest
    @MethodSource("formulierIds")
    void componentIdsAreUniqueAndEveryInputHasAKey(String formulierId) {
        List<JsonNode> componenten = componenten(formulier(formulierId));

        List<String> ids = componenten.stream().map(c -> c.path("id").asText("")).toList();
        assertThat(ids).as("component ids of %s", formulierId).doesNotContain("").doesNotHaveDuplicates();
        for (JsonNode invoer : invoervelden(componenten)) {
            assertThat(invoer.path("key").asText("")).as("key of %s in %s", invoer.path("id").asText(), formulierId)
                    .isNotBlank();
        }
        assertThat(invoervelden(componenten).stream().map(FormulierenTest::sleutel).toList())
                .as("keys of %s", formulierId).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("formulierIds")
    void inputKeysAreWhatTheDelegatesRead(String formulierId) {
        assertThat(VELDEN).as("expected keys for %s", formulierId).containsKey(formulierId);
        Set<String> sleutels = invoervelden(componenten(formulier(formulierId))).stream()
                .map(FormulierenTest::sleutel).collect(toCollection(TreeSet::new));

        assertThat(sleutels).as("input keys of %s", formulierId)
                .containsExactlyInAnyOrderElementsOf(VELDEN.get(formulierId));
    }

    @ParameterizedTest
    @MethodSource("formulierIds")
    void freeTextFieldsWarnAgainstPersonalData(String formulierId) {
        for (JsonNode veld : invoervelden(componenten(formulier(formulierId)))) {
            // Read-only fields show what the server filled in; nobody types into them.
            if (VRIJE_TEKST.contains(veld.path("type").asText()) && !CODEVELDEN.contains(sleutel(veld))
                    && !veld.path("readonly").asBoolean()) {
                assertThat(veld.path("description").asText()).as("description of %s in %s", sleutel(veld),
                        formulierId).contains(AVG_WAARSCHUWING);
            }
        }
    }

    @Test
    void decisionRadiosOfferExactlyTheValuesTheModelAccepts() {
        List<FormVerwijzing> metControle = formVerwijzingen().stream().filter(v -> !v.besluiten().isEmpty())
                .toList();
        assertThat(metControle).as("user tasks with a besluiten.controleer listener").isNotEmpty();

        for (FormVerwijzing taak : metControle) {
            List<JsonNode> velden = invoervelden(componenten(formulier(taak.formRef())));
            for (Map.Entry<String, Set<String>> besluit : taak.besluiten().entrySet()) {
                JsonNode radio = velden.stream().filter(v -> besluit.getKey().equals(sleutel(v))).findFirst()
                        .orElse(null);
                assertThat(radio).as("field %s in %s (checked by %s)", besluit.getKey(), taak.formRef(),
                        taak.elementId()).isNotNull();
                assertThat(radio.path("validate").path("required").asBoolean())
                        .as("%s in %s is required", besluit.getKey(), taak.formRef()).isTrue();
                if (radio.path("type").asText().equals("checkbox")) {
                    // A confirmation: the model accepts only the ticked box.
                    assertThat(besluit.getValue()).as("values the model accepts for checkbox %s", besluit.getKey())
                            .containsExactly("true");
                    continue;
                }
                assertThat(radio.path("type").asText()).as("type of %s in %s", besluit.getKey(), taak.formRef())
                        .isEqualTo("radio");
                assertThat(waarden(radio)).as("values of %s in %s against %s", besluit.getKey(), taak.formRef(),
                        taak.elementId()).containsExactlyInAnyOrderElementsOf(besluit.getValue());
            }
        }
    }

    @Test
    void everyDecisionInAFormIsCheckedByItsTask() {
        for (FormVerwijzing taak : formVerwijzingen()) {
            for (JsonNode veld : invoervelden(componenten(formulier(taak.formRef())))) {
                if (sleutel(veld).endsWith("Besluit")) {
                    assertThat(taak.besluiten()).as("besluiten.controleer for %s on %s", sleutel(veld),
                            taak.elementId()).containsKey(sleutel(veld));
                }
            }
        }
    }

    @Test
    void theReviewFormProposesTheComputedColourAndListsThePrefilledMetingen() {
        List<JsonNode> componenten = componenten(formulier("voortgang-rapporteren"));
        JsonNode lijst = componenten.stream().filter(c -> c.path("type").asText().equals("dynamiclist")).findFirst()
                .orElseThrow();
        assertThat(lijst.path("path").asText()).isEqualTo(METINGEN);
        assertThat(lijst.path("allowAddRemove").asBoolean()).as("rows are the opdracht's indicators").isFalse();
        JsonNode reden = componenten.stream()
                .filter(c -> c.path("key").asText().equals(ReviewOpenenDelegate.KLEUR_TOELICHTING)).findFirst()
                .orElseThrow();
        assertThat(reden.path("conditional").path("hide").asText())
                .isEqualTo("=" + Var.STATUS_KLEUR + " = " + ReviewOpenenDelegate.BEREKENDE_KLEUR);
        assertThat(componenten.stream().map(c -> c.path("text").asText()))
                .anyMatch(t -> t.contains("{{" + ReviewOpenenDelegate.BEREKENDE_KLEUR + "}}"));
    }

    @Test
    void startFormRequiresOnlyTheCoreOfARequest() {
        Set<String> verplicht = invoervelden(componenten(formulier("opdracht-aanvragen"))).stream()
                .filter(v -> v.path("validate").path("required").asBoolean()).map(FormulierenTest::sleutel)
                .collect(toSet());

        assertThat(verplicht).as("required fields of the start form").isSubsetOf(VERPLICHT_IN_AANVRAAG);
    }

    // --- reading the files

    /** One element with a camunda:formRef, and the decisions its complete listeners check. */
    record FormVerwijzing(String model, String elementId, String formRef, Map<String, Set<String>> besluiten) {
    }

    static List<FormVerwijzing> formVerwijzingen() {
        List<FormVerwijzing> verwijzingen = new ArrayList<>();
        for (Path model : bestanden(PROCESSES, ".bpmn")) {
            NodeList elementen = parse(model).getElementsByTagNameNS("*", "*");
            for (int i = 0; i < elementen.getLength(); i++) {
                Element element = (Element) elementen.item(i);
                String formRef = element.getAttributeNS(CAMUNDA_NS, "formRef");
                if (!formRef.isEmpty()) {
                    verwijzingen.add(new FormVerwijzing(model.getFileName().toString(), element.getAttribute("id"),
                            formRef, besluitControles(element)));
                }
            }
        }
        return verwijzingen;
    }

    private static Map<String, Set<String>> besluitControles(Element taak) {
        Map<String, Set<String>> besluiten = new HashMap<>();
        NodeList listeners = taak.getElementsByTagNameNS(CAMUNDA_NS, "taskListener");
        for (int i = 0; i < listeners.getLength(); i++) {
            Matcher controle = BESLUIT_CONTROLE.matcher(((Element) listeners.item(i)).getAttribute("expression"));
            while (controle.find()) {
                besluiten.put(controle.group(1), Arrays.stream(controle.group(2).split(",")).map(String::strip)
                        .collect(toCollection(LinkedHashSet::new)));
            }
        }
        return besluiten;
    }

    static Stream<String> formulierIds() {
        return bestanden(FORMS, ".form").stream()
                .map(p -> p.getFileName().toString().replaceFirst("\\.form$", ""));
    }

    private static JsonNode formulier(String id) {
        return lees(FORMS.resolve(id + ".form"));
    }

    /**
     * All components, nested ones (groups, dynamic lists) included. The keys inside a dynamic
     * list are relative to each row; here they carry the list's path ({@code metingen.waarde}).
     */
    private static List<JsonNode> componenten(JsonNode houder) {
        return componenten(houder, "");
    }

    private static List<JsonNode> componenten(JsonNode houder, String voorvoegsel) {
        List<JsonNode> alle = new ArrayList<>();
        for (JsonNode component : houder.path("components")) {
            JsonNode gezien = component;
            if (!voorvoegsel.isEmpty() && component.hasNonNull("key")) {
                gezien = ((com.fasterxml.jackson.databind.node.ObjectNode) component.deepCopy())
                        .put("key", voorvoegsel + component.path("key").asText());
            }
            alle.add(gezien);
            String pad = component.path("path").asText("");
            alle.addAll(componenten(component, pad.isEmpty() ? voorvoegsel : voorvoegsel + pad + "."));
        }
        return alle;
    }

    private static List<JsonNode> invoervelden(List<JsonNode> componenten) {
        return componenten.stream().filter(c -> INVOERTYPEN.contains(c.path("type").asText())).toList();
    }

    private static String sleutel(JsonNode veld) {
        return veld.path("key").asText();
    }

    private static List<String> waarden(JsonNode keuzeveld) {
        List<String> waarden = new ArrayList<>();
        keuzeveld.path("values").forEach(w -> waarden.add(w.path("value").asText()));
        return waarden;
    }

    private static List<Path> bestanden(Path map, String extensie) {
        try (Stream<Path> paden = Files.list(map)) {
            return paden.filter(p -> p.getFileName().toString().endsWith(extensie)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode lees(Path bestand) {
        try {
            return JSON.readTree(bestand.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bestand, e);
        }
    }

    private static Document parse(Path model) {
        try (InputStream in = Files.newInputStream(model)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + model, e);
        }
    }
}
