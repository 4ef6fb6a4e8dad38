package nl.stuurwiel.opdracht;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.domein.DomeinService;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.security.Bewerkrechten;
import nl.stuurwiel.system.EigenQueryPlan;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.NietGevondenException;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;
import nl.stuurwiel.team.TeamService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio side of an opdracht's lifecycle. Delegates call one method per process step;
 * each runs in the engine's transaction, so portfolio data and process state commit together.
 */
@Service
@Transactional
public class OpdrachtService {

    private static final Set<Fase> WACHTRIJ = Set.of(Fase.PRIORITERING, Fase.GEPARKEERD);

    private final OpdrachtRepository opdrachten;
    private final OpdrachtVolgnummerRepository volgnummers;
    private final TeamRepository teams;
    private final DoelRepository doelen;
    private final TeamService teamService;
    private final RuntimeService runtimeService;
    private final Validator validator;

    private final EigenQueryPlan queryPlan;
    private final Bewerkrechten rechten;
    private final DomeinService domeinService;

    public OpdrachtService(OpdrachtRepository opdrachten, OpdrachtVolgnummerRepository volgnummers,
            TeamRepository teams, DoelRepository doelen, TeamService teamService, RuntimeService runtimeService,
            Validator validator, EigenQueryPlan queryPlan, Bewerkrechten rechten, DomeinService domeinService) {
        this.rechten = rechten;
        this.domeinService = domeinService;
        this.opdrachten = opdrachten;
        this.volgnummers = volgnummers;
        this.teams = teams;
        this.doelen = doelen;
        this.teamService = teamService;
        this.runtimeService = runtimeService;
        this.validator = validator;
        this.queryPlan = queryPlan;
    }

    /** Registers the request and starts its lifecycle; the business key is the opdracht key. */
    public Opdracht aanvragen(OpdrachtAanvraag aanvraag, String aanvrager) {
        Opdracht opdracht = registreer(aanvraag, aanvrager);
        runtimeService.startProcessInstanceByKey(LevenscyclusProces.PROCESS_ID, opdracht.getSleutel(),
                Variables.createVariables()
                        .putValue(Var.OPDRACHT_KEY, opdracht.getSleutel())
                        .putValue(Var.AANVRAGER, aanvrager));
        return opdracht;
    }

    /** Creates the opdracht record only; the caller is (or starts) its process instance. */
    public Opdracht registreer(OpdrachtAanvraag aanvraag, String aanvrager) {
        // Every error of the request in one answer: the rules, the team and the doelen together.
        Map<String, String> fouten = new LinkedHashMap<>(regelfouten(aanvraag));
        Team team = null;
        if (!fouten.containsKey("team")) {
            team = teams.findByCode(aanvraag.team()).orElse(null);
            if (team == null) {
                fouten.put("team", "onbekend team '" + aanvraag.team() + "'" + bekendeTeams());
            } else if (team.isOpgeheven()) {
                fouten.put("team", "team " + team.getCode() + " is opgeheven op "
                        + new Opmaak().datum(team.getOpgehevenOp()) + bekendeTeams());
            }
        }
        List<Doel> gekoppeld = List.of();
        if (fouten.keySet().stream().noneMatch(veld -> veld.startsWith("doelen"))) {
            gekoppeld = doelen.findByCodeIn(aanvraag.doelenOfLeeg());
            onbekendeDoelen(aanvraag.doelenOfLeeg(), gekoppeld).ifPresent(fout -> fouten.put("doelen", fout));
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        Opdracht opdracht = new Opdracht(nieuweSleutel(), aanvraag.titel().strip(), aanvraag.type(),
                domeinService.code(aanvraag.domein()), team);
        opdracht.setVraagstuk(aanvraag.vraagstuk());
        opdracht.setVerwachtResultaat(aanvraag.verwachtResultaat());
        opdracht.setBeleidstheorie(aanvraag.beleidstheorie());
        opdracht.setGebied(spelling(aanvraag.gebied()));
        opdracht.setOpdrachtgever(aanvraag.opdrachtgever());
        opdracht.setBudget(aanvraag.budget());
        opdracht.setFte(aanvraag.fte());
        opdracht.setStartdatum(aanvraag.startdatum());
        opdracht.setEinddatum(aanvraag.einddatum());
        opdracht.setReviewFrequentie(aanvraag.reviewFrequentie());
        opdracht.setAanvrager(aanvrager);
        opdracht.setVertrouwelijk(aanvraag.isVertrouwelijk());
        gekoppeld.forEach(opdracht::voegDoelToe);
        return opdrachten.save(opdracht);
    }

    /** Applies what the requester supplied after intake asked for more; empty fields keep their value. */
    public Opdracht vulAan(String sleutel, OpdrachtAanvulling aanvulling) {
        Opdracht opdracht = opdracht(sleutel);
        if (aanvulling.vraagstuk() != null) {
            opdracht.setVraagstuk(aanvulling.vraagstuk());
        }
        if (aanvulling.verwachtResultaat() != null) {
            opdracht.setVerwachtResultaat(aanvulling.verwachtResultaat());
        }
        if (aanvulling.beleidstheorie() != null) {
            opdracht.setBeleidstheorie(aanvulling.beleidstheorie());
        }
        if (aanvulling.opdrachtgever() != null) {
            opdracht.setOpdrachtgever(aanvulling.opdrachtgever());
        }
        if (aanvulling.budget() != null) {
            opdracht.setBudget(aanvulling.budget());
        }
        if (aanvulling.fte() != null) {
            opdracht.setFte(aanvulling.fte());
        }
        if (aanvulling.startdatum() != null) {
            opdracht.setStartdatum(aanvulling.startdatum());
        }
        if (aanvulling.einddatum() != null) {
            opdracht.setEinddatum(aanvulling.einddatum());
        }
        if (aanvulling.reviewFrequentie() != null) {
            opdracht.setReviewFrequentie(aanvulling.reviewFrequentie());
        }
        if (!aanvulling.doelen().isEmpty()) {
            zoekDoelen(aanvulling.doelen()).forEach(opdracht::voegDoelToe);
        }
        controleerPeriode(opdracht.getStartdatum(), opdracht.getEinddatum());
        opdracht.setFase(Fase.INTAKE);
        return opdracht;
    }

    /** One desired link: doel code, expected contribution and weight (1-100). */
    public record DoelBijdrage(String doel, String bijdrage, Integer gewicht) {
    }

    /**
     * Replaces the opdracht's links by the given doelen with their expected contribution and
     * weight; links to doelen no longer named are removed. Closed opdrachten keep their links.
     * Which doelen an opdracht serves decides where its money counts and whether intake may accept
     * it: the portfolio office, MT and administrators set them, as they keep the goal tree.
     */
    public Opdracht koppelDoelen(String sleutel, List<DoelBijdrage> koppelingen) {
        rechten.controleerPortfoliobeheer("de doelen van een opdracht koppelen");
        // Locked: two replacements at once would otherwise both insert the same link rows.
        Opdracht opdracht = opdrachten.vergrendel(sleutel)
                .orElseThrow(() -> new NietGevondenException("Opdracht " + sleutel + " bestaat niet"));
        if (opdracht.getFase().isEindfase()) {
            throw new OngeldigeInvoerException("fase", "de opdracht is " + OpdrachtWeergave.woord(opdracht.getFase())
                    + "; de doelen liggen vast");
        }
        if (koppelingen == null) {
            throw new OngeldigeInvoerException("doelen", "is verplicht");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < koppelingen.size(); i++) {
            DoelBijdrage k = koppelingen.get(i);
            String veld = "doelen[" + i + "]";
            if (k == null || k.doel() == null || k.doel().isBlank()) {
                fouten.put(veld + ".doel", "is verplicht");
            } else if (!codes.add(k.doel().strip())) {
                fouten.put(veld + ".doel", "doel " + k.doel() + " staat er twee keer in");
            }
            if (k != null && (k.gewicht() == null || k.gewicht() < OpdrachtDoel.MINIMAAL_GEWICHT
                    || k.gewicht() > OpdrachtDoel.MAXIMAAL_GEWICHT)) {
                fouten.put(veld + ".gewicht", "moet tussen " + OpdrachtDoel.MINIMAAL_GEWICHT + " en "
                        + OpdrachtDoel.MAXIMAAL_GEWICHT + " liggen");
            }
            if (k != null && k.bijdrage() != null && k.bijdrage().length() > 4000) {
                fouten.put(veld + ".bijdrage", "is langer dan 4000 tekens");
            }
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        Map<String, Doel> gevonden = zoekDoelen(List.copyOf(codes)).stream()
                .collect(Collectors.toMap(Doel::getCode, d -> d));
        opdracht.behoudDoelen(codes);
        for (DoelBijdrage k : koppelingen) {
            String bijdrage = k.bijdrage() == null || k.bijdrage().isBlank() ? null : k.bijdrage().strip();
            opdracht.koppel(gevonden.get(k.doel().strip()), bijdrage, k.gewicht());
        }
        return opdracht;
    }

    public Opdracht zetFase(String sleutel, Fase fase) {
        Opdracht opdracht = voorWijziging(sleutel);
        naarFase(opdracht, fase);
        return opdracht;
    }

    /**
     * An opdracht that leaves the waiting queue (MT starts or rejects it) closes the gap it
     * leaves, so the ranks stay 1..n. The queue lock comes before the change is written: a
     * ranking that holds the lock may be writing this opdracht's rank at that moment.
     */
    private void naarFase(Opdracht opdracht, Fase fase) {
        boolean verlaatWachtrij = WACHTRIJ.contains(opdracht.getFase()) && !WACHTRIJ.contains(fase);
        if (verlaatWachtrij) {
            opdrachten.vergrendelWachtrij();
        }
        opdracht.setFase(fase);
        if (verlaatWachtrij) {
            opdracht.setPrioriteitRang(null);
            rangschik(opdracht);
        }
    }

    /** Ranks the waiting queue as it is once this transaction's changes are written; needs the queue lock. */
    private void rangschik(Opdracht gewijzigd) {
        opdrachten.flush();
        int rang = 0;
        for (Long id : opdrachten.wachtrij(WACHTRIJ)) {
            rang++;
            if (id.equals(gewijzigd.getId())) {
                gewijzigd.setPrioriteitRang(rang);
            } else {
                opdrachten.zetRang(id, rang);
            }
        }
    }

    /**
     * An opdracht that enters the lifecycle past prioritisation (imported running or parked) is
     * scored as MT's queue would have scored it, with the same decision table, and a parked one
     * takes its place in the queue.
     */
    public void scoorNaInstap(Opdracht opdracht, DecisionService decisionService) {
        Object score = decisionService.evaluateDecisionTableByKey(PRIORITERING,
                PrioriteringVoorbereidenDelegate.dmnInvoer(opdracht)).getSingleResult().getSingleEntry();
        opdracht.setPrioriteitScore(((Number) score).intValue());
        if (WACHTRIJ.contains(opdracht.getFase())) {
            opdrachten.vergrendelWachtrij();
            rangschik(opdracht);
        }
    }

    /** The decision the lifecycle's "Prioriteit bepalen" step evaluates. */
    static final String PRIORITERING = "prioritering";

    /** Intake accepts: only a complete opdracht moves on to prioritisation. */
    public Opdracht accepteer(String sleutel, Niveau urgentie, Niveau risico) {
        Opdracht opdracht = opdracht(sleutel);
        List<String> ontbrekend = opdracht.ontbrekendeGegevens();
        if (!ontbrekend.isEmpty()) {
            throw new OngeldigeInvoerException(Var.INTAKE_BESLUIT,
                    "accepteren kan pas als de aanvraag compleet is; ontbreekt: " + String.join(", ", ontbrekend));
        }
        if (urgentie == null || risico == null) {
            throw new OngeldigeInvoerException(urgentie == null ? Var.URGENTIE : Var.RISICO,
                    "is verplicht bij accepteren");
        }
        opdracht.setUrgentie(urgentie);
        opdracht.setRisico(risico);
        opdracht.setFase(Fase.PRIORITERING);
        return opdracht;
    }

    public Opdracht wijsAf(String sleutel, String reden) {
        Opdracht opdracht = voorWijziging(sleutel);
        opdracht.setBesluitReden(reden);
        naarFase(opdracht, Fase.AFGEWEZEN);
        opdracht.setAfgeslotenOp(Klok.vandaag());
        return opdracht;
    }

    /** Stores the DMN score, re-ranks the waiting queue and tells whether the team has room. */
    public CapaciteitsToets verwerkScore(String sleutel, int score) {
        Opdracht opdracht = voorWijziging(sleutel);
        opdracht.setPrioriteitScore(score);
        opdracht.setFase(Fase.PRIORITERING);
        // Taken before the queue is read, so the query sees what the previous ranking committed.
        opdrachten.vergrendelWachtrij();
        rangschik(opdracht);
        BigDecimal vrij = teamService.vrijeCapaciteit(opdracht.getTeam());
        BigDecimal nodig = opdracht.getFte() == null ? BigDecimal.ZERO : opdracht.getFte();
        return new CapaciteitsToets(vrij, vrij.compareTo(nodig) >= 0, opdracht.getPrioriteitRang());
    }

    public record CapaciteitsToets(BigDecimal vrijFte, boolean toereikend, Integer rang) {
    }

    public Opdracht startUitvoering(String sleutel) {
        Opdracht opdracht = voorWijziging(sleutel);
        if (opdracht.getReviewFrequentie() == null || opdracht.getEinddatum() == null) {
            throw new OngeldigeInvoerException("opdracht", "reviewfrequentie en einddatum zijn nodig om te starten");
        }
        naarFase(opdracht, Fase.UITVOERING);
        return opdracht;
    }

    public Opdracht sluitAf(String sleutel, boolean gestopt, String doelenBereikt, String impact, String lessen) {
        Opdracht opdracht = voorWijziging(sleutel);
        opdracht.setDoelenBereikt(doelenBereikt);
        opdracht.setImpact(impact);
        opdracht.setLessen(lessen);
        opdracht.setFase(gestopt ? Fase.GESTOPT : Fase.AFGEROND);
        opdracht.setAfgeslotenOp(Klok.vandaag());
        return opdracht;
    }

    /**
     * The opdracht without its goal links (they load lazily if asked for): process steps that
     * change only the opdracht itself skip the join, which matters when many timers fire at once.
     */
    public Opdracht voorWijziging(String sleutel) {
        return opdrachten.zonderDoelen(sleutel)
                .orElseThrow(() -> new NietGevondenException("Opdracht " + sleutel + " bestaat niet"));
    }

    @Transactional(readOnly = true)
    public Opdracht opdracht(String sleutel) {
        return opdrachten.findBySleutel(sleutel)
                .orElseThrow(() -> new NietGevondenException("Opdracht " + sleutel + " bestaat niet"));
    }

    @Transactional(readOnly = true)
    public Page<Opdracht> zoek(Fase fase, String team, String domein, String gebied, String zoek, Pageable pageable) {
        queryPlan.voorDezeTransactie();
        return opdrachten.zoek(fase, team, domein, Gebiedsnamen.sleutel(gebied), zoekterm(zoek), pageable);
    }

    /** As {@link #zoek}, limited to what one user may see (see security/Toegang). */
    @Transactional(readOnly = true)
    public Page<Opdracht> zoekZichtbaar(Fase fase, String team, String domein, String gebied, String zoek,
            String aanvrager, boolean alles, Collection<String> groepen, String gebruiker, Pageable pageable) {
        queryPlan.voorDezeTransactie();
        return opdrachten.zoekZichtbaar(fase, team, domein, Gebiedsnamen.sleutel(gebied), zoekterm(zoek), aanvrager,
                alles, groepen, gebruiker, pageable);
    }

    /** Which codes would do: the first twenty, or how a first team comes about. */
    /** The codes a request could name instead of an unknown team, for its error message. */
    String bekendeTeams() {
        List<String> codes = teams.findByOpgehevenOpIsNull(PageRequest.of(0, 21, Sort.by("code"))).stream()
                .map(Team::getCode).toList();
        if (codes.isEmpty()) {
            return "; er is nog geen team: het MT of een beheerder maakt teams aan onder Teams";
        }
        return "; teams: " + String.join(", ", codes.subList(0, Math.min(20, codes.size())))
                + (codes.size() > 20 ? ", …" : "");
    }

    /** A gebied as the portfolio already spells it ("oost" becomes "Oost"), so that every overview groups it once. */
    String spelling(String gebied) {
        String naam = Gebiedsnamen.sleutel(gebied);
        if (naam == null) {
            return null;
        }
        String getypt = gebied.strip();
        // Almost always the gebied exists as typed: one index lookup. Only a new spelling reads them all.
        return opdrachten.existsByGebied(getypt) ? getypt
                : opdrachten.gebiedSpellingen(naam, PageRequest.of(0, 1)).stream().findFirst().orElse(getypt);
    }

    private static String zoekterm(String zoek) {
        return zoek == null || zoek.isBlank() ? null
                : "%" + zonderAccenten(zoek.strip().toLowerCase(java.util.Locale.ROOT)).replace("%", "")
                        .replace("_", "") + "%";
    }

    /** "Taalcafé" as "taalcafe": the list's search ignores accents on both sides (OpdrachtRepository). */
    static String zonderAccenten(String tekst) {
        return java.text.Normalizer.normalize(tekst, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /**
     * What breaks the rules for a new opdracht, per field (empty when it may be registered);
     * team and doelen are checked against the portfolio by {@link #registreer}. The portfolio
     * import checks every row with these rules before it registers anything.
     */
    public Map<String, String> regelfouten(OpdrachtAanvraag aanvraag) {
        Map<String, String> fouten = validator.validate(aanvraag).stream().collect(Collectors.toMap(
                f -> f.getPropertyPath().toString(), ConstraintViolation::getMessage, (a, b) -> a + "; " + b,
                LinkedHashMap::new));
        aanvraag.eigenRegelfouten().forEach(fouten::putIfAbsent);
        return fouten;
    }

    /** The years an opdracht can run in; 1026 or 2207 is a typo, refused at its field. */
    static final int EERSTE_JAAR = 2000;
    static final int LAATSTE_JAAR = 2099;

    private static void controleerPeriode(LocalDate start, LocalDate eind) {
        Map<String, String> fouten = periodefouten(start, eind);
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
    }

    /** What is wrong with a period from start to end, per field (empty when nothing is). */
    static Map<String, String> periodefouten(LocalDate start, LocalDate eind) {
        Map<String, String> fouten = new LinkedHashMap<>();
        binnenDeJaren("startdatum", start, fouten);
        binnenDeJaren("einddatum", eind, fouten);
        if (fouten.isEmpty() && start != null && eind != null && eind.isBefore(start)) {
            fouten.put("einddatum", "ligt voor de startdatum " + new Opmaak().datum(start));
        }
        return fouten;
    }

    private static void binnenDeJaren(String veld, LocalDate datum, Map<String, String> fouten) {
        if (datum != null && (datum.getYear() < EERSTE_JAAR || datum.getYear() > LAATSTE_JAAR)) {
            fouten.put(veld, "ligt niet tussen " + EERSTE_JAAR + " en " + LAATSTE_JAAR);
        }
    }

    private List<Doel> zoekDoelen(List<String> codes) {
        List<Doel> gevonden = doelen.findByCodeIn(codes);
        onbekendeDoelen(codes, gevonden).ifPresent(fout -> {
            throw new OngeldigeInvoerException("doelen", fout);
        });
        return gevonden;
    }

    private static java.util.Optional<String> onbekendeDoelen(List<String> codes, List<Doel> gevonden) {
        Set<String> onbekend = new HashSet<>(codes);
        gevonden.forEach(d -> onbekend.remove(d.getCode()));
        return onbekend.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("onbekend doel " + String.join(", ", onbekend.stream().sorted().toList()));
    }

    private String nieuweSleutel() {
        int jaar = Year.now().getValue();
        OpdrachtVolgnummer nummer = volgnummers.vergrendel(jaar)
                .orElseGet(() -> volgnummers.saveAndFlush(new OpdrachtVolgnummer(jaar)));
        return "OPD-%d-%04d".formatted(jaar, nummer.volgende());
    }

}
