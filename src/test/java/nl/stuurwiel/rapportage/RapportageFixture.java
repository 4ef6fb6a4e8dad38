package nl.stuurwiel.rapportage;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.bijstelling.Bijstelling;
import nl.stuurwiel.bijstelling.BijstellingRepository;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.MetingInvoer;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.opdracht.OpdrachtType;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.review.Voorstel;
import nl.stuurwiel.review.Voortgangsrapportage;
import nl.stuurwiel.review.VoortgangsrapportageRepository;
import nl.stuurwiel.team.Team;

/**
 * A small portfolio with known figures for the first half of 2026, written straight into the
 * tables (progress reports and decisions dated in that half year), so the snapshot can be
 * checked against numbers computed by hand:
 *
 * <pre>
 * opdracht  fase        budget   fte  start       in H1 2026?  latest report by 30-6      colour
 * A         uitvoering  120.000  2,0  2026-01-01  yes          15-6: 45.000 spent, 1,8    oranje
 * B (vertr.) review      50.000  1,0  2026-02-01  yes           1-5: 20.000 spent, 0,8    rood
 * G         afgerond     30.000  0,5  2025-06-01  yes (closed 31-5)  none                 –
 * C         uitvoering   10.000  0,5  2026-08-01  no (starts later)
 * E         afgerond     99.000  1,0  2025-01-01  no (closed 15-12-2025)
 * F         prioritering 77.000  1,0  2026-03-01  no (not started by MT)
 * team, doel and gebied: 3 opdrachten, budget 200.000, spent 65.000 (32,5%), fte 3,5, used 2,6 (74,29%)
 * </pre>
 * A's report of 15 July (80.000, rood) lies after the period and does not count. Decisions in the
 * period: A review 5 April doorgaan, B review 3 May doorgaan, A review 16 June bijsturen, A
 * adjustment 20 June approved (budget 100.000 to 120.000). The doel's indicator (thuiszitters,
 * 120 on 2026-01-01 to 60 on 2028-01-01, quarterly, lower is better) has 110 for Q1, 95 corrected
 * to 97 for Q2, and 90 for Q3 (after the period).
 */
class RapportageFixture {

    final Team team;
    final Doel doel;
    final Indicator indicator;
    final String gebied;
    final Opdracht a;
    final Opdracht b;
    final Opdracht g;
    final Opdracht c;
    final Opdracht e;
    final Opdracht f;

    private final OpdrachtRepository opdrachten;
    private final DoelRepository doelen;
    private final VoortgangsrapportageRepository rapportages;
    private final BijstellingRepository bijstellingen;
    private final TransactionTemplate transactie;
    private final JdbcTemplate jdbc;

    /** The fixture built from the test context's beans. */
    static RapportageFixture bouw(org.springframework.context.ApplicationContext context) {
        return new RapportageFixture(context.getBean(PortfolioFixture.class), context.getBean(OpdrachtRepository.class),
                context.getBean(DoelRepository.class), context.getBean(VoortgangsrapportageRepository.class),
                context.getBean(BijstellingRepository.class), context.getBean(IndicatorService.class),
                context.getBean(TransactionTemplate.class), context.getBean(JdbcTemplate.class));
    }

    RapportageFixture(PortfolioFixture portfolio, OpdrachtRepository opdrachten, DoelRepository doelen,
            VoortgangsrapportageRepository rapportages, BijstellingRepository bijstellingen,
            IndicatorService indicatorService, TransactionTemplate transactie, JdbcTemplate jdbc) {
        this.opdrachten = opdrachten;
        this.doelen = doelen;
        this.rapportages = rapportages;
        this.bijstellingen = bijstellingen;
        this.transactie = transactie;
        this.jdbc = jdbc;
        team = portfolio.team("4.0");
        doel = portfolio.doel();
        indicator = indicatorService.zoek(doel.getCode(), null).get(0);
        gebied = "Wijk-" + uniek();

        a = opdracht("Huiswerkklas", Fase.UITVOERING, "120000", "2.0", LocalDate.of(2026, 1, 1), false, null);
        b = opdracht("Pilot achter de voordeur", Fase.REVIEW, "50000", "1.0", LocalDate.of(2026, 2, 1), true, null);
        g = opdracht("Zomerschool", Fase.AFGEROND, "30000", "0.5", LocalDate.of(2025, 6, 1), false,
                LocalDate.of(2026, 5, 31));
        c = opdracht("Najaarsproject", Fase.UITVOERING, "10000", "0.5", LocalDate.of(2026, 8, 1), false, null);
        e = opdracht("Oud project", Fase.AFGEROND, "99000", "1.0", LocalDate.of(2025, 1, 1), false,
                LocalDate.of(2025, 12, 15));
        f = opdracht("Wacht op MT", Fase.PRIORITERING, "77000", "1.0", LocalDate.of(2026, 3, 1), false, null);

        rapportage(a, 1, StatusKleur.GROEN, "30000", "1.5", LocalDateTime.of(2026, 4, 2, 12, 0), "doorgaan",
                "Op schema", LocalDateTime.of(2026, 4, 5, 12, 0));
        rapportage(a, 2, StatusKleur.ORANJE, "45000", "1.8", LocalDateTime.of(2026, 6, 15, 12, 0), "bijsturen",
                "Meer inzet op preventie", LocalDateTime.of(2026, 6, 16, 12, 0));
        rapportage(a, 3, StatusKleur.ROOD, "80000", "2.0", LocalDateTime.of(2026, 7, 15, 12, 0), "stoppen",
                "Na de periode", LocalDateTime.of(2026, 7, 16, 12, 0));
        rapportage(b, 1, StatusKleur.ROOD, "20000", "0.8", LocalDateTime.of(2026, 5, 1, 12, 0), "doorgaan",
                "Geheime toelichting", LocalDateTime.of(2026, 5, 3, 12, 0));
        rapportage(c, 1, StatusKleur.GROEN, "5000", "0.5", LocalDateTime.of(2026, 6, 1, 12, 0), null, null, null);

        Bijstelling bijstelling = bijstellingen.save(new Bijstelling(opdracht(a.getSleutel()), 1, "Extra groep",
                new BigDecimal("120000"), null, null, null, "lid"));
        jdbc.update("update bijstelling set status = 'GOEDGEKEURD', oud_budget = 100000, beoordeeld_door = 'mt', "
                + "beoordeeld_op = ?, toelichting = 'Akkoord' where id = ?",
                Timestamp.valueOf(LocalDateTime.of(2026, 6, 20, 12, 0)), bijstelling.getId());

        indicatorService.meet(indicator.getId(), new MetingInvoer("2026-01-01", new BigDecimal("110"), null, null, null));
        indicatorService.meet(indicator.getId(), new MetingInvoer("2026-04-01", new BigDecimal("95"), null, null, null));
        indicatorService.meet(indicator.getId(),
                new MetingInvoer("2026-04-01", new BigDecimal("97"), "telfout hersteld", null, null));
        indicatorService.meet(indicator.getId(), new MetingInvoer("2026-07-01", new BigDecimal("90"), null, null, null));
    }

    static Periode periode() {
        return Periode.halfjaar(2026, 1);
    }

    private Opdracht opdracht(String titel, Fase fase, String budget, String fte, LocalDate start, boolean vertrouwelijk,
            LocalDate afgesloten) {
        return transactie.execute(s -> {
            Opdracht o = new Opdracht("OPD-R-" + uniek(), titel, OpdrachtType.PROJECT,
                    vertrouwelijk ? "sociaal" : "onderwijs", team);
            o.setFase(fase);
            o.setBudget(new BigDecimal(budget));
            o.setFte(new BigDecimal(fte));
            o.setStartdatum(start);
            o.setEinddatum(start.plusYears(1));
            o.setGebied(gebied);
            o.setVertrouwelijk(vertrouwelijk);
            o.setAanvrager("aanvrager-rapportage");
            o.setAfgeslotenOp(afgesloten);
            o.voegDoelToe(doelen.findById(doel.getId()).orElseThrow());
            return opdrachten.save(o);
        });
    }

    private Opdracht opdracht(String sleutel) {
        return opdrachten.findBySleutel(sleutel).orElseThrow();
    }

    private void rapportage(Opdracht opdracht, int volgnummer, StatusKleur kleur, String besteed, String fte,
            LocalDateTime ingediend, String besluit, String toelichting, LocalDateTime beoordeeld) {
        Voortgangsrapportage r = new Voortgangsrapportage(opdracht(opdracht.getSleutel()), volgnummer,
                ingediend.toLocalDate());
        r.dienIn(kleur, "Voortgang " + volgnummer, new BigDecimal(besteed), new BigDecimal(fte), null,
                Voorstel.DOORGAAN, "lid");
        if (besluit != null) {
            r.beoordeel(besluit, toelichting, "mt");
        }
        r = rapportages.save(r);
        jdbc.update("update voortgangsrapportage set ingediend_op = ?, beoordeeld_op = ? where id = ?",
                Timestamp.valueOf(ingediend), beoordeeld == null ? null : Timestamp.valueOf(beoordeeld), r.getId());
    }

    private static final Set<Integer> UITGEGEVEN_JAREN = new HashSet<>();

    /**
     * The first year whose 1 January has a whole-hour offset in the Dutch zone the application
     * runs in: embedded H2 stores an earlier date (Amsterdam's old +00:19:32 / +00:20) a day early.
     */
    static final int EERSTE_VRIJ_JAAR = 1941;

    /**
     * A year long past, from {@code vanaf} up to {@code tot}, that no report in the database and
     * no other test in this JVM uses, so a draft left by one test (or by an earlier run on a kept
     * PostgreSQL database) never makes another test's start a conflict.
     */
    static synchronized int vrijJaar(HalfjaarrapportageRepository rapportages, int vanaf, int tot) {
        Set<Integer> bezet = new HashSet<>(UITGEGEVEN_JAREN);
        rapportages.findAll().forEach(r -> {
            bezet.add(r.getPeriodeVan().getYear());
            bezet.add(r.getPeriodeTot().getYear());
        });
        for (int poging = 0; poging < 10_000; poging++) {
            int jaar = ThreadLocalRandom.current().nextInt(vanaf, tot);
            if (!bezet.contains(jaar)) {
                UITGEGEVEN_JAREN.add(jaar);
                return jaar;
            }
        }
        throw new IllegalStateException("Geen vrij rapportagejaar tussen " + vanaf + " en " + tot + " meer");
    }

    private static String uniek() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
