package nl.stuurwiel.rapportage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.bijstelling.Bijstelling;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.MetingInvoer;
import nl.stuurwiel.rapportage.Momentopname.Besluit;
import nl.stuurwiel.rapportage.Momentopname.IndicatorRealisatie;
import nl.stuurwiel.rapportage.Momentopname.Kleuren;
import nl.stuurwiel.rapportage.Momentopname.Middelen;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/** The snapshot against the hand-computed figures of {@link RapportageFixture}, and what each reader sees of it. */
@StuurwielTest
class MomentopnameTest {

    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    IndicatorService indicatorService;
    @Autowired
    TransactionTemplate transactie;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RapportageService rapportageService;
    @Autowired
    HalfjaarrapportageRepository halfjaarrapportages;
    @Autowired
    IdentityService identityService;

    RapportageFixture fixture;
    Halfjaarrapportage rapportage;

    @BeforeEach
    void portfolioEnRapportage() {
        fixture = RapportageFixture.bouw(context);
        rapportage = rapportageService.stelSamen(RapportageFixture.periode(), false, "intake", null);
    }

    @AfterEach
    void afmelden() {
        identityService.clearAuthentication();
    }

    private static Middelen rij(List<Middelen> rijen, String code) {
        return rijen.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + code + " in " + rijen));
    }

    private List<Besluit> besluitenVanFixture(Momentopname m) {
        List<String> sleutels = List.of(fixture.a.getSleutel(), fixture.b.getSleutel());
        return m.besluiten().stream().filter(b -> b.opdracht() == null ? b.team().equals(fixture.team.getCode())
                : sleutels.contains(b.opdracht())).toList();
    }

    @Test
    void moneyAndPeoplePerTeamDoelAndGebiedEqualTheHandComputedFigures() {
        Momentopname m = rapportageService.momentopname(rapportage.getId());

        assertThat(m.van()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(m.tot()).isEqualTo(LocalDate.of(2026, 6, 30));
        Middelen team = rij(m.perTeam(), fixture.team.getCode());
        assertThat(team.aantal()).isEqualTo(3);
        assertThat(team.budget()).isEqualByComparingTo("200000");
        assertThat(team.besteed()).isEqualByComparingTo("65000");
        assertThat(team.budgetUitputting()).isEqualByComparingTo("0.3250");
        assertThat(team.fte()).isEqualByComparingTo("3.5");
        assertThat(team.ingezetteFte()).isEqualByComparingTo("2.6");
        assertThat(team.fteBenutting()).isEqualByComparingTo("0.7429");
        assertThat(team.capaciteitFte()).isEqualByComparingTo("4.0");
        assertThat(team.kleuren()).isEqualTo(new Kleuren(0, 1, 1, 1));

        for (Middelen rij : List.of(rij(m.perDoel(), fixture.doel.getCode()), rij(m.perGebied(), fixture.gebied))) {
            assertThat(rij.aantal()).isEqualTo(3);
            assertThat(rij.budget()).isEqualByComparingTo("200000");
            assertThat(rij.besteed()).isEqualByComparingTo("65000");
            assertThat(rij.fte()).isEqualByComparingTo("3.5");
            assertThat(rij.ingezetteFte()).isEqualByComparingTo("2.6");
            assertThat(rij.kleuren()).isEqualTo(new Kleuren(0, 1, 1, 1));
            assertThat(rij.capaciteitFte()).isNull();
        }
        assertThat(rij(m.perDoel(), fixture.doel.getCode()).naam()).isEqualTo(fixture.doel.getNaam());
        assertThat(m.perDomein()).extracting(Middelen::code).contains("onderwijs", "sociaal");
        assertThat(rij(m.perDomein(), "sociaal").naam()).as("the council reads the domain's name").isEqualTo("Sociaal");
        assertThat(m.totaal().budget()).isGreaterThanOrEqualTo(new BigDecimal("200000"));
    }

    /** As on the dashboard: an opdracht serving two doelen is shared by weight, and the doelen add up to the total. */
    @Test
    void moneyAndPeoplePerDoelAreSharedByWeightAndAddUpToTheTotal() {
        nl.stuurwiel.doel.Doel tweede = portfolio.doel();
        jakarta.persistence.EntityManager em = context.getBean(jakarta.persistence.EntityManager.class);
        transactie.executeWithoutResult(t -> {
            nl.stuurwiel.opdracht.Opdracht a = em.find(nl.stuurwiel.opdracht.Opdracht.class, fixture.a.getId());
            a.koppel(em.find(nl.stuurwiel.doel.Doel.class, fixture.doel.getId()), null, 70);
            a.koppel(em.find(nl.stuurwiel.doel.Doel.class, tweede.getId()), null, 30);
        });
        Momentopname m = transactie.execute(t -> context.getBean(MomentopnameSamensteller.class).stelSamen(
                RapportageFixture.periode().van(), RapportageFixture.periode().tot(), java.time.Instant.now()));

        Middelen eerste = rij(m.perDoel(), fixture.doel.getCode());
        assertThat(eerste.aantal()).isEqualTo(3);
        assertThat(eerste.budget()).as("70% of 120.000 and the other two whole").isEqualByComparingTo("164000");
        assertThat(eerste.fte()).as("70% of 2,0 and 1,5").isEqualByComparingTo("2.9");
        Middelen andere = rij(m.perDoel(), tweede.getCode());
        assertThat(andere.aantal()).isEqualTo(1);
        assertThat(andere.budget()).isEqualByComparingTo("36000");
        assertThat(andere.fte()).isEqualByComparingTo("0.6");
        for (java.util.function.Function<Middelen, BigDecimal> kolom : List.<java.util.function.Function<Middelen, BigDecimal>>of(
                Middelen::budget, Middelen::besteed, Middelen::fte, Middelen::ingezetteFte)) {
            assertThat(m.perDoel().stream().map(kolom).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(kolom.apply(m.totaal()));
        }
    }

    @Test
    void indicatorRealisationUsesTheCurrentValueOfTheLastPeriodInTheHalfYear() {
        IndicatorRealisatie i = rapportageService.momentopname(rapportage.getId()).indicatoren().stream()
                .filter(r -> fixture.indicator.getId().equals(r.id())).findFirst().orElseThrow();

        assertThat(i.doel()).isEqualTo(fixture.doel.getCode());
        assertThat(i.periode()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(i.waarde()).isEqualByComparingTo("97");
        // straight line 120 -> 60 over 730 days, read at 2026-07-01 (day 181): 120 - 60 * 181 / 730
        assertThat(i.norm()).isEqualByComparingTo("105.1233");
        // (97 - 105.1233) / 105.1233, sign flipped because lower is better
        assertThat(i.afwijkingVanNorm()).isEqualByComparingTo("0.0773");
        assertThat(i.status()).isEqualTo("op_koers");
        assertThat(i.trend()).isEqualTo("verbetert");
        assertThat(i.streefwaarde()).isEqualByComparingTo("60");
    }

    @Test
    void decisionsOfThePeriodFromReviewsAndAdjustments() {
        List<Besluit> besluiten = besluitenVanFixture(rapportageService.momentopname(rapportage.getId()));

        assertThat(besluiten).extracting(Besluit::datum, Besluit::soort, Besluit::opdracht, Besluit::besluit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 5), "review",
                                fixture.a.getSleutel(), "doorgaan"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 5, 3), "review",
                                fixture.b.getSleutel(), "doorgaan"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 6, 16), "review",
                                fixture.a.getSleutel(), "bijsturen"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 6, 20), "bijstelling",
                                fixture.a.getSleutel(), "goedgekeurd"));
        assertThat(besluiten.get(3).wijziging()).isEqualTo("budget € 100.000 naar € 120.000");
        assertThat(MomentopnameSamensteller.wijziging(new Bijstelling(null, 2, "Later klaar", null, new BigDecimal("1.5"),
                LocalDate.of(2027, 10, 4), null, "team"))).as("a proposal, for the council in Dutch notation")
                .isEqualTo("voorgesteld: fte 1,5; einddatum 4 oktober 2027");
        assertThat(besluiten.get(3).toelichting()).as("MT's reasoning, then the team's").isEqualTo("Akkoord; aanleiding: Extra groep");
        assertThat(besluiten.get(1).zicht()).isEqualTo(
                new Momentopname.Zicht(fixture.team.getGroepId(), "aanvrager-rapportage"));
    }

    @Test
    void aTransferToAnotherTeamIsADecisionOfThePeriod() {
        Team ander = portfolio.team("2.0");
        jdbc.update("insert into opdracht_overdracht (opdracht_id, van_team_id, naar_team_id, reden, door, op) "
                + "values (?, ?, ?, 'Team vol tot de zomer', 'mt', ?)", fixture.a.getId(), fixture.team.getId(),
                ander.getId(), Timestamp.valueOf(LocalDateTime.of(2026, 6, 25, 12, 0)));
        jdbc.update("insert into opdracht_overdracht (opdracht_id, van_team_id, naar_team_id, reden, door, op) "
                + "values (?, ?, ?, 'Na de periode', 'mt', ?)", fixture.a.getId(), ander.getId(), fixture.team.getId(),
                Timestamp.valueOf(LocalDateTime.of(2026, 7, 2, 12, 0)));

        Momentopname m = rapportageService.momentopname(
                rapportageService.stelSamen(RapportageFixture.periode(), false, "intake", null).getId());

        List<Besluit> overdrachten = besluitenVanFixture(m).stream().filter(b -> b.soort().equals("overdracht")).toList();
        assertThat(overdrachten).extracting(Besluit::datum, Besluit::opdracht, Besluit::team, Besluit::besluit,
                Besluit::toelichting, Besluit::wijziging).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        LocalDate.of(2026, 6, 25), fixture.a.getSleutel(), ander.getCode(), "overgedragen",
                        "Team vol tot de zomer", "team " + fixture.team.getCode() + " naar " + ander.getCode()));
        assertThat(besluitenVanFixture(m).get(besluitenVanFixture(m).size() - 1).soort())
                .as("in date order, after the adjustment of 20 June").isEqualTo("overdracht");
    }

    @Test
    void theSnapshotDoesNotChangeWhenThePortfolioChangesAfterwards() {
        String vooraf = halfjaarrapportages.findById(rapportage.getId()).orElseThrow().getMomentopname();

        portfolio.wijzig(fixture.a.getSleutel(), o -> {
            o.setBudget(new BigDecimal("999999"));
            o.setFte(new BigDecimal("9"));
            o.setTitel("Nieuwe titel");
        });
        portfolio.wijzig(fixture.c.getSleutel(), o -> o.setStartdatum(LocalDate.of(2026, 1, 15)));
        indicatorService.meet(fixture.indicator.getId(),
                new MetingInvoer("2026-04-01", new BigDecimal("50"), "nog een correctie", null, null));
        transactie.executeWithoutResult(s -> {
            Halfjaarrapportage r = halfjaarrapportages.findById(rapportage.getId()).orElseThrow();
            java.util.Map<String, String> tekst = new java.util.HashMap<>();
            tekst.put(HalfjaarrapportageProces.Var.TOELICHTING_ALGEMEEN, "Toelichting na afloop");
            r.licht(tekst, "intake");
        });

        Halfjaarrapportage na = halfjaarrapportages.findById(rapportage.getId()).orElseThrow();
        assertThat(na.getMomentopname()).isEqualTo(vooraf);
        Middelen team = rij(rapportageService.momentopname(rapportage.getId()).perTeam(), fixture.team.getCode());
        assertThat(team.budget()).isEqualByComparingTo("200000");
        assertThat(team.aantal()).isEqualTo(3);
        assertThat(na.getStatus()).isEqualTo(RapportageStatus.TER_VASTSTELLING);

        // compiled again, the same period gives other figures (A 999.999 + B + G + C, which now starts in
        // the period): only a new report shows them
        Momentopname opnieuw = rapportageService.momentopname(
                rapportageService.stelSamen(RapportageFixture.periode(), false, "intake", null).getId());
        assertThat(rij(opnieuw.perTeam(), fixture.team.getCode()).budget()).isEqualByComparingTo("1089999");
    }

    @Test
    void aPublishedReportChangesNoMore() {
        rapportageService.publiceer(rapportage.getId(), "mt");

        Throwable fout = org.assertj.core.api.Assertions.catchThrowable(
                () -> rapportageService.stuurTerug(rapportage.getId(), "toch niet", "mt"));

        assertThat(fout).isInstanceOf(nl.stuurwiel.system.ConflictException.class);
        assertThat(halfjaarrapportages.findById(rapportage.getId()).orElseThrow().getStatus())
                .isEqualTo(RapportageStatus.GEPUBLICEERD);
    }

    @Test
    void confidentialOpdrachtenAreNamedOnlyToReadersWhoMaySeeThem() {
        rapportageService.publiceer(rapportage.getId(), "mt");
        String geheim = fixture.b.getSleutel();

        identityService.setAuthentication("buitenstaander", List.of("teamanders"));
        Momentopname buiten = rapportageService.inhoud(rapportage.getId()).momentopname();
        Besluit verborgen = besluitenVanFixture(buiten).get(1);
        assertThat(verborgen.opdracht()).isNull();
        assertThat(verborgen.titel()).isEqualTo(Momentopname.VERTROUWELIJK);
        assertThat(verborgen.toelichting()).isNull();
        assertThat(verborgen.besluit()).isEqualTo("doorgaan");
        assertThat(buiten.besluiten()).extracting(Besluit::opdracht).doesNotContain(geheim);
        assertThat(buiten.besluiten()).allMatch(b -> b.zicht() == null);
        // totals keep the confidential opdracht
        assertThat(rij(buiten.perTeam(), fixture.team.getCode()).budget()).isEqualByComparingTo("200000");

        identityService.setAuthentication("teamlid", List.of(fixture.team.getGroepId()));
        assertThat(besluitenVanFixture(rapportageService.inhoud(rapportage.getId()).momentopname()))
                .extracting(Besluit::opdracht).contains(geheim);

        identityService.setAuthentication("portfoliobureau", List.of(Rollen.INTAKE));
        Besluit zichtbaar = besluitenVanFixture(rapportageService.inhoud(rapportage.getId()).momentopname()).get(1);
        assertThat(zichtbaar.opdracht()).isEqualTo(geheim);
        assertThat(zichtbaar.toelichting()).isEqualTo("Geheime toelichting");
        assertThat(zichtbaar.zicht()).isNull();
    }

    @Test
    void draftsAreForThePortfolioOfficeMtAndAdministratorsOnly() {
        identityService.setAuthentication("lezer", List.of(Rollen.AANVRAGER));
        assertThat(rapportageService.lijst()).extracting(RapportageService.Samenvatting::id)
                .doesNotContain(rapportage.getId());
        Throwable fout = org.assertj.core.api.Assertions.catchThrowable(
                () -> rapportageService.inhoud(rapportage.getId()));
        assertThat(fout).isInstanceOf(nl.stuurwiel.system.NietGevondenException.class);

        for (String groep : List.of(Rollen.INTAKE, Rollen.MT, Rollen.BEHEERDER)) {
            identityService.setAuthentication("lid-" + groep, List.of(groep));
            assertThat(rapportageService.lijst()).as(groep).extracting(RapportageService.Samenvatting::id)
                    .contains(rapportage.getId());
            assertThat(rapportageService.inhoud(rapportage.getId()).status()).isEqualTo(RapportageStatus.CONCEPT);
        }

        identityService.clearAuthentication();
        rapportageService.publiceer(rapportage.getId(), "mt");
        identityService.setAuthentication("lezer", List.of(Rollen.AANVRAGER));
        assertThat(rapportageService.lijst()).extracting(RapportageService.Samenvatting::id)
                .contains(rapportage.getId());
        assertThat(rapportageService.inhoud(rapportage.getId()).vastgesteldOp()).isBeforeOrEqualTo(Instant.now());
    }
}
