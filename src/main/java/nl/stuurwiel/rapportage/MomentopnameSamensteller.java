package nl.stuurwiel.rapportage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import nl.stuurwiel.bijstelling.Bijstelling;
import nl.stuurwiel.bijstelling.BijstellingStatus;
import nl.stuurwiel.dashboard.DashboardService;
import nl.stuurwiel.dashboard.DashboardService.Optelling;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.domein.Domein;
import nl.stuurwiel.domein.DomeinRepository;
import nl.stuurwiel.indicator.IndicatorRepository;
import nl.stuurwiel.indicator.IndicatorStatus;
import nl.stuurwiel.indicator.Meting;
import nl.stuurwiel.indicator.MetingRepository;
import nl.stuurwiel.indicator.RealisatieBerekening;
import nl.stuurwiel.indicator.RealisatieBerekening.Punt;
import nl.stuurwiel.indicator.RealisatieBerekening.Realisatie;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.Gebiedsnamen;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtDoel;
import nl.stuurwiel.opdracht.Overdracht;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.rapportage.Momentopname.Besluit;
import nl.stuurwiel.rapportage.Momentopname.IndicatorRealisatie;
import nl.stuurwiel.rapportage.Momentopname.Kleuren;
import nl.stuurwiel.rapportage.Momentopname.Middelen;
import nl.stuurwiel.rapportage.Momentopname.Zicht;
import nl.stuurwiel.review.Voortgangsrapportage;
import nl.stuurwiel.system.Opmaak;
import nl.stuurwiel.team.Team;

/**
 * Compiles the snapshot of one period from the portfolio tables.
 *
 * <ul>
 * <li>The portfolio of the period: opdrachten MT started (execution, review, adjustment, closure,
 * or finished) whose start date is not after the period, minus those finished before it.</li>
 * <li>Money spent, FTE used and the colour come from each opdracht's latest progress report
 * submitted by the end of the period; budget and FTE planned are the opdracht's current values
 * (adjustments included).</li>
 * <li>An opdracht linked to several goals counts in full for each of them.</li>
 * <li>Indicators: the active ones on the goals and opdrachten of the period, judged by
 * {@link RealisatieBerekening} on the metingen of periods that began by the end of the period.</li>
 * <li>Decisions: review decisions and judged adjustments whose decision date lies in the period.</li>
 * </ul>
 * The dashboard's people-and-money figures describe today and running opdrachten only, so the
 * grouping here is its own: it is bound to a period and keeps finished opdrachten.
 */
@Service
@Transactional(readOnly = true)
public class MomentopnameSamensteller {

    static final String GEEN_GEBIED = "(geen gebied)";
    private static final Set<Fase> GESTART = EnumSet.of(Fase.UITVOERING, Fase.REVIEW, Fase.BIJSTELLING,
            Fase.AFSLUITING, Fase.AFGEROND, Fase.GESTOPT);
    private static final int SCHAAL = 4;

    private final EntityManager entityManager;
    private final IndicatorRepository indicatoren;
    private final MetingRepository metingen;
    private final RealisatieBerekening berekening;
    private final DomeinRepository domeinen;

    public MomentopnameSamensteller(EntityManager entityManager, IndicatorRepository indicatoren,
            MetingRepository metingen, RealisatieBerekening berekening, DomeinRepository domeinen) {
        this.domeinen = domeinen;
        this.entityManager = entityManager;
        this.indicatoren = indicatoren;
        this.metingen = metingen;
        this.berekening = berekening;
    }

    public Momentopname stelSamen(LocalDate van, LocalDate tot, Instant nu) {
        Instant begin = van.atStartOfDay(ZoneId.systemDefault()).toInstant();
        Instant eind = tot.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();

        List<Opdracht> opdrachten = entityManager.createQuery(
                "select o from Opdracht o join fetch o.team where o.fase in :fasen", Opdracht.class)
                .setParameter("fasen", GESTART).getResultList().stream()
                .filter(o -> o.getStartdatum() == null || !o.getStartdatum().isAfter(tot))
                .filter(o -> !o.getFase().isEindfase() || o.getAfgeslotenOp() == null
                        || !o.getAfgeslotenOp().isBefore(van))
                .sorted(Comparator.comparing(Opdracht::getSleutel)).toList();
        Map<Long, Voortgangsrapportage> rapportages = laatsteRapportages(eind);

        Middelen totaal = middelen("totaal", "Totaal", opdrachten, rapportages, null);
        List<Middelen> perDoel = perDoel(opdrachten, rapportages);
        Map<String, String> domeinnamen = domeinen.findAll().stream()
                .collect(java.util.stream.Collectors.toMap(Domein::getCode, Domein::getNaam));
        List<Middelen> perDomein = groepeer(opdrachten, rapportages, Opdracht::getDomein).stream()
                .map(m -> m.metNaam(domeinnamen.getOrDefault(m.code(), m.code()))).toList();
        Function<String, String> gebied = Gebiedsnamen.eenduidig(opdrachten.stream().map(Opdracht::getGebied).toList());
        List<Middelen> perGebied = groepeer(opdrachten, rapportages,
                o -> o.getGebied() == null || o.getGebied().isBlank() ? GEEN_GEBIED : gebied.apply(o.getGebied()));
        List<Middelen> perTeam = perTeam(opdrachten, rapportages);
        return new Momentopname(van, tot, nu, totaal, perDoel, perDomein, perGebied, perTeam,
                indicatoren(opdrachten, tot), besluiten(begin, eind));
    }

    /** Per opdracht id: its latest progress report submitted before the end of the period. */
    private Map<Long, Voortgangsrapportage> laatsteRapportages(Instant eind) {
        Map<Long, Voortgangsrapportage> laatste = new HashMap<>();
        entityManager.createQuery("""
                select r from Voortgangsrapportage r
                where r.ingediendOp is not null and r.ingediendOp < :eind order by r.volgnummer
                """, Voortgangsrapportage.class).setParameter("eind", eind).getResultList()
                .forEach(r -> laatste.put(r.getOpdracht().getId(), r));
        return laatste;
    }

    /**
     * Per doel, as the dashboard: an opdracht that serves several doelen shares its money and people
     * out by the weights of its links, so the doelen add up to the total to the cent; it counts once
     * in the number and the colours of each. Opdrachten without a doel form a group of their own.
     */
    private List<Middelen> perDoel(List<Opdracht> opdrachten, Map<Long, Voortgangsrapportage> rapportages) {
        Map<String, String> namen = new HashMap<>();
        Map<String, List<Opdracht>> perDoel = new HashMap<>();
        Optelling optelling = new Optelling();
        for (Opdracht opdracht : opdrachten) {
            List<OpdrachtDoel> koppelingen = opdracht.getDoelKoppelingen();
            long gewichten = koppelingen.stream().mapToLong(OpdrachtDoel::getGewicht).sum();
            BigDecimal besteed = rapport(rapportages, opdracht, Voortgangsrapportage::getBesteedBudget);
            BigDecimal ingezet = rapport(rapportages, opdracht, Voortgangsrapportage::getIngezetteFte);
            if (koppelingen.isEmpty()) {
                namen.put(DashboardService.GEEN_DOEL, DashboardService.GEEN_DOEL);
                perDoel.computeIfAbsent(DashboardService.GEEN_DOEL, c -> new ArrayList<>()).add(opdracht);
                optelling.tel(DashboardService.GEEN_DOEL, opdracht.getId(), BigDecimal.ONE, opdracht.getBudget(),
                        besteed, opdracht.getFte(), ingezet);
            }
            for (OpdrachtDoel koppeling : koppelingen) {
                Doel doel = koppeling.getDoel();
                namen.put(doel.getCode(), doel.getNaam());
                perDoel.computeIfAbsent(doel.getCode(), c -> new ArrayList<>()).add(opdracht);
                optelling.tel(doel.getCode(), opdracht.getId(), DashboardService.aandeel(koppeling.getGewicht(), gewichten),
                        opdracht.getBudget(), besteed, opdracht.getFte(), ingezet);
            }
        }
        return optelling.allemaal(namen).stream().map(gedeeld -> {
            Middelen geheel = middelen(gedeeld.groep(), gedeeld.naam(), perDoel.get(gedeeld.groep()), rapportages, null);
            return new Middelen(geheel.code(), geheel.naam(), geheel.aantal(), gedeeld.budget(), gedeeld.besteed(),
                    aandeel(gedeeld.besteed(), gedeeld.budget()), gedeeld.fte(), gedeeld.ingezetteFte(),
                    aandeel(gedeeld.ingezetteFte(), gedeeld.fte()), null, geheel.kleuren());
        }).toList();
    }

    private List<Middelen> perTeam(List<Opdracht> opdrachten, Map<Long, Voortgangsrapportage> rapportages) {
        Map<String, Team> teams = new TreeMap<>();
        Map<String, List<Opdracht>> perTeam = new TreeMap<>();
        for (Opdracht opdracht : opdrachten) {
            teams.put(opdracht.getTeam().getCode(), opdracht.getTeam());
            perTeam.computeIfAbsent(opdracht.getTeam().getCode(), c -> new ArrayList<>()).add(opdracht);
        }
        return perTeam.entrySet().stream().map(e -> {
            Team team = teams.get(e.getKey());
            return middelen(team.getCode(), team.getNaam(), e.getValue(), rapportages, team.getCapaciteitFte());
        }).toList();
    }

    private static List<Middelen> groepeer(List<Opdracht> opdrachten, Map<Long, Voortgangsrapportage> rapportages,
            Function<Opdracht, String> groep) {
        Map<String, List<Opdracht>> perGroep = new TreeMap<>();
        opdrachten.forEach(o -> perGroep.computeIfAbsent(groep.apply(o), g -> new ArrayList<>()).add(o));
        return perGroep.entrySet().stream()
                .map(e -> middelen(e.getKey(), e.getKey(), e.getValue(), rapportages, null)).toList();
    }

    private static Middelen middelen(String code, String naam, List<Opdracht> opdrachten,
            Map<Long, Voortgangsrapportage> rapportages, BigDecimal capaciteitFte) {
        BigDecimal budget = som(opdrachten, Opdracht::getBudget);
        BigDecimal fte = som(opdrachten, Opdracht::getFte);
        BigDecimal besteed = som(opdrachten, o -> rapport(rapportages, o, Voortgangsrapportage::getBesteedBudget));
        BigDecimal ingezet = som(opdrachten, o -> rapport(rapportages, o, Voortgangsrapportage::getIngezetteFte));
        int groen = 0;
        int oranje = 0;
        int rood = 0;
        int onbekend = 0;
        for (Opdracht opdracht : opdrachten) {
            StatusKleur kleur = rapport(rapportages, opdracht, Voortgangsrapportage::getStatusKleur);
            if (kleur == null) {
                onbekend++;
            } else {
                switch (kleur) {
                case GROEN -> groen++;
                case ORANJE -> oranje++;
                case ROOD -> rood++;
                }
            }
        }
        return new Middelen(code, naam, opdrachten.size(), budget, besteed, aandeel(besteed, budget), fte, ingezet,
                aandeel(ingezet, fte), capaciteitFte, new Kleuren(groen, oranje, rood, onbekend));
    }

    private static <T> T rapport(Map<Long, Voortgangsrapportage> rapportages, Opdracht opdracht,
            Function<Voortgangsrapportage, T> waarde) {
        Voortgangsrapportage rapportage = rapportages.get(opdracht.getId());
        return rapportage == null ? null : waarde.apply(rapportage);
    }

    private List<IndicatorRealisatie> indicatoren(List<Opdracht> opdrachten, LocalDate tot) {
        Set<Long> doelIds = new HashSet<>();
        Map<Long, Opdracht> perId = new HashMap<>();
        for (Opdracht opdracht : opdrachten) {
            perId.put(opdracht.getId(), opdracht);
            opdracht.getDoelen().forEach(d -> doelIds.add(d.getId()));
        }
        List<IndicatorRealisatie> regels = new ArrayList<>();
        for (Indicator indicator : indicatoren.findByStatus(IndicatorStatus.ACTIEF)) {
            boolean vanDoel = indicator.getDoel() != null && doelIds.contains(indicator.getDoel().getId());
            Opdracht opdracht = indicator.getOpdracht() == null ? null : perId.get(indicator.getOpdracht().getId());
            if (!vanDoel && opdracht == null) {
                continue;
            }
            Map<LocalDate, BigDecimal> actueel = new TreeMap<>();
            for (Meting meting : metingen.findByIndicatorIdOrderByPeriodeAscVersieAsc(indicator.getId())) {
                if (!meting.getPeriode().isAfter(tot)) {
                    actueel.put(meting.getPeriode(), meting.getWaarde());
                }
            }
            Realisatie r = berekening.bereken(indicator,
                    actueel.entrySet().stream().map(e -> new Punt(e.getKey(), e.getValue())).toList(), tot);
            Doel doel = indicator.getDoel();
            regels.add(new IndicatorRealisatie(indicator.getId(), indicator.getNaam(), indicator.getEenheid(),
                    woord(indicator.getRichting()), doel == null ? null : doel.getCode(),
                    doel == null ? null : doel.getNaam(), opdracht == null ? null : opdracht.getSleutel(),
                    opdracht == null ? null : opdracht.getTitel(), opdracht == null ? null : zicht(opdracht),
                    indicator.getBasiswaarde(), indicator.getBasisdatum(), indicator.getStreefwaarde(),
                    indicator.getStreefdatum(), r.huidigePeriode(), r.huidigeWaarde(), r.huidigeNorm(),
                    r.afwijkingVanNorm(), woord(r.status()), woord(r.trend()), r.melding()));
        }
        regels.sort(Comparator.comparing((IndicatorRealisatie i) -> i.doel() == null ? "~" : i.doel())
                .thenComparing(i -> i.opdracht() == null ? "" : i.opdracht()).thenComparing(IndicatorRealisatie::id));
        return regels;
    }

    /** The period's decisions in the order they were taken, also within a day. */
    private List<Besluit> besluiten(Instant begin, Instant eind) {
        record Genomen(Instant op, Besluit besluit) {
        }
        List<Genomen> besluiten = new ArrayList<>();
        entityManager.createQuery("""
                select r from Voortgangsrapportage r join fetch r.opdracht o join fetch o.team
                where r.besluit is not null and r.beoordeeldOp >= :begin and r.beoordeeldOp < :eind
                """, Voortgangsrapportage.class).setParameter("begin", begin).setParameter("eind", eind)
                .getResultList().forEach(r -> besluiten.add(new Genomen(r.getBeoordeeldOp(), new Besluit(
                        dag(r.getBeoordeeldOp()), "review", r.getOpdracht().getSleutel(), r.getOpdracht().getTitel(),
                        r.getOpdracht().getTeam().getCode(), zicht(r.getOpdracht()), r.getBesluit(),
                        r.getBesluitToelichting(), null))));
        entityManager.createQuery("""
                select b from Bijstelling b join fetch b.opdracht o join fetch o.team
                where b.status in :statussen and b.beoordeeldOp >= :begin and b.beoordeeldOp < :eind
                """, Bijstelling.class)
                .setParameter("statussen", List.of(BijstellingStatus.GOEDGEKEURD, BijstellingStatus.AFGEWEZEN))
                .setParameter("begin", begin).setParameter("eind", eind).getResultList()
                .forEach(b -> besluiten.add(new Genomen(b.getBeoordeeldOp(), new Besluit(dag(b.getBeoordeeldOp()),
                        "bijstelling", b.getOpdracht().getSleutel(), b.getOpdracht().getTitel(),
                        b.getOpdracht().getTeam().getCode(), zicht(b.getOpdracht()), woord(b.getStatus()),
                        toelichting(b), wijziging(b)))));
        // Handing an opdracht to another team is MT's decision on where the people go.
        entityManager.createQuery("""
                select t from Overdracht t join fetch t.opdracht o join fetch o.team join fetch t.vanTeam
                join fetch t.naarTeam where t.op >= :begin and t.op < :eind
                """, Overdracht.class).setParameter("begin", begin).setParameter("eind", eind).getResultList()
                .forEach(t -> besluiten.add(new Genomen(t.getOp(), new Besluit(dag(t.getOp()), "overdracht",
                        t.getOpdracht().getSleutel(), t.getOpdracht().getTitel(), t.getNaarTeam().getCode(),
                        zicht(t.getOpdracht()), "overgedragen", t.getReden(),
                        "team " + t.getVanTeam().getCode() + " naar " + t.getNaarTeam().getCode()))));
        besluiten.sort(Comparator.comparing(Genomen::op).thenComparing(g -> g.besluit().opdracht())
                .thenComparing(g -> g.besluit().soort()));
        return besluiten.stream().map(Genomen::besluit).toList();
    }

    /** MT's reasoning on an adjustment, with the team's reason for asking it. */
    static String toelichting(Bijstelling b) {
        String aanleiding = b.getReden() == null || b.getReden().isBlank() ? null : "aanleiding: " + b.getReden();
        return b.getToelichting() == null || b.getToelichting().isBlank() ? aanleiding
                : aanleiding == null ? b.getToelichting() : b.getToelichting() + "; " + aanleiding;
    }

    /** What the adjustment changes: old and new value when approved, the proposal when rejected. */
    static String wijziging(Bijstelling b) {
        Opmaak opmaak = new Opmaak();
        boolean goedgekeurd = b.getStatus() == BijstellingStatus.GOEDGEKEURD;
        List<String> delen = new ArrayList<>();
        if (b.getNieuwBudget() != null) {
            delen.add("budget " + (goedgekeurd ? opmaak.euro(b.getOudBudget()) + " naar " : "")
                    + opmaak.euro(b.getNieuwBudget()));
        }
        if (b.getNieuweFte() != null) {
            delen.add("fte " + (goedgekeurd ? opmaak.getal(b.getOudeFte()) + " naar " : "")
                    + opmaak.getal(b.getNieuweFte()));
        }
        if (b.getNieuweEinddatum() != null) {
            delen.add("einddatum " + (goedgekeurd ? opmaak.datum(b.getOudeEinddatum()) + " naar " : "")
                    + opmaak.datum(b.getNieuweEinddatum()));
        }
        if (b.getNieuweScope() != null) {
            delen.add("scope gewijzigd");
        }
        return (goedgekeurd ? "" : "voorgesteld: ") + String.join("; ", delen);
    }

    private static Zicht zicht(Opdracht opdracht) {
        return opdracht.isVertrouwelijk() ? new Zicht(opdracht.getTeam().getGroepId(), opdracht.getAanvrager())
                : null;
    }

    private static BigDecimal som(List<Opdracht> opdrachten, Function<Opdracht, BigDecimal> waarde) {
        return opdrachten.stream().map(waarde).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal aandeel(BigDecimal deel, BigDecimal geheel) {
        return geheel.signum() == 0 ? null : deel.divide(geheel, SCHAAL, RoundingMode.HALF_UP);
    }

    private static LocalDate dag(Instant moment) {
        return moment.atZone(ZoneId.systemDefault()).toLocalDate();
    }

    private static String woord(Enum<?> waarde) {
        return waarde == null ? null : waarde.name().toLowerCase(Locale.ROOT);
    }
}
