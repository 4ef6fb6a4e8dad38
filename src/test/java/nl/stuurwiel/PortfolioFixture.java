package nl.stuurwiel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import nl.stuurwiel.bijstelling.Bijstelling;
import nl.stuurwiel.bijstelling.BijstellingRepository;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.doel.DoelSoort;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorRepository;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.indicator.Richting;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.opdracht.OpdrachtType;
import nl.stuurwiel.opdracht.ReviewFrequentie;
import nl.stuurwiel.review.Voortgangsrapportage;
import nl.stuurwiel.review.VoortgangsrapportageRepository;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Portfolio data for process tests. Every test makes its own teams and doelen with unique codes,
 * because all tests of a JVM share one database and none may rely on it being empty.
 */
@TestComponent
public class PortfolioFixture {

    public static final String AANVRAGER = "aanvrager-jansen";

    private final TeamRepository teams;
    private final DoelRepository doelen;
    private final IndicatorRepository indicatoren;
    private final OpdrachtRepository opdrachten;
    private final VoortgangsrapportageRepository rapportages;
    private final BijstellingRepository bijstellingen;
    private final TransactionTemplate transactie;
    private final IdentityService identityService;
    private final nl.stuurwiel.security.StandaardAutorisaties autorisaties;

    public PortfolioFixture(TeamRepository teams, DoelRepository doelen, IndicatorRepository indicatoren,
            OpdrachtRepository opdrachten,
            VoortgangsrapportageRepository rapportages, BijstellingRepository bijstellingen,
            TransactionTemplate transactie, IdentityService identityService,
            nl.stuurwiel.security.StandaardAutorisaties autorisaties) {
        this.identityService = identityService;
        this.autorisaties = autorisaties;
        this.teams = teams;
        this.doelen = doelen;
        this.indicatoren = indicatoren;
        this.opdrachten = opdrachten;
        this.rapportages = rapportages;
        this.bijstellingen = bijstellingen;
        this.transactie = transactie;
    }

    public Team team(String capaciteitFte) {
        String code = uniek("T");
        return teams.save(new Team(code, "Team " + code, "groep-" + code.toLowerCase(), new BigDecimal(capaciteitFte)));
    }

    /** A team with its group in Camunda, as the application makes them, for tests that log its members in. */
    public Team teamMetGroep(String capaciteitFte) {
        String code = uniek("T");
        // A Camunda group id takes letters and digits only.
        Team team = teams.save(new Team(code, "Team " + code, "team" + code.toLowerCase().replaceAll("[^a-z0-9]", ""),
                new BigDecimal(capaciteitFte)));
        autorisaties.teamGroep(team.getGroepId(), team.getNaam());
        return team;
    }

    /**
     * An ambition from the coalition agreement with one doel under it, followed by a measurable
     * indicator, so that intake can accept opdrachten that contribute to it.
     */
    public Doel doel() {
        Doel doel = doelZonderIndicator();
        meetbareIndicator(doel);
        return doel;
    }

    /** A doel nobody measures yet: intake refuses opdrachten that only contribute to such doelen. */
    public Doel doelZonderIndicator() {
        Doel ambitie = new Doel(uniek("A"), "Iedereen doet mee", DoelSoort.AMBITIE, null);
        ambitie.setPeriode(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31));
        doelen.save(ambitie);
        return doelen.save(new Doel(uniek("D"), "Minder thuiszitters", DoelSoort.DOEL, ambitie));
    }

    /** A doel that serves a statutory task only through its parent (e.g. the Leerplichtwet). */
    public Doel doelOnderWettelijkeTaak() {
        Doel wet = new Doel(uniek("W"), "Leerplichtwet", DoelSoort.WETTELIJKE_TAAK, null);
        wet.setWet("Leerplichtwet 1969");
        doelen.save(wet);
        Doel doel = doelen.save(new Doel(uniek("D"), "Verzuim binnen twee weken opgepakt", DoelSoort.DOEL, wet));
        meetbareIndicator(doel);
        return doel;
    }

    /** Thuiszitters per quarter: 120 at the start of 2026, 60 by the end of 2027. */
    public Indicator meetbareIndicator(Doel doel) {
        Indicator indicator = new Indicator("Aantal thuiszitters", Richting.LAGER_BETER, Meetfrequentie.KWARTAAL);
        indicator.hangAan(doel, null);
        indicator.setEenheid("leerlingen");
        indicator.zetBasis(new BigDecimal("120"), LocalDate.of(2026, 1, 1));
        indicator.zetStreef(new BigDecimal("60"), LocalDate.of(2028, 1, 1));
        return indicatoren.save(indicator);
    }

    /** A request intake can accept as it is: budget 40.000, 1,5 fte, six months, monthly reviews. */
    public OpdrachtAanvraag volledigeAanvraag(Team team, Doel... doelen) {
        LocalDate start = LocalDate.now();
        return new OpdrachtAanvraag("Schoolverzuim terugdringen", "Te veel leerlingen zitten thuis",
                "Verzuim daalt met een kwart", "Vroeg contact met ouders voorkomt langdurig verzuim",
                OpdrachtType.INTERVENTIE, "onderwijs", "Noord", "Wethouder onderwijs", team.getCode(),
                codes(doelen), new BigDecimal("40000.00"), new BigDecimal("1.50"), start, start.plusMonths(6),
                ReviewFrequentie.MAAND);
    }

    /** A request that only names title, type, domain and team: intake will ask for more. */
    public OpdrachtAanvraag onvolledigeAanvraag(Team team) {
        return new OpdrachtAanvraag("Buurtkamer Zuid", null, null, null, OpdrachtType.PROJECT, "sociaal",
                "Zuid", null, team.getCode(), List.of(), null, null, null, null, null);
    }

    /** The opdracht as committed, with team and doelen loaded. */
    public Opdracht opdracht(String sleutel) {
        return opdrachten.findBySleutel(sleutel).orElseThrow();
    }

    public void wijzig(String sleutel, Consumer<Opdracht> wijziging) {
        transactie.executeWithoutResult(status -> wijziging.accept(opdrachten.findBySleutel(sleutel).orElseThrow()));
    }

    public List<Voortgangsrapportage> rapportages(String sleutel) {
        return rapportages.findByOpdrachtSleutelOrderByVolgnummer(sleutel);
    }

    public List<Bijstelling> bijstellingen(String sleutel) {
        return bijstellingen.findByOpdrachtSleutelOrderByVolgnummer(sleutel);
    }

    /** Keys of the opdrachten waiting for MT, in the order the ranking should give them. */
    public List<String> wachtrij() {
        return opdrachten.wachtrij(List.of(Fase.PRIORITERING, Fase.GEPARKEERD)).stream()
                .map(id -> opdrachten.findById(id).orElseThrow().getSleutel()).toList();
    }

    private static List<String> codes(Doel... doelen) {
        return Arrays.stream(doelen).map(Doel::getCode).toList();
    }

    /** A Camunda user with this id and password, member of the given groups; returns the id. */
    public String gebruiker(String id, String wachtwoord, String... groepen) {
        return gebruikerMetNaam(id, wachtwoord, "Testgebruiker", id, groepen);
    }

    /** As {@link #gebruiker}, with the first and last name the pages should show instead of the id. */
    public String gebruikerMetNaam(String id, String wachtwoord, String voornaam, String achternaam,
            String... groepen) {
        User nieuw = identityService.newUser(id);
        nieuw.setFirstName(voornaam);
        nieuw.setLastName(achternaam);
        nieuw.setPassword(wachtwoord);
        identityService.saveUser(nieuw);
        for (String groep : groepen) {
            identityService.createMembership(id, groep);
        }
        return id;
    }

    private static String uniek(String voorvoegsel) {
        return voorvoegsel + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
