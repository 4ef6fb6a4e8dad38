package nl.stuurwiel.system;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stuurwiel.security.Rollen;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks a new deployment for what the engine accepts but cannot run, so that a process designer
 * hears it when she deploys instead of a user when she works the task:
 * <ul>
 * <li>a form or decision bound to the deployment ({@code formRefBinding="deployment"}) must be in
 * it: Camunda Modeler deploys only the open file, after which every new intake showed an empty
 * "Formulierfout" and no opdracht could be prioritised;</li>
 * <li>a delegate expression {@code ${naam}} must name a bean of the application, and a Java class
 * must exist: a typo otherwise fails at the step, for the user who completes the task before it;</li>
 * <li>a fixed candidate group must exist ("Intake" instead of "intake" gave tasks nobody saw).</li>
 * </ul>
 * A deployment with such faults is refused as a whole with a 400 naming each model and each fault.
 * Deployments already made (loaded again after a restart) are not judged again.
 */
@Component
public class ModelControle extends AbstractProcessEnginePlugin implements Deployer {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
    private static final Pattern DEPLOYMENT_FORMULIER = Pattern.compile("^camunda-forms:deployment:(.+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContext context;

    public ModelControle(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuratie) {
        List<Deployer> voor = configuratie.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuratie.getCustomPreDeployers());
        voor.add(this);
        configuratie.setCustomPreDeployers(voor);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, ResourceEntity> bronnen = deployment.getResources();
        Set<String> formulieren = new HashSet<>();
        Set<String> beslissingen = new HashSet<>();
        bronnen.forEach((naam, bron) -> {
            if (naam.endsWith(".form")) {
                formulierId(bron).ifPresent(formulieren::add);
            } else if (naam.endsWith(".dmn") || naam.endsWith(".dmn11.xml")) {
                NodeList beslissing = xml(bron.getBytes()).getElementsByTagNameNS("*", "decision");
                for (int i = 0; i < beslissing.getLength(); i++) {
                    beslissingen.add(((Element) beslissing.item(i)).getAttribute("id"));
                }
            }
        });
        Map<String, String> fouten = new LinkedHashMap<>();
        bronnen.forEach((naam, bron) -> {
            if (naam.endsWith(".bpmn") || naam.endsWith(".bpmn20.xml")) {
                List<String> model = fouten(xml(bron.getBytes()), bronnen.keySet(), formulieren, beslissingen);
                if (!model.isEmpty()) {
                    fouten.put(naam, String.join("; ", model));
                }
            }
        });
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
    }

    private List<String> fouten(Document model, Set<String> bronnen, Set<String> formulieren, Set<String> beslissingen) {
        List<String> fouten = new ArrayList<>();
        NodeList elementen = model.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elementen.getLength(); i++) {
            Element element = (Element) elementen.item(i);
            String waar = " (" + plaats(element) + ")";
            gebonden(element, "formRef", formulieren).ifPresent(formulier -> fouten.add("formulier '" + formulier + "'"
                    + waar + ZELFDE_DEPLOYMENT));
            Matcher formulierBestand = DEPLOYMENT_FORMULIER.matcher(element.getAttributeNS(CAMUNDA, "formKey"));
            if (formulierBestand.matches() && !bronnen.contains(formulierBestand.group(1))) {
                fouten.add("formulier '" + formulierBestand.group(1) + "'" + waar + ZELFDE_DEPLOYMENT);
            }
            gebonden(element, "decisionRef", beslissingen).ifPresent(beslissing -> fouten.add("beslissing '" + beslissing
                    + "'" + waar + ZELFDE_DEPLOYMENT));
            Matcher bean = BEAN.matcher(element.getAttributeNS(CAMUNDA, "delegateExpression"));
            if (bean.matches() && !context.containsBean(bean.group(1))) {
                fouten.add("'" + bean.group() + "'" + waar + ": de applicatie heeft geen onderdeel met de naam '"
                        + bean.group(1) + "'");
            }
            String klasse = element.getAttributeNS(CAMUNDA, "class");
            if (!klasse.isEmpty() && !bestaat(klasse)) {
                fouten.add("klasse '" + klasse + "'" + waar + " bestaat niet");
            }
            String groepen = element.getAttributeNS(CAMUNDA, "candidateGroups");
            if (!groepen.isEmpty()) {
                for (String groep : groepen.split(",")) {
                    boolean vast = !groep.isBlank() && !groep.contains("${") && !groep.contains("#{") && !groep.contains("}");
                    if (vast && !groepBestaat(groep.strip())) {
                        fouten.add("kandidaatgroep '" + groep.strip() + "'" + waar
                                + " bestaat niet; maak haar eerst aan in Camunda Admin (groepen zijn hoofdlettergevoelig)");
                    }
                }
            }
        }
        return fouten;
    }

    private static final String ZELFDE_DEPLOYMENT = " zit niet in deze deployment: deploy het model samen met zijn"
            + " formulieren en beslissingen (processes/ en forms/)";

    /** A fixed form or decision reference bound to the deployment ({@code xRefBinding="deployment"}) that is not in it. */
    private static java.util.Optional<String> gebonden(Element element, String verwijzing, Set<String> aanwezig) {
        String naam = element.getAttributeNS(CAMUNDA, verwijzing);
        boolean gebonden = "deployment".equals(element.getAttributeNS(CAMUNDA, verwijzing + "Binding"));
        return gebonden && !naam.isEmpty() && !naam.contains("${") && !aanwezig.contains(naam)
                ? java.util.Optional.of(naam) : java.util.Optional.empty();
    }

    /** The id of the element or of the nearest one around it (a listener has none of its own). */
    private static String plaats(Element element) {
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            if (!e.getAttribute("id").isEmpty()) {
                return e.getAttribute("id");
            }
        }
        return element.getLocalName();
    }

    private boolean bestaat(String klasse) {
        try {
            Class.forName(klasse, false, context.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Stuurwiel's own roles count as existing: on a new database the models are deployed before the
     * groups are created. Looked up without the deployer's own rights, who need not read groups.
     */
    private static boolean groepBestaat(String groep) {
        if (List.of(Rollen.AANVRAGER, Rollen.INTAKE, Rollen.MT, Rollen.PROCESONTWERPER, Rollen.BEHEERDER).contains(groep)) {
            return true;
        }
        CommandContext commando = Context.getCommandContext();
        commando.disableAuthorizationCheck();
        try {
            return commando.getReadOnlyIdentityProvider().createGroupQuery().groupId(groep).count() > 0;
        } finally {
            commando.enableAuthorizationCheck();
        }
    }

    private static java.util.Optional<String> formulierId(ResourceEntity bron) {
        try {
            JsonNode id = JSON.readTree(bron.getBytes()).get("id");
            return id == null || !id.isTextual() ? java.util.Optional.empty() : java.util.Optional.of(id.asText());
        } catch (java.io.IOException e) {
            // Not JSON: the engine's own form deployer says so.
            return java.util.Optional.empty();
        }
    }

    private static Document xml(byte[] inhoud) {
        try {
            DocumentBuilderFactory fabriek = DocumentBuilderFactory.newInstance();
            fabriek.setNamespaceAware(true);
            fabriek.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            fabriek.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            fabriek.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder bouwer = fabriek.newDocumentBuilder();
            bouwer.setErrorHandler(null);
            return bouwer.parse(new ByteArrayInputStream(inhoud));
        } catch (Exception onleesbaar) {
            // Not XML: an empty model here, and the engine's own parser names the fault.
            try {
                return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            } catch (javax.xml.parsers.ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
