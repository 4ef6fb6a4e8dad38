package nl.stuurwiel.demo;

import static nl.stuurwiel.opdracht.LevenscyclusProces.Var;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.stuurwiel.doel.DoelInvoer;
import nl.stuurwiel.doel.DoelService;
import nl.stuurwiel.doel.DoelSoort;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorInvoer;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.indicator.MetingInvoer;
import nl.stuurwiel.indicator.Richting;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.OpdrachtType;
import nl.stuurwiel.opdracht.ReviewFrequentie;
import nl.stuurwiel.review.ReviewOpenenDelegate;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.security.StandaardAutorisaties;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/**
 * Demo profile only: users with known passwords, teams, a small goal tree with measured
 * indicators and a dozen opdrachten walked through the real process by the demo users, so that
 * every phase of the lifecycle has an example. Runs once, on an empty portfolio.
 */
@Component
@Profile("demo")
public class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identityService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final StandaardAutorisaties autorisaties;
    private final TeamRepository teams;
    private final DoelService doelService;
    private final IndicatorService indicatorService;
    private final OpdrachtRepository opdrachten;
    private final OpdrachtService opdrachtService;
    private final String wachtwoord;

    public DemoData(IdentityService identityService, TaskService taskService, ManagementService managementService,
            RuntimeService runtimeService, StandaardAutorisaties autorisaties, TeamRepository teams, DoelService doelService,
            IndicatorService indicatorService, OpdrachtRepository opdrachten, OpdrachtService opdrachtService,
            @Value("${stuurwiel.demo.wachtwoord}") String wachtwoord) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.autorisaties = autorisaties;
        this.teams = teams;
        this.doelService = doelService;
        this.indicatorService = indicatorService;
        this.opdrachten = opdrachten;
        this.opdrachtService = opdrachtService;
        this.wachtwoord = wachtwoord;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void vulAlsLeeg() {
        if (opdrachten.count() > 0) {
            LOG.info("Demo: de database heeft al opdrachten; geen demogegevens toegevoegd");
            return;
        }
        LOG.info("Demo: gebruikers, teams, doelen en opdrachten aanmaken");
        teams();
        gebruikers();
        doelen();
        indicatoren();
        portfolio();
        LOG.info("Demo: klaar; log in als intake, mt, sanne, tim, olga, erik, fenna, pieter of admin met wachtwoord '{}'",
                wachtwoord);
    }

    private void teams() {
        team("WIJK", "Wijkteam Centrum", "teamwijk", "6.0");
        team("ONDERWIJS", "Team Onderwijs en Leerplicht", "teamonderwijs", "4.0");
        team("WERK", "Team Werk en Inkomen", "teamwerk", "3.0");
        team("FYSIEK", "Team Openbare Ruimte", "teamfysiek", "5.0");
    }

    private void team(String code, String naam, String groep, String fte) {
        teams.save(new Team(code, naam, groep, new BigDecimal(fte)));
        autorisaties.teamGroep(groep, naam);
    }

    private void gebruikers() {
        gebruiker("intake", "Ingrid", "Bakker", Rollen.INTAKE, Rollen.AANVRAGER);
        gebruiker("mt", "Mark", "Jansen", Rollen.MT, Rollen.AANVRAGER);
        gebruiker("sanne", "Sanne", "de Vries", Rollen.AANVRAGER);
        gebruiker("tim", "Tim", "Visser", "teamwijk", Rollen.AANVRAGER);
        gebruiker("olga", "Olga", "Smit", "teamonderwijs", Rollen.AANVRAGER);
        gebruiker("erik", "Erik", "Mulder", "teamwerk", Rollen.AANVRAGER);
        gebruiker("fenna", "Fenna", "de Boer", "teamfysiek", Rollen.AANVRAGER);
        gebruiker("pieter", "Pieter", "Meijer", Rollen.PROCESONTWERPER);
    }

    private void gebruiker(String id, String voornaam, String achternaam, String... groepen) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User gebruiker = identityService.newUser(id);
        gebruiker.setFirstName(voornaam);
        gebruiker.setLastName(achternaam);
        gebruiker.setEmail(id + "@gemeente.example");
        gebruiker.setPassword(wachtwoord);
        identityService.saveUser(gebruiker);
        for (String groep : groepen) {
            identityService.createMembership(id, groep);
        }
    }

    private void doelen() {
        LocalDate coalitieVan = LocalDate.of(2026, 1, 1);
        LocalDate coalitieTot = LocalDate.of(2030, 12, 31);
        doel("WT-LEERPLICHT", "Leerplichtwet 1969: toezicht op schoolgang", DoelSoort.WETTELIJKE_TAAK, null, null, null,
                "Leerplichtwet 1969");
        doel("WT-PARTICIPATIE", "Participatiewet: ondersteuning naar werk", DoelSoort.WETTELIJKE_TAAK, null, null, null,
                "Participatiewet");
        doel("WT-WMO", "Wmo 2015: zelfredzaamheid en participatie", DoelSoort.WETTELIJKE_TAAK, null, null, null,
                "Wet maatschappelijke ondersteuning 2015");
        doel("AMB-KANSEN", "Coalitieakkoord 2026-2030: gelijke kansen voor ieder kind", DoelSoort.AMBITIE, null,
                coalitieVan, coalitieTot, null);
        doel("AMB-LEEFBAAR", "Coalitieakkoord 2026-2030: leefbare, groene wijken", DoelSoort.AMBITIE, null,
                coalitieVan, coalitieTot, null);
        doel("D-VERZUIM", "Schoolverzuim daalt", DoelSoort.DOEL, "WT-LEERPLICHT", null, null, null);
        doel("D-VSV", "Minder voortijdig schoolverlaters", DoelSoort.DOEL, "AMB-KANSEN", null, null, null);
        doel("D-ARMOEDE", "Minder kinderen in armoede", DoelSoort.DOEL, "AMB-KANSEN", null, null, null);
        doel("D-WERK", "Meer inwoners aan het werk", DoelSoort.DOEL, "WT-PARTICIPATIE", null, null, null);
        doel("D-EENZAAM", "Minder eenzaamheid onder ouderen", DoelSoort.DOEL, "WT-WMO", null, null, null);
        doel("D-GROEN", "Meer groen en minder hittestress in de wijk", DoelSoort.DOEL, "AMB-LEEFBAAR", null, null, null);
    }

    private void doel(String code, String naam, DoelSoort soort, String ouder, LocalDate van, LocalDate tot, String wet) {
        doelService.maak(new DoelInvoer(code, naam, soort, null, ouder, van, tot, wet));
    }

    /**
     * Every doel that opdrachten contribute to gets a measurable quarterly indicator, with a
     * baseline four quarters ago, a target three years later and three quarters measured by its
     * owner, so that intake accepts the demo opdrachten and realisation has something to show.
     */
    private void indicatoren() {
        indicator("D-VERZUIM", "Aantal thuiszitters", "Leerlingen die langer dan vier weken niet naar school gaan",
                "leerlingen", Richting.LAGER_BETER, "42", "20", "Leerplichtadministratie", "olga", "40", "37", "35");
        indicator("D-VSV", "Nieuwe voortijdig schoolverlaters", "Aandeel jongeren dat zonder startkwalificatie stopt",
                "procent", Richting.LAGER_BETER, "2.1", "1.5", "DUO", "olga", "2.0", "2.0", "1.9");
        indicator("D-ARMOEDE", "Kinderen in een huishouden met een laag inkomen", "Aandeel kinderen tot 18 jaar",
                "procent", Richting.LAGER_BETER, "12.5", "9.0", "CBS", "tim", "12.3", "12.4", "12.6");
        indicator("D-WERK", "Uitstroom naar werk uit de bijstand", "Personen die per kwartaal uitstromen naar werk",
                "personen", Richting.HOGER_BETER, "35", "60", "Eigen registratie", "erik", "38", "41", "47");
        indicator("D-EENZAAM", "Ouderen die zich sterk eenzaam voelen", "Aandeel 65-plussers, zelfgerapporteerd",
                "procent", Richting.LAGER_BETER, "14", "11", "GGD-monitor", "tim", "14", "13.8", "13.5");
        indicator("D-GROEN", "Boombedekking in de wijk", "Aandeel van het oppervlak onder boomkronen", "procent",
                Richting.HOGER_BETER, "18", "22", "Luchtfoto's", "fenna", "18.2", "18.5", "18.9");
    }

    private void indicator(String doel, String naam, String definitie, String eenheid, Richting richting, String basis,
            String streef, String bron, String eigenaar, String... metingen) {
        LocalDate basisdatum = Meetfrequentie.KWARTAAL.periodeVan(LocalDate.now()).minusMonths(12);
        Indicator indicator = indicatorService.maak(new IndicatorInvoer(doel, null, naam, definitie, eenheid, richting,
                new BigDecimal(basis), basisdatum, new BigDecimal(streef), basisdatum.plusYears(3), null,
                Meetfrequentie.KWARTAAL, bron, eigenaar));
        LocalDate periode = basisdatum;
        for (int i = 0; i < metingen.length; i++) {
            periode = Meetfrequentie.KWARTAAL.volgende(periode);
            boolean laatste = i == metingen.length - 1;
            MetingInvoer meting = new MetingInvoer(periode.toString(), new BigDecimal(metingen[i]), null,
                    laatste ? "Beweging past bij wat de opdrachten dit kwartaal deden." : null,
                    laatste ? "Volgend kwartaal de aanpak met de partners bespreken." : null);
            alsGebruiker(eigenaar, () -> indicatorService.meet(indicator.getId(), meting));
        }
    }

    /**
     * An indicator of the opdracht itself, measured by its team: the open review's form asks for
     * its value, prefilled with the last one.
     */
    private void opdrachtIndicator(String sleutel, String eigenaar) {
        LocalDate basisdatum = Meetfrequentie.KWARTAAL.periodeVan(LocalDate.now()).minusMonths(6);
        Indicator indicator = indicatorService.maak(new IndicatorInvoer(null, sleutel,
                "Huishoudens met een betalingsregeling", "Huishoudens met een signaal die een regeling troffen",
                "huishoudens", Richting.HOGER_BETER, new BigDecimal("10"), basisdatum, new BigDecimal("80"),
                basisdatum.plusYears(1), null, Meetfrequentie.KWARTAAL, "Eigen registratie", eigenaar));
        MetingInvoer meting = new MetingInvoer(basisdatum.toString(),
                new BigDecimal("18"), null, "De eerste signalen kwamen later binnen dan gepland.", null);
        alsGebruiker(eigenaar, () -> indicatorService.meet(indicator.getId(), meting));
    }

    /** One opdracht per phase, moved there by the users who would do so. */
    private void portfolio() {
        LocalDate vandaag = LocalDate.now();
        // intake
        aanvraag("sanne", "Huiswerkbegeleiding in de bibliotheek", OpdrachtType.INTERVENTIE, "onderwijs",
                "Noord", "ONDERWIJS", List.of("D-VSV"), "45000", "0.8", vandaag.plusMonths(1), vandaag.plusMonths(13));
        // aanvullen
        String aanvullen = aanvraag("sanne", "Buurtkamers voor ouderen", OpdrachtType.PROJECT, "sociaal",
                "Centrum", "WIJK", List.of("D-EENZAAM"), null, null, null, null);
        intake(aanvullen, "aanvullen", "Vul budget, capaciteit en looptijd aan, en welk resultaat u verwacht.");
        // prioritering
        String prioritering = aanvraag("tim", "Schuldhulp aan de keukentafel", OpdrachtType.INTERVENTIE,
                "sociaal", "Oost", "WIJK", List.of("D-ARMOEDE"), "120000", "1.5", vandaag.plusMonths(2),
                vandaag.plusMonths(26));
        intake(prioritering, "accepteren", "Compleet");
        // geparkeerd
        String geparkeerd = aanvraag("fenna", "Geveltuinen en tegelwippen", OpdrachtType.ACTIVITEIT, "fysiek",
                "West", "FYSIEK", List.of("D-GROEN"), "30000", "0.5", vandaag.plusMonths(3), vandaag.plusMonths(15));
        intake(geparkeerd, "accepteren", "Compleet");
        mt(geparkeerd, "parkeren", "Past dit jaar niet in de capaciteit; volgend overleg opnieuw bekijken.");
        // afgewezen
        String afgewezen = aanvraag("sanne", "Eigen app voor de gemeenteraad", OpdrachtType.PROJECT,
                "bedrijfsvoering", null, "WERK", List.of("D-WERK"), "250000", "2.0", vandaag.plusMonths(1),
                vandaag.plusMonths(12));
        intake(afgewezen, "afwijzen", "Draagt niet bij aan de doelen van het programma; bestaande voorziening volstaat.");
        // uitvoering (twee)
        String uitvoering = gestart("olga", "Aanpak thuiszitters", OpdrachtType.PROGRAMMA, "onderwijs", "Noord",
                "ONDERWIJS", List.of("D-VERZUIM", "D-VSV"), "300000", "1.6", vandaag.minusMonths(5),
                vandaag.plusMonths(19), ReviewFrequentie.KWARTAAL);
        opdrachtService.koppelDoelen(uitvoering, List.of(
                new OpdrachtService.DoelBijdrage("D-VERZUIM", "Dertig thuiszitters terug naar school", 70),
                new OpdrachtService.DoelBijdrage("D-VSV", "Minder uitval na langdurig verzuim", 30)));
        String werkfit = gestart("erik", "Werkfit-traject statushouders", OpdrachtType.INTERVENTIE, "economie",
                "Zuid", "WERK", List.of("D-WERK"), "180000", "1.0", vandaag.minusMonths(2).minusDays(18),
                vandaag.plusMonths(10), ReviewFrequentie.MAAND);
        // Its monthly review follows its start date, not the moment the demo started it, so the
        // dashboard's "reviews in the coming 30 days" has one to show.
        volgendeReview(werkfit, vandaag.plusDays(12));
        // review
        String review = gestart("tim", "Vroegsignalering betalingsachterstanden", OpdrachtType.INTERVENTIE,
                "sociaal", "Oost", "WIJK", List.of("D-ARMOEDE"), "90000", "1.2", vandaag.minusMonths(4),
                vandaag.plusMonths(8), ReviewFrequentie.KWARTAAL);
        opdrachtIndicator(review, "tim");
        // Its first review was reported and judged, so that gebied Oost's plan has a colour and money spent;
        // the second came due three weeks ago and the team has not reported yet: a late task on the dashboard.
        reviewmoment(review);
        rapporteer(review, "tim", "oranje", "doorgaan", "Veertig gezinnen bereikt; de woningcorporatie levert nog geen signalen aan.");
        beoordeel(review, "doorgaan", "Doorgaan; afspraken met de corporatie vastleggen.");
        reviewmoment(review);
        teLaat(review, Element.VOORTGANG_RAPPORTEREN, vandaag.minusDays(7));
        // bijstelling
        String bijstelling = gestart("fenna", "Vergroening schoolpleinen", OpdrachtType.PROJECT, "fysiek",
                "West", "FYSIEK", List.of("D-GROEN"), "200000", "1.0", vandaag.minusMonths(6), vandaag.plusMonths(6),
                ReviewFrequentie.KWARTAAL);
        reviewmoment(bijstelling);
        rapporteer(bijstelling, "fenna", "oranje", "bijsturen", "Drie van de acht pleinen klaar; aannemer loopt uit.");
        beoordeel(bijstelling, "bijsturen", "Stel een bijgestelde planning en begroting op.");
        werk(bijstelling, "fenna", Element.BIJSTELLING_OPSTELLEN, Map.of(Var.NIEUW_BUDGET, 240000,
                Var.NIEUWE_EINDDATUM, vandaag.plusMonths(10).toString(), Var.BIJSTELLING_REDEN,
                "Prijsstijging beplanting en vertraging bij de aannemer."));
        // afsluiting
        String afsluiting = gestart("tim", "Inloopspreekuur energiearmoede", OpdrachtType.ACTIVITEIT, "sociaal",
                "Centrum", "WIJK", List.of("D-ARMOEDE"), "25000", "0.4", vandaag.minusMonths(10),
                vandaag.plusMonths(1), ReviewFrequentie.HALFJAAR);
        werk(afsluiting, "tim", Element.UITVOEREN, Map.of("uitvoeringGereed", true));
        // afgerond
        String afgerond = gestart("olga", "Voorlichting leerplicht basisscholen", OpdrachtType.ACTIVITEIT,
                "onderwijs", null, "ONDERWIJS", List.of("D-VERZUIM"), "15000", "0.3", vandaag.minusMonths(12),
                vandaag.minusMonths(1), ReviewFrequentie.HALFJAAR);
        reviewmoment(afgerond);
        rapporteer(afgerond, "olga", "groen", "doorgaan", "Alle 24 basisscholen bezocht.");
        beoordeel(afgerond, "doorgaan", "Goed op schema.");
        werk(afgerond, "olga", Element.UITVOEREN, Map.of("uitvoeringGereed", true));
        werk(afgerond, "olga", Element.EINDEVALUATIE, Map.of(Var.DOELEN_BEREIKT, "ja", Var.IMPACT,
                "Meldingen van verzuim kwamen eerder binnen.", Var.LESSEN, "Scholen vroeg in het jaar benaderen."));
        // gestopt
        String gestopt = gestart("erik", "Banenmarkt op locatie", OpdrachtType.ACTIVITEIT, "economie", "Zuid",
                "WERK", List.of("D-WERK"), "40000", "0.5", vandaag.minusMonths(7), vandaag.plusMonths(5),
                ReviewFrequentie.KWARTAAL);
        reviewmoment(gestopt);
        rapporteer(gestopt, "erik", "rood", "stoppen", "Werkgevers haken af; opkomst te laag.");
        beoordeel(gestopt, "stoppen", "Stoppen; middelen naar het werkfit-traject.");
        werk(gestopt, "erik", Element.EINDEVALUATIE, Map.of(Var.DOELEN_BEREIKT, "nee", Var.LESSEN,
                "Eerst werkgevers binden, dan pas organiseren."));
        // vertrouwelijk: only team Wijk (tim), intake, MT and the administrator see it
        String vertrouwelijk = alsGebruiker("tim", () -> opdrachtService.aanvragen(new OpdrachtAanvraag(
                "Huisbezoeken bij gezinnen met zorgwekkende schulden", "Gezinnen met oplopende schulden en zorgen",
                "Gezinnen in beeld voordat de schulden problematisch worden", null, OpdrachtType.INTERVENTIE,
                "sociaal", "Oost", "Wethouder Sociaal", "WIJK", List.of("D-ARMOEDE"), new BigDecimal("60000"),
                new BigDecimal("0.6"), vandaag.minusMonths(1), vandaag.plusMonths(11), ReviewFrequentie.KWARTAAL,
                true), "tim").getSleutel());
        intake(vertrouwelijk, "accepteren", "Compleet");
        mt(vertrouwelijk, "starten", "Past binnen de prioriteiten en de capaciteit.");
        LOG.debug("Demo: opdracht in uitvoering {}", uitvoering);
    }

    private String aanvraag(String aanvrager, String titel, OpdrachtType type, String domein, String gebied,
            String team, List<String> doelcodes, String budget, String fte, LocalDate start, LocalDate eind) {
        return aanvraag(aanvrager, titel, type, domein, gebied, team, doelcodes, budget, fte, start, eind,
                budget == null ? null : ReviewFrequentie.KWARTAAL);
    }

    private String aanvraag(String aanvrager, String titel, OpdrachtType type, String domein, String gebied,
            String team, List<String> doelcodes, String budget, String fte, LocalDate start, LocalDate eind,
            ReviewFrequentie frequentie) {
        return alsGebruiker(aanvrager, () -> opdrachtService.aanvragen(new OpdrachtAanvraag(titel,
                "Vraagstuk van " + titel.toLowerCase(), budget == null ? null : "Meetbaar resultaat voor " + titel.toLowerCase(),
                null, type, domein, gebied, "Wethouder " + Character.toUpperCase(domein.charAt(0)) + domein.substring(1),
                team, doelcodes, budget == null ? null : new BigDecimal(budget), fte == null ? null : new BigDecimal(fte),
                start, eind, frequentie), aanvrager).getSleutel());
    }

    private String gestart(String aanvrager, String titel, OpdrachtType type, String domein, String gebied,
            String team, List<String> doelcodes, String budget, String fte, LocalDate start, LocalDate eind,
            ReviewFrequentie frequentie) {
        String sleutel = aanvraag(aanvrager, titel, type, domein, gebied, team, doelcodes, budget, fte, start, eind,
                frequentie);
        intake(sleutel, "accepteren", "Compleet");
        mt(sleutel, "starten", "Past binnen de prioriteiten en de capaciteit.");
        return sleutel;
    }

    private void intake(String sleutel, String besluit, String toelichting) {
        werk(sleutel, "intake", Element.BEOORDEEL_INTAKE, Map.of(Var.INTAKE_BESLUIT, besluit,
                Var.INTAKE_TOELICHTING, toelichting, Var.URGENTIE, "midden", Var.RISICO, "laag"));
    }

    private void mt(String sleutel, String besluit, String toelichting) {
        werk(sleutel, "mt", Element.MT_BESLUIT, Map.of(Var.MT_BESLUIT, besluit, Var.MT_TOELICHTING, toelichting));
    }

    /** The review cycle timer comes due now instead of in a few months. */
    private void reviewmoment(String sleutel) {
        String proces = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sleutel)
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(proces)
                .activityId(LevenscyclusProces.Element.TIMER_REVIEWCYCLUS).singleResult();
        managementService.executeJob(timer.getId());
    }

    private void volgendeReview(String sleutel, LocalDate datum) {
        String proces = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sleutel)
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(proces)
                .activityId(LevenscyclusProces.Element.TIMER_REVIEWCYCLUS).singleResult();
        managementService.setJobDuedate(timer.getId(), Date.from(datum.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
    }

    private void teLaat(String sleutel, String taakDefinitie, LocalDate uiterlijk) {
        Task taak = taskService.createTaskQuery().processInstanceBusinessKey(sleutel).taskDefinitionKey(taakDefinitie)
                .singleResult();
        taak.setDueDate(Date.from(uiterlijk.atTime(17, 0).atZone(ZoneId.systemDefault()).toInstant()));
        taskService.saveTask(taak);
    }

    private void rapporteer(String sleutel, String teamlid, String kleur, String voorstel, String voortgang) {
        // The demo teams judge for themselves, so each gives its reason; a colour that differs
        // from the computed one needs it (ReviewOpenenDelegate.KLEUR_TOELICHTING).
        werk(sleutel, teamlid, Element.VOORTGANG_RAPPORTEREN, Map.of(Var.STATUS_KLEUR, kleur, Var.VOORTGANG, voortgang,
                Var.BESTEED_BUDGET, 60000, Var.INGEZETTE_FTE, 0.9, Var.RISICOS, "Beperkt", Var.VOORSTEL, voorstel,
                ReviewOpenenDelegate.KLEUR_TOELICHTING, "Het team weegt de voortgang zelf: " + voortgang));
    }

    private void beoordeel(String sleutel, String besluit, String toelichting) {
        werk(sleutel, "mt", Element.REVIEW_BEOORDELEN, Map.of(Var.REVIEW_BESLUIT, besluit,
                Var.REVIEW_TOELICHTING, toelichting));
    }

    /** Claims and completes the task as the given user, under that user's authorizations. */
    private void werk(String sleutel, String gebruiker, String taakDefinitie, Map<String, Object> variabelen) {
        alsGebruiker(gebruiker, () -> {
            Task taak = taskService.createTaskQuery().processInstanceBusinessKey(sleutel)
                    .taskDefinitionKey(taakDefinitie).singleResult();
            if (taak == null) {
                throw new IllegalStateException("Demo: geen taak " + taakDefinitie + " voor " + sleutel + " zichtbaar voor " + gebruiker);
            }
            taskService.claim(taak.getId(), gebruiker);
            taskService.complete(taak.getId(), new HashMap<>(variabelen));
            return null;
        });
    }

    private <T> T alsGebruiker(String gebruiker, java.util.function.Supplier<T> werk) {
        List<String> groepen = identityService.createGroupQuery().groupMember(gebruiker).list().stream()
                .map(g -> g.getId()).toList();
        identityService.setAuthentication(gebruiker, groepen);
        try {
            return werk.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
