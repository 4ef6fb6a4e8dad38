package nl.stuurwiel.importeren;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.domein.DomeinService;
import nl.stuurwiel.importeren.ImportBestand.Regel;
import nl.stuurwiel.importeren.ImportVerslag.Melding;
import nl.stuurwiel.importeren.ImportVerslag.Rij;
import nl.stuurwiel.importeren.Waarden.OngeldigeWaarde;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusInstap;
import nl.stuurwiel.opdracht.Niveau;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.OpdrachtType;
import nl.stuurwiel.opdracht.ReviewFrequentie;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.security.Toegang;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;
import nl.stuurwiel.system.Gebruikersnamen;
import nl.stuurwiel.system.Opmaak;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an existing portfolio from a spreadsheet. Every row is checked with the rules of a
 * normal request ({@link OpdrachtService#regelfouten}); the import itself is all or nothing: one
 * transaction registers every opdracht and starts its lifecycle at the phase the file names.
 */
@Service
public class ImportService {

    /** The columns of the file; only titel is required. Header names match case- and space-insensitively. */
    enum Kolom {
        TITEL("titel"),
        OMSCHRIJVING("omschrijving", "vraagstuk"),
        VERWACHT_RESULTAAT("verwacht resultaat", "resultaat"),
        BELEIDSTHEORIE("beleidstheorie"),
        TYPE("type"),
        DOMEIN("domein"),
        GEBIED("gebied"),
        TEAM("team"),
        OPDRACHTGEVER("opdrachtgever"),
        DOEL("doel", "doelen"),
        START("start", "startdatum"),
        EIND("eind", "einddatum"),
        BUDGET("budget"),
        FTE("fte", "capaciteit"),
        REVIEWFREQUENTIE("reviewfrequentie"),
        FASE("fase"),
        AANVRAGER("aanvrager"),
        URGENTIE("urgentie"),
        RISICO("risico", "risico bij niet uitvoeren");

        final List<String> namen;

        Kolom(String... namen) {
            this.namen = List.of(namen);
        }

        String naam() {
            return namen.get(0);
        }

        static Kolom bij(String kop) {
            String genormaliseerd = genormaliseerd(kop);
            return Arrays.stream(values()).filter(k -> k.namen.stream().map(Kolom::genormaliseerd)
                    .anyMatch(genormaliseerd::equals)).findFirst().orElse(null);
        }

        private static String genormaliseerd(String kop) {
            return kop.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        }
    }

    /** Fields of {@link OpdrachtAanvraag} and the column they come from, to place validation messages. */
    private static final Map<String, Kolom> VELD_KOLOM = Map.ofEntries(Map.entry("titel", Kolom.TITEL),
            Map.entry("vraagstuk", Kolom.OMSCHRIJVING), Map.entry("verwachtResultaat", Kolom.VERWACHT_RESULTAAT),
            Map.entry("beleidstheorie", Kolom.BELEIDSTHEORIE), Map.entry("type", Kolom.TYPE),
            Map.entry("domein", Kolom.DOMEIN), Map.entry("gebied", Kolom.GEBIED), Map.entry("team", Kolom.TEAM),
            Map.entry("opdrachtgever", Kolom.OPDRACHTGEVER), Map.entry("doelen", Kolom.DOEL),
            Map.entry("startdatum", Kolom.START), Map.entry("einddatum", Kolom.EIND),
            Map.entry("budget", Kolom.BUDGET), Map.entry("fte", Kolom.FTE),
            Map.entry("reviewFrequentie", Kolom.REVIEWFREQUENTIE));

    static final Fase STANDAARD_FASE = Fase.UITVOERING;
    static final OpdrachtType STANDAARD_TYPE = OpdrachtType.INTERVENTIE;

    private final OpdrachtService opdrachtService;
    private final LevenscyclusInstap instap;
    private final TeamRepository teams;
    private final DoelRepository doelen;
    private final EntityManager entityManager;
    private final Toegang toegang;
    private final HuidigeGebruiker gebruiker;
    private final IdentityService identityService;
    private final DomeinService domeinService;
    private final DecisionService decisionService;

    public ImportService(OpdrachtService opdrachtService, LevenscyclusInstap instap, TeamRepository teams,
            DoelRepository doelen, EntityManager entityManager, Toegang toegang, HuidigeGebruiker gebruiker,
            IdentityService identityService, DomeinService domeinService, DecisionService decisionService) {
        this.decisionService = decisionService;
        this.identityService = identityService;
        this.domeinService = domeinService;
        this.opdrachtService = opdrachtService;
        this.instap = instap;
        this.teams = teams;
        this.doelen = doelen;
        this.entityManager = entityManager;
        this.toegang = toegang;
        this.gebruiker = gebruiker;
    }

    /** Defaults for rows that leave team or domein empty (e.g. a sheet of one team). */
    public record Standaard(String team, String domein) implements java.io.Serializable {

        static final Standaard GEEN = new Standaard(null, null);
    }

    /** The portfolio office (intake) and administrators import; everyone else is refused. */
    public boolean magImporteren() {
        List<String> groepen = toegang.groepen();
        return groepen.contains(Rollen.INTAKE) || groepen.contains(Rollen.BEHEERDER);
    }

    public void controleerRecht() {
        if (!magImporteren()) {
            throw new AuthorizationException(
                    "alleen het portfoliobureau (intake) en beheerders importeren een portfolio");
        }
    }

    /** Reads and checks the file and reports what an import would create; changes nothing. */
    @Transactional(readOnly = true)
    public ImportVerslag proefrun(String bestandsnaam, byte[] inhoud, Standaard standaard) {
        controleerRecht();
        return analyseer(bestandsnaam, inhoud, standaard).verslag();
    }

    /**
     * Imports every row, or nothing: with any error it throws {@link ImportGeweigerdException}
     * with the full report and the transaction (opdrachten, process instances, audit) rolls back.
     */
    @Transactional
    public ImportVerslag importeer(String bestandsnaam, byte[] inhoud, Standaard standaard) {
        controleerRecht();
        Analyse analyse = analyseer(bestandsnaam, inhoud, standaard);
        ImportVerslag verslag = analyse.verslag();
        if (!verslag.geldig()) {
            throw new ImportGeweigerdException(verslag, null);
        }
        List<Rij> geimporteerd = new ArrayList<>();
        for (RijAnalyse rij : analyse.rijen()) {
            String aanvrager = rij.aanvrager() == null ? gebruiker.id() : rij.aanvrager();
            try {
                Opdracht opdracht = opdrachtService.registreer(rij.aanvraag(), aanvrager);
                // Before the lifecycle starts: prioritisation reads them from the opdracht.
                opdracht.setUrgentie(rij.urgentie());
                opdracht.setRisico(rij.risico());
                instap.start(opdracht, rij.fase(), aanvrager);
                if (rij.urgentie() != null && (rij.fase() == Fase.UITVOERING || rij.fase() == Fase.GEPARKEERD)) {
                    gebruiker.alsSysteem(() -> {
                        opdrachtService.scoorNaInstap(opdracht, decisionService);
                        return null;
                    });
                }
                geimporteerd.add(rij.weergave().metSleutel(opdracht.getSleutel()));
            } catch (OngeldigeInvoerException e) {
                throw new ImportGeweigerdException(verslag.metFout(new Melding(rij.weergave().rij(), null,
                        "niets geïmporteerd; deze rij liep vast: " + e.getMessage())), e);
            } catch (RuntimeException e) {
                throw new ImportGeweigerdException(verslag.metFout(new Melding(rij.weergave().rij(), null,
                        "niets geïmporteerd; de levenscyclus van deze rij kon niet starten: " + e.getMessage())), e);
            }
        }
        return verslag.geimporteerd(geimporteerd);
    }

    // ---- analysis --------------------------------------------------------------------------

    /** {@code aanvrager} is empty where the file names none: the importing user requests it. */
    private record RijAnalyse(Rij weergave, OpdrachtAanvraag aanvraag, Fase fase, String aanvrager, Niveau urgentie,
            Niveau risico) {
    }

    private record Analyse(ImportVerslag verslag, List<RijAnalyse> rijen) {
    }

    private Analyse analyseer(String bestandsnaam, byte[] inhoud, Standaard standaard) {
        ImportBestand bestand = ImportBestand.lees(inhoud);
        List<Melding> fouten = new ArrayList<>();
        List<Melding> waarschuwingen = new ArrayList<>();
        List<RijAnalyse> rijen = new ArrayList<>();
        List<Regel> regels = bestand.regels();
        if (regels.isEmpty()) {
            fouten.add(new Melding(null, null, "het bestand bevat geen kopregel en geen rijen"));
            return new Analyse(verslag(bestandsnaam, bestand, 0, List.of(), fouten, waarschuwingen), List.of());
        }
        Regel kopregel = regels.get(0);
        Map<Kolom, Integer> kolommen = kolommen(kopregel, fouten, waarschuwingen);
        List<Regel> gegevens = regels.subList(1, regels.size());
        if (gegevens.isEmpty()) {
            fouten.add(new Melding(null, null, "het bestand bevat alleen een kopregel, geen opdrachten"));
        }
        Standaard standaardwaarden = standaard == null ? Standaard.GEEN : standaard;
        Opzoeken opzoeken = new Opzoeken(teams.findAll(), doelen.findAll(), kolommen.containsKey(Kolom.AANVRAGER)
                ? gebruiker.alsSysteem(() -> identityService.createUserQuery().list()) : List.of());
        Team standaardTeam = null;
        if (leeg(standaardwaarden.team()) == null) {
            standaardTeam = null;
        } else {
            try {
                standaardTeam = opzoeken.team(standaardwaarden.team());
            } catch (OngeldigeWaarde e) {
                fouten.add(new Melding(null, Kolom.TEAM.naam(), "standaardteam: " + e.getMessage()));
            }
        }
        String standaardDomein = null;
        if (leeg(standaardwaarden.domein()) != null) {
            try {
                standaardDomein = domein(standaardwaarden.domein());
            } catch (OngeldigeWaarde e) {
                fouten.add(new Melding(null, Kolom.DOMEIN.naam(), "standaarddomein: " + e.getMessage()));
            }
        }
        if (kolommen.containsKey(Kolom.TITEL)) {
            Map<String, Integer> titels = new HashMap<>();
            for (Regel regel : gegevens) {
                RijAnalyse rij = analyseerRij(regel, kolommen, opzoeken, standaardTeam, standaardDomein, fouten,
                        waarschuwingen);
                rijen.add(rij);
                if (rij.weergave().titel() != null) {
                    Integer eerder = titels.putIfAbsent(rij.weergave().titel().toLowerCase(Locale.ROOT), regel.rij());
                    if (eerder != null) {
                        waarschuwingen.add(new Melding(regel.rij(), Kolom.TITEL.naam(),
                                "dezelfde titel staat ook in rij " + eerder));
                    }
                }
            }
            bestaandeTitels(rijen, waarschuwingen);
        }
        fouten.sort(java.util.Comparator.comparing((Melding m) -> m.rij() == null ? 0 : m.rij()));
        waarschuwingen.sort(java.util.Comparator.comparing((Melding m) -> m.rij() == null ? 0 : m.rij()));
        return new Analyse(verslag(bestandsnaam, bestand, gegevens.size(),
                rijen.stream().map(RijAnalyse::weergave).toList(), fouten, waarschuwingen), rijen);
    }

    private static ImportVerslag verslag(String bestandsnaam, ImportBestand bestand, int aantal, List<Rij> rijen,
            List<Melding> fouten, List<Melding> waarschuwingen) {
        return new ImportVerslag(bestandsnaam, bestand.soort(), bestand.codering(), bestand.scheidingsteken(), aantal,
                fouten.isEmpty(), false, rijen, List.copyOf(fouten), List.copyOf(waarschuwingen));
    }

    private static Map<Kolom, Integer> kolommen(Regel kopregel, List<Melding> fouten, List<Melding> waarschuwingen) {
        Map<Kolom, Integer> kolommen = new EnumMap<>(Kolom.class);
        for (int i = 0; i < kopregel.cellen().size(); i++) {
            String kop = kopregel.cel(i);
            if (kop.isEmpty()) {
                continue;
            }
            Kolom kolom = Kolom.bij(kop);
            if (kolom == null) {
                waarschuwingen.add(new Melding(kopregel.rij(), kop, "onbekende kolom; wordt overgeslagen (bekend: "
                        + Arrays.stream(Kolom.values()).map(Kolom::naam).collect(Collectors.joining(", ")) + ")"));
            } else if (kolommen.putIfAbsent(kolom, i) != null) {
                fouten.add(new Melding(kopregel.rij(), kop, "kolom " + kolom.naam() + " staat twee keer in de kopregel"));
            }
        }
        if (!kolommen.containsKey(Kolom.TITEL)) {
            fouten.add(new Melding(kopregel.rij(), Kolom.TITEL.naam(),
                    "kolom titel ontbreekt in de kopregel (rij " + kopregel.rij() + "); alleen titel is verplicht"));
        }
        return kolommen;
    }

    private RijAnalyse analyseerRij(Regel regel, Map<Kolom, Integer> kolommen, Opzoeken opzoeken,
            Team standaardTeam, String standaardDomein, List<Melding> fouten, List<Melding> waarschuwingen) {
        Map<Kolom, String> rijfouten = new LinkedHashMap<>();
        Cellen cellen = new Cellen(regel, kolommen, rijfouten);
        String titel = cellen.tekst(Kolom.TITEL);
        OpdrachtType type = cellen.lees(Kolom.TYPE, t -> Waarden.keuze(t, OpdrachtType.class));
        String domein = cellen.lees(Kolom.DOMEIN, this::domein);
        Team team = cellen.lees(Kolom.TEAM, opzoeken::team);
        List<Doel> doelenVanRij = cellen.lees(Kolom.DOEL, opzoeken::doelen);
        LocalDate start = cellen.lees(Kolom.START, t -> Waarden.datum(t, false));
        LocalDate eind = cellen.lees(Kolom.EIND, t -> Waarden.datum(t, true));
        BigDecimal budget = cellen.lees(Kolom.BUDGET, Waarden::bedrag);
        BigDecimal fte = cellen.lees(Kolom.FTE, Waarden::decimaal);
        ReviewFrequentie frequentie = cellen.lees(Kolom.REVIEWFREQUENTIE,
                t -> Waarden.keuze(t, ReviewFrequentie.class));
        Fase fase = cellen.lees(Kolom.FASE, ImportService::fase);
        User aanvrager = cellen.lees(Kolom.AANVRAGER, opzoeken::gebruiker);
        Niveau urgentie = cellen.lees(Kolom.URGENTIE, t -> Waarden.keuze(t, Niveau.class));
        Niveau risico = cellen.lees(Kolom.RISICO, t -> Waarden.keuze(t, Niveau.class));
        if (!rijfouten.containsKey(Kolom.TYPE) && type == null) {
            type = STANDAARD_TYPE;
        }
        if (!rijfouten.containsKey(Kolom.DOMEIN) && domein == null) {
            domein = standaardDomein;
        }
        if (!rijfouten.containsKey(Kolom.TEAM) && team == null) {
            team = standaardTeam;
        }
        if (!rijfouten.containsKey(Kolom.FASE) && fase == null) {
            fase = STANDAARD_FASE;
        }
        OpdrachtAanvraag aanvraag = new OpdrachtAanvraag(titel, cellen.tekst(Kolom.OMSCHRIJVING),
                cellen.tekst(Kolom.VERWACHT_RESULTAAT), cellen.tekst(Kolom.BELEIDSTHEORIE), type,
                domein, cellen.tekst(Kolom.GEBIED), cellen.tekst(Kolom.OPDRACHTGEVER),
                team == null ? null : team.getCode(),
                doelenVanRij == null ? List.of() : doelenVanRij.stream().map(Doel::getCode).toList(), budget, fte,
                start, eind, frequentie);
        // The rules of a normal request; a column that could not be read has its own message already.
        opdrachtService.regelfouten(aanvraag).forEach((veld, melding) -> {
            Kolom kolom = kolomVan(veld);
            if (!rijfouten.containsKey(kolom)) {
                rijfouten.put(kolom, melding + hint(kolom));
            }
        });
        if (fase == Fase.UITVOERING) {
            // Execution needs both for its timers (see UitvoeringStartenDelegate).
            if (eind == null && !rijfouten.containsKey(Kolom.EIND)) {
                rijfouten.put(Kolom.EIND, "is verplicht voor een opdracht in uitvoering");
            }
            if (frequentie == null && !rijfouten.containsKey(Kolom.REVIEWFREQUENTIE)) {
                rijfouten.put(Kolom.REVIEWFREQUENTIE, "is verplicht voor een opdracht in uitvoering (kies uit: "
                        + Waarden.woorden(ReviewFrequentie.values()) + ")");
            }
            if (eind != null && eind.isBefore(Klok.vandaag())) {
                waarschuwingen.add(new Melding(regel.rij(), Kolom.EIND.naam(), "de einddatum " + eind
                        + " is voorbij; het MT krijgt direct de taak 'Einddatum verstreken'"));
            }
        }
        // Together they give the priority score; one alone would score as if the other were low.
        if (urgentie != null && risico == null && !rijfouten.containsKey(Kolom.RISICO)) {
            rijfouten.put(Kolom.RISICO, "is verplicht als de urgentie is ingevuld (kies uit: "
                    + Waarden.woorden(Niveau.values()) + ")");
        } else if (risico != null && urgentie == null && !rijfouten.containsKey(Kolom.URGENTIE)) {
            rijfouten.put(Kolom.URGENTIE, "is verplicht als het risico is ingevuld (kies uit: "
                    + Waarden.woorden(Niveau.values()) + ")");
        }
        if (fase == Fase.INTAKE && (urgentie != null || risico != null)) {
            waarschuwingen.add(new Melding(regel.rij(), Kolom.URGENTIE.naam(), "intake bepaalt urgentie en risico "
                    + "bij het accepteren; de waarden in het bestand tellen daar niet mee"));
            urgentie = null;
            risico = null;
        }
        if (fase == Fase.INTAKE && rijfouten.isEmpty()) {
            List<String> ontbrekend = Opdracht.ontbrekendeGegevens(aanvraag.vraagstuk(), aanvraag.verwachtResultaat(),
                    aanvraag.opdrachtgever(), doelenVanRij == null ? List.of() : doelenVanRij, budget, fte, start, eind,
                    frequentie);
            if (!ontbrekend.isEmpty()) {
                waarschuwingen.add(new Melding(regel.rij(), null, "intake kan deze aanvraag pas accepteren als "
                        + String.join(", ", ontbrekend) + " ingevuld " + (ontbrekend.size() == 1 ? "is" : "zijn")
                        + "; vraag dat bij intake aan de aanvrager"
                        + (aanvrager == null ? " (zonder kolom aanvrager bent u dat zelf)" : "")));
            }
        }
        rijfouten.forEach((kolom, melding) -> fouten.add(new Melding(regel.rij(), kolom.naam(), melding)));
        Rij weergave = new Rij(regel.rij(), titel, Waarden.woord(type), domein,
                cellen.tekst(Kolom.GEBIED), team == null ? null : team.getCode(), team == null ? null : team.getNaam(),
                cellen.tekst(Kolom.OPDRACHTGEVER),
                doelenVanRij == null ? List.of() : doelenVanRij.stream().map(Doel::getCode).toList(), start, eind,
                budget, fte, Waarden.woord(frequentie), Waarden.woord(fase), aanvrager == null ? null : aanvrager.getId(),
                aanvrager == null ? null : Opzoeken.naam(aanvrager), Waarden.woord(urgentie), Waarden.woord(risico),
                rijfouten.isEmpty(), null);
        return new RijAnalyse(weergave, aanvraag, fase, aanvrager == null ? null : aanvrager.getId(), urgentie, risico);
    }

    private static Fase fase(String tekst) {
        String t = tekst.strip().toLowerCase(Locale.ROOT).replaceFirst("^in\\s+", "");
        Fase fase;
        try {
            fase = Waarden.keuze(t, Fase.class);
        } catch (OngeldigeWaarde e) {
            fase = null;
        }
        if (fase == null || !LevenscyclusInstap.INSTAPPUNTEN.containsKey(fase)) {
            throw new OngeldigeWaarde("'" + tekst + "' is geen fase waarin een opdracht kan worden ingelezen; kies uit: "
                    + LevenscyclusInstap.INSTAPPUNTEN.keySet().stream().map(Waarden::woord)
                            .collect(Collectors.joining(", ")));
        }
        return fase;
    }

    private static Kolom kolomVan(String veld) {
        String naam = veld.replaceFirst("[\\[.].*$", "");
        return VELD_KOLOM.getOrDefault(naam, Kolom.TITEL);
    }

    /** The code of the domain a cell names by code or name; a dissolved one takes no new opdrachten. */
    private String domein(String tekst) {
        String fout = domeinService.fout(tekst, null);
        if (fout != null) {
            throw new OngeldigeWaarde(fout);
        }
        return domeinService.code(tekst);
    }

    private String hint(Kolom kolom) {
        return switch (kolom) {
            case TEAM -> " (vul de kolom team of kies een standaardteam)";
            case DOMEIN -> " (vul de kolom domein of kies een standaarddomein; kies uit: "
                    + domeinService.keuzes() + ")";
            default -> "";
        };
    }

    /** Warns when an opdracht with the same title exists already: importing twice is a common slip. */
    private void bestaandeTitels(List<RijAnalyse> rijen, List<Melding> waarschuwingen) {
        List<String> titels = rijen.stream().map(r -> r.weergave().titel()).filter(t -> t != null)
                .map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList();
        if (titels.isEmpty()) {
            return;
        }
        Map<String, String> bestaand = new HashMap<>();
        entityManager.createQuery("select lower(o.titel), o.sleutel from Opdracht o where lower(o.titel) in :titels",
                Object[].class).setParameter("titels", titels).getResultList()
                .forEach(r -> bestaand.putIfAbsent((String) r[0], (String) r[1]));
        for (RijAnalyse rij : rijen) {
            String titel = rij.weergave().titel();
            String sleutel = titel == null ? null : bestaand.get(titel.toLowerCase(Locale.ROOT));
            if (sleutel != null) {
                waarschuwingen.add(new Melding(rij.weergave().rij(), Kolom.TITEL.naam(),
                        "er bestaat al een opdracht met deze titel (" + sleutel + ")"));
            }
        }
    }

    private static String leeg(String tekst) {
        return tekst == null || tekst.isBlank() ? null : tekst.strip();
    }

    /** The cells of one row by column, reading each with a parser and keeping its error. */
    private record Cellen(Regel regel, Map<Kolom, Integer> kolommen, Map<Kolom, String> fouten) {

        String tekst(Kolom kolom) {
            Integer index = kolommen.get(kolom);
            return index == null ? null : leeg(regel.cel(index));
        }

        <T> T lees(Kolom kolom, Function<String, T> lezer) {
            String tekst = tekst(kolom);
            if (tekst == null) {
                return null;
            }
            try {
                return lezer.apply(tekst);
            } catch (OngeldigeWaarde e) {
                fouten.put(kolom, e.getMessage());
                return null;
            }
        }
    }

    /** Teams by code or name, doelen by code, name or id, users by login, e-mail or name; all case-insensitive. */
    private static final class Opzoeken {

        private final Map<String, List<Team>> teams = new HashMap<>();
        private final Map<String, List<Doel>> doelen = new HashMap<>();
        private final Map<String, List<User>> gebruikers = new HashMap<>();

        Opzoeken(List<Team> alleTeams, List<Doel> alleDoelen, List<User> alleGebruikers) {
            for (User gebruiker : alleGebruikers) {
                sleutel(gebruikers, gebruiker.getId(), gebruiker);
                if (gebruiker.getEmail() != null && !gebruiker.getEmail().equalsIgnoreCase(gebruiker.getId())) {
                    sleutel(gebruikers, gebruiker.getEmail(), gebruiker);
                }
                if (!naam(gebruiker).equalsIgnoreCase(gebruiker.getId())) {
                    sleutel(gebruikers, naam(gebruiker), gebruiker);
                }
            }
            for (Team team : alleTeams) {
                sleutel(teams, team.getCode(), team);
                if (!team.getNaam().equalsIgnoreCase(team.getCode())) {
                    sleutel(teams, team.getNaam(), team);
                }
            }
            for (Doel doel : alleDoelen) {
                sleutel(doelen, doel.getCode(), doel);
                sleutel(doelen, String.valueOf(doel.getId()), doel);
                if (doel.getNaam() != null && !doel.getNaam().equalsIgnoreCase(doel.getCode())) {
                    sleutel(doelen, doel.getNaam(), doel);
                }
            }
        }

        private static <T> void sleutel(Map<String, List<T>> index, String waarde, T ding) {
            if (waarde != null) {
                index.computeIfAbsent(waarde.strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(ding);
            }
        }

        Team team(String tekst) {
            List<Team> gevonden = teams.getOrDefault(tekst.strip().toLowerCase(Locale.ROOT), List.of());
            if (gevonden.isEmpty()) {
                throw new OngeldigeWaarde("onbekend team '" + tekst + "'; gebruik de code of de naam van een team");
            }
            if (gevonden.size() > 1) {
                throw new OngeldigeWaarde("meer teams heten '" + tekst + "'; gebruik de code: "
                        + gevonden.stream().map(Team::getCode).sorted().collect(Collectors.joining(", ")));
            }
            if (gevonden.get(0).isOpgeheven()) {
                throw new OngeldigeWaarde("team " + gevonden.get(0).getCode() + " is opgeheven op "
                        + new Opmaak().datum(gevonden.get(0).getOpgehevenOp()) + "; kies een team dat nog bestaat");
            }
            return gevonden.get(0);
        }

        static String naam(User gebruiker) {
            String naam = Gebruikersnamen.volledigeNaam(gebruiker);
            return naam.isEmpty() ? gebruiker.getId() : naam;
        }

        /** The requester: someone who logs in to Stuurwiel, so that they can complete their own request. */
        User gebruiker(String tekst) {
            List<User> gevonden = gebruikers.getOrDefault(tekst.strip().toLowerCase(Locale.ROOT), List.of()).stream()
                    .distinct().toList();
            if (gevonden.isEmpty()) {
                throw new OngeldigeWaarde("onbekende gebruiker '" + tekst + "'; geef de inlognaam, het e-mailadres of"
                        + " de naam van iemand die in Stuurwiel kan inloggen (nieuwe gebruikers maakt de beheerder aan in"
                        + " Camunda Admin; met single sign-on bestaat iemand na de eerste keer inloggen)");
            }
            if (gevonden.size() > 1) {
                throw new OngeldigeWaarde("meer gebruikers heten '" + tekst + "'; gebruik de inlognaam: "
                        + gevonden.stream().map(User::getId).sorted().collect(Collectors.joining(", ")));
            }
            return gevonden.get(0);
        }

        /** One doel, or several separated by commas when the whole text names none. */
        List<Doel> doelen(String tekst) {
            List<Doel> geheel = doelen.get(tekst.strip().toLowerCase(Locale.ROOT));
            if (geheel != null) {
                return List.of(een(tekst, geheel));
            }
            List<Doel> gevonden = new ArrayList<>();
            List<String> onbekend = new ArrayList<>();
            for (String deel : tekst.split("[,|\\n]")) {
                if (deel.isBlank()) {
                    continue;
                }
                List<Doel> kandidaten = doelen.get(deel.strip().toLowerCase(Locale.ROOT));
                if (kandidaten == null) {
                    onbekend.add("'" + deel.strip() + "'");
                } else if (!gevonden.contains(een(deel, kandidaten))) {
                    gevonden.add(een(deel, kandidaten));
                }
            }
            if (!onbekend.isEmpty()) {
                throw new OngeldigeWaarde("onbekend doel " + String.join(", ", onbekend)
                        + "; gebruik de code of de naam van een doel, meer doelen gescheiden door komma's");
            }
            return gevonden;
        }

        private static Doel een(String tekst, List<Doel> kandidaten) {
            if (kandidaten.size() > 1) {
                throw new OngeldigeWaarde("meer doelen heten '" + tekst.strip() + "'; gebruik de code: "
                        + kandidaten.stream().map(Doel::getCode).sorted().collect(Collectors.joining(", ")));
            }
            return kandidaten.get(0);
        }
    }
}
