package nl.stuurwiel.opdracht;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.bijstelling.Bijstelling;
import nl.stuurwiel.bijstelling.BijstellingRepository;
import nl.stuurwiel.opdracht.OpdrachtWeergave.Detail;
import nl.stuurwiel.opdracht.OpdrachtWeergave.Pagina;
import nl.stuurwiel.opdracht.OpdrachtWeergave.Samenvatting;
import nl.stuurwiel.opdracht.OpdrachtWeergave.Stap;
import nl.stuurwiel.opdracht.OpdrachtWeergave.Taak;
import nl.stuurwiel.domein.DomeinService;
import nl.stuurwiel.review.ReviewPlanning;
import nl.stuurwiel.review.ReviewVervroeging;
import nl.stuurwiel.review.ReviewVervroegingRepository;
import nl.stuurwiel.review.Voortgangsrapportage;
import nl.stuurwiel.review.VoortgangsrapportageRepository;
import nl.stuurwiel.security.Toegang;
import nl.stuurwiel.system.Gebruikersnamen;
import nl.stuurwiel.system.Gebruikersnamen.Namen;
import nl.stuurwiel.system.NietGevondenException;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.ProcesVariabelen;

/**
 * Read side of the portfolio: lists and the full picture of one opdracht with its open tasks
 * and process history. Whoever may see the opdracht sees its process's steps; which open tasks
 * are shown, Camunda's task authorizations decide, as in Tasklist.
 */
@Service
@Transactional(readOnly = true)
public class OpdrachtInzage {

    public static final int MAXIMALE_PAGINAGROOTTE = 200;
    public static final int MAXIMALE_EXPORT = 10_000;

    private final OpdrachtService opdrachtService;
    private final VoortgangsrapportageRepository rapportages;
    private final BijstellingRepository bijstellingen;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final Toegang toegang;
    private final OverdrachtRepository overdrachten;
    private final HuidigeGebruiker gebruiker;
    private final Gebruikersnamen gebruikersnamen;
    private final ReviewPlanning reviewPlanning;
    private final ReviewVervroegingRepository vervroegingen;
    private final DomeinService domeinService;

    public OpdrachtInzage(OpdrachtService opdrachtService, VoortgangsrapportageRepository rapportages,
            BijstellingRepository bijstellingen, TaskService taskService, HistoryService historyService,
            Toegang toegang, OverdrachtRepository overdrachten, HuidigeGebruiker gebruiker,
            Gebruikersnamen gebruikersnamen, ReviewPlanning reviewPlanning,
            ReviewVervroegingRepository vervroegingen, DomeinService domeinService) {
        this.domeinService = domeinService;
        this.opdrachtService = opdrachtService;
        this.reviewPlanning = reviewPlanning;
        this.vervroegingen = vervroegingen;
        this.gebruikersnamen = gebruikersnamen;
        this.gebruiker = gebruiker;
        this.toegang = toegang;
        this.overdrachten = overdrachten;
        this.rapportages = rapportages;
        this.bijstellingen = bijstellingen;
        this.taskService = taskService;
        this.historyService = historyService;
    }

    /** Columns the list can be sorted on, by the names the API shows. */
    private static final Map<String, String> SORTEERBAAR = Map.ofEntries(Map.entry("sleutel", "sleutel"),
            Map.entry("titel", "titel"), Map.entry("fase", "fase"), Map.entry("statusKleur", "statusKleur"),
            Map.entry("team", "team.code"), Map.entry("domein", "domein"), Map.entry("gebied", "gebied"),
            Map.entry("budget", "budget"), Map.entry("fte", "fte"), Map.entry("startdatum", "startdatum"),
            Map.entry("einddatum", "einddatum"), Map.entry("prioriteitScore", "prioriteitScore"));

    public Pagina<Samenvatting> zoek(OpdrachtSelectie selectie, String sorteer, int pagina, int grootte) {
        if (pagina < 0) {
            throw new OngeldigeInvoerException("pagina", "moet 0 of groter zijn");
        }
        if (grootte < 1 || grootte > MAXIMALE_PAGINAGROOTTE) {
            throw new OngeldigeInvoerException("grootte", "moet tussen 1 en " + MAXIMALE_PAGINAGROOTTE + " liggen");
        }
        Page<Opdracht> gevonden = zichtbaar(selectie, PageRequest.of(pagina, grootte, sortering(sorteer)));
        return new Pagina<>(gevonden.map(Samenvatting::van).getContent(), pagina, grootte,
                gevonden.getTotalElements(), gevonden.getTotalPages());
    }

    /**
     * Everything the list shows with these filters, in its order, for an export; at most
     * {@value #MAXIMALE_EXPORT} opdrachten.
     */
    public List<Samenvatting> alleZichtbaar(OpdrachtSelectie selectie, String sorteer) {
        Page<Opdracht> gevonden = zichtbaar(selectie, PageRequest.of(0, MAXIMALE_EXPORT, sortering(sorteer)));
        if (gevonden.getTotalElements() > MAXIMALE_EXPORT) {
            throw new OngeldigeInvoerException("filters", "de selectie telt " + gevonden.getTotalElements()
                    + " opdrachten; exporteer er hoogstens " + MAXIMALE_EXPORT + " tegelijk");
        }
        return gevonden.map(Samenvatting::van).getContent();
    }

    private Page<Opdracht> zichtbaar(OpdrachtSelectie s, PageRequest pagina) {
        // Confidential opdrachten of other teams are left out; an empty IN list is not portable.
        List<String> groepen = new ArrayList<>(toegang.groepen());
        groepen.add("");
        return opdrachtService.zoekZichtbaar(
                s.fase() == null || s.fase().isBlank() ? null : ProcesVariabelen.keuze("fase", s.fase(), Fase.class),
                s.team() == null || s.team().isBlank() ? null : s.team().strip(),
                s.domein() == null || s.domein().isBlank() ? null : domeinService.zoek(s.domein())
                        .map(nl.stuurwiel.domein.Domein::getCode).orElseThrow(() -> new OngeldigeInvoerException(
                                "domein", domeinService.fout(s.domein(), null))),
                s.gebied(), s.zoek(), alleenVan(s.mijnAanvragen()), toegang.zietAlles(), groepen,
                toegang.gebruiker() == null ? "" : toegang.gebruiker(), pagina);
    }

    /** "Alleen mijn aanvragen": the requester to filter on, or null for everyone's. */
    private String alleenVan(String mijnAanvragen) {
        if (mijnAanvragen == null || mijnAanvragen.isBlank() || "false".equalsIgnoreCase(mijnAanvragen.strip())) {
            return null;
        }
        if (!"true".equalsIgnoreCase(mijnAanvragen.strip())) {
            throw new OngeldigeInvoerException("mijnAanvragen", "'" + mijnAanvragen + "' kan niet; kies uit true, false");
        }
        return toegang.gebruiker() == null ? "" : toegang.gebruiker();
    }

    /** {@code veld} or {@code veld,asc|desc}; ties are broken by key so pages are stable. */
    static Sort sortering(String sorteer) {
        if (sorteer == null || sorteer.isBlank()) {
            return Sort.by("sleutel");
        }
        String[] delen = sorteer.split(",");
        String veld = SORTEERBAAR.get(delen[0].strip());
        if (veld == null || delen.length > 2) {
            throw new OngeldigeInvoerException("sorteer", "onbekende sortering '" + sorteer + "' (kolommen: "
                    + String.join(", ", new java.util.TreeSet<>(SORTEERBAAR.keySet())) + ", eventueel met ,asc of ,desc)");
        }
        String richting = delen.length == 2 ? delen[1].strip().toLowerCase(java.util.Locale.ROOT) : "asc";
        if (!richting.equals("asc") && !richting.equals("desc")) {
            throw new OngeldigeInvoerException("sorteer", "richting moet asc of desc zijn, niet '" + delen[1] + "'");
        }
        // Empty values (no budget, no end date yet) last in either direction: what is known comes first.
        Sort sort = Sort.by(new Sort.Order(richting.equals("desc") ? Sort.Direction.DESC : Sort.Direction.ASC, veld)
                .nullsLast());
        return veld.equals("sleutel") ? sort : sort.and(Sort.by("sleutel"));
    }

    /** The opdracht, if the user may see it; otherwise not found, as for a key that does not exist. */
    public Opdracht zichtbareOpdracht(String sleutel) {
        Opdracht opdracht = opdrachtService.opdracht(sleutel);
        if (!toegang.magZien(opdracht.isVertrouwelijk(), opdracht.getTeam().getGroepId(), opdracht.getAanvrager())) {
            // The same answer as for a key that does not exist: its existence is confidential too.
            throw new NietGevondenException("Opdracht " + sleutel + " bestaat niet");
        }
        return opdracht;
    }

    /** The activity and kind of the history's first step of an imported opdracht. */
    public static final String IMPORT = "import";

    public Detail detail(String sleutel) {
        Opdracht opdracht = zichtbareOpdracht(sleutel);
        // Reading history needs a right on the process definition that teams and requesters do not
        // have; the portfolio's check above has already decided that this user may follow it.
        HistoricProcessInstance proces = gebruiker.alsSysteem(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(sleutel).processDefinitionKey(LevenscyclusProces.PROCESS_ID)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().orElse(null));
        List<Task> open = proces == null ? List.of()
                : taskService.createTaskQuery().processInstanceId(proces.getId()).initializeFormKeys()
                        .orderByTaskCreateTime().asc().list();
        List<HistoricActivityInstance> stappen = proces == null ? List.of()
                : gebruiker.alsSysteem(() -> historyService.createHistoricActivityInstanceQuery()
                        .processInstanceId(proces.getId())
                        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list())
                        .stream().filter(OpdrachtInzage::zichtbaar).toList();
        List<Voortgangsrapportage> verslagen = rapportages.findByOpdrachtSleutelOrderByVolgnummer(sleutel);
        List<Bijstelling> voorstellen = bijstellingen.findByOpdrachtSleutelOrderByVolgnummer(sleutel);
        List<Overdracht> overgedragen = overdrachten.vanOpdracht(sleutel);
        List<ReviewVervroeging> vervroegd = vervroegingen.vanOpdracht(sleutel);

        // An opdracht imported from a spreadsheet began its lifecycle at its phase's step, not at the request.
        boolean geimporteerd = proces != null && !LevenscyclusProces.Element.START.equals(proces.getStartActivityId());

        List<String> mensen = new ArrayList<>();
        mensen.add(opdracht.getAanvrager());
        if (geimporteerd) {
            mensen.add(proces.getStartUserId());
        }
        open.forEach(t -> mensen.add(t.getAssignee()));
        stappen.forEach(a -> mensen.add(a.getAssignee()));
        verslagen.forEach(r -> mensen.addAll(Arrays.asList(r.getIngediendDoor(), r.getBeoordeeldDoor())));
        voorstellen.forEach(b -> mensen.addAll(Arrays.asList(b.getVoorgesteldDoor(), b.getBeoordeeldDoor())));
        overgedragen.forEach(o -> mensen.add(o.getDoor()));
        vervroegd.forEach(v -> mensen.add(v.getDoor()));
        Namen namen = gebruikersnamen.van(mensen);

        Map<String, List<String>> groepenPerTaak = new java.util.HashMap<>();
        open.forEach(t -> groepenPerTaak.put(t.getId(), kandidaatGroepen(t.getId())));
        Namen groepsnamen = gebruikersnamen.groepen(groepenPerTaak.values().stream().flatMap(List::stream).toList());
        List<Taak> taken = open.stream()
                .map(t -> new Taak(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(),
                        namen.naam(t.getAssignee()), groepenPerTaak.get(t.getId()),
                        groepenPerTaak.get(t.getId()).stream().map(groepsnamen::naam).toList(),
                        t.getCreateTime(), t.getDueDate(), vraag(t)))
                .toList();
        List<Stap> geschiedenis = new ArrayList<>();
        if (geimporteerd) {
            geschiedenis.add(new Stap(IMPORT, "Geïmporteerd", IMPORT, proces.getStartTime(), proces.getStartTime(),
                    proces.getStartUserId(), namen.naam(proces.getStartUserId())));
        }
        stappen.stream()
                .map(a -> new Stap(a.getActivityId(), a.getActivityName(), a.getActivityType(),
                        a.getStartTime(), a.getEndTime(), a.getAssignee(), namen.naam(a.getAssignee())))
                .forEach(geschiedenis::add);
        Instant volgendeReview = proces == null || proces.getEndTime() != null ? null
                : reviewPlanning.volgendeReview(proces.getId()).orElse(null);
        return Detail.van(opdracht, proces == null ? null : proces.getId(), taken, geschiedenis, verslagen,
                voorstellen, overgedragen, volgendeReview, vervroegd,
                domeinService.zoek(opdracht.getDomein()).map(nl.stuurwiel.domein.Domein::getNaam).orElse(null), namen);
    }

    /** Intake's question travels with the task in the engine; whoever follows the opdracht reads it here too. */
    private String vraag(Task taak) {
        if (!LevenscyclusProces.Element.AANVULLEN.equals(taak.getTaskDefinitionKey())) {
            return null;
        }
        Object vraag = gebruiker.alsSysteem(() -> taskService.getVariable(taak.getId(), LevenscyclusProces.Var.INTAKE_TOELICHTING));
        return vraag == null || vraag.toString().isBlank() ? null : vraag.toString();
    }

    private List<String> kandidaatGroepen(String taakId) {
        return taskService.getIdentityLinksForTask(taakId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    /** Steps a person recognises; gateways and flow-only events are noise in a history. */
    private static boolean zichtbaar(HistoricActivityInstance stap) {
        String soort = stap.getActivityType();
        return stap.getActivityName() != null && !soort.endsWith("Gateway") && !"subProcess".equals(soort)
                && !"multiInstanceBody".equals(soort);
    }
}
