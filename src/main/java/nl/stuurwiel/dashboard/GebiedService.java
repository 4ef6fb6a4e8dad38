package nl.stuurwiel.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelService;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorStatus;
import nl.stuurwiel.indicator.IndicatorWeergave.RealisatieRegel;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.Gebiedsnamen;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.system.NietGevondenException;

/**
 * Area plans (gebiedsplannen): per gebied the opgaven it works on, in order of priority, under the
 * ambition or statutory task each serves, with their money, people and colour and the indicators of
 * the doelen they serve; and the overall plan, every gebied side by side. Rejected opdrachten do not
 * count; opdrachten the caller may not see are left out of lists and sums alike.
 */
@Service
@Transactional(readOnly = true)
public class GebiedService {

    /** One gebied's figures. Money, people and colours count the opdrachten that have not ended. */
    public record Gebied(String naam, long lopend, long inVoorbereiding, long afgerond, BigDecimal budget,
            BigDecimal besteed, BigDecimal fte, BigDecimal ingezetteFte, long groen, long oranje, long rood) {
    }

    /** Every gebied by name; {@code zonderGebied} sums the opdrachten that name none (null if there are none). */
    public record Gebieden(List<Gebied> gebieden, Gebied zonderGebied) {
    }

    public record DoelKort(String code, String naam) {
    }

    /** An opdracht on the plan: {@code doelen} by weight, the heaviest first. */
    public record Regel(String sleutel, String titel, String fase, String statusKleur, String team,
            Integer prioriteitScore, Integer prioriteitRang, BigDecimal budget, BigDecimal besteed, BigDecimal fte,
            BigDecimal ingezetteFte, LocalDate einddatum, List<DoelKort> doelen) {
    }

    /**
     * The ambition or statutory task at the root of the goal tree, with the opdrachten whose heaviest
     * doel hangs under it; {@code code} null for opdrachten linked to no doel.
     */
    public record Opgave(String code, String naam, String soort, List<Regel> opdrachten) {
    }

    /** An indicator of a doel the plan serves ({@code doel}) or of one of its opdrachten ({@code opdracht}). */
    public record IndicatorStand(String doel, String opdracht, String bij, Long id, String naam, String eenheid,
            String meetfrequentie, RealisatieRegel realisatie) {
    }

    /** An opdracht of the gebied that has ended: counted in the key figures, named below the plan. */
    public record Afgesloten(String sleutel, String titel, String fase) {
    }

    public record Gebiedsplan(String gebied, LocalDate peildatum, Gebied totaal, List<Opgave> opgaven,
            List<IndicatorStand> indicatoren, List<Afgesloten> afgesloten) {
    }

    private final EntityManager entityManager;
    private final DashboardService dashboardService;
    private final ImpactService impactService;
    private final DoelService doelService;

    public GebiedService(EntityManager entityManager, DashboardService dashboardService, ImpactService impactService,
            DoelService doelService) {
        this.entityManager = entityManager;
        this.dashboardService = dashboardService;
        this.impactService = impactService;
        this.doelService = doelService;
    }

    public Gebieden gebieden() {
        Map<Long, Object[]> rapportages = dashboardService.laatsteRapportages();
        Map<String, List<Rij>> perGebied = new TreeMap<>();
        List<Rij> zonder = new ArrayList<>();
        for (Rij r : rijen(null)) {
            String sleutel = Gebiedsnamen.sleutel(r.gebied);
            if (sleutel == null) {
                zonder.add(r);
            } else {
                perGebied.computeIfAbsent(sleutel, k -> new ArrayList<>()).add(r);
            }
        }
        List<Gebied> gebieden = perGebied.values().stream().map(rijen -> gebied(weergavenaam(rijen), rijen, rapportages))
                .sorted(Comparator.comparing(g -> g.naam().toLowerCase(Locale.ROOT))).toList();
        return new Gebieden(gebieden, zonder.isEmpty() ? null : gebied(null, zonder, rapportages));
    }

    public Gebiedsplan plan(String naam, LocalDate peildatum) {
        String sleutel = Gebiedsnamen.sleutel(naam);
        List<Rij> rijen = zichtbaar(naam);
        Map<Long, Object[]> rapportages = dashboardService.laatsteRapportages();
        List<Rij> actueel = rijen.stream().filter(r -> !r.fase.isEindfase()).toList();
        Set<Long> ids = actueel.stream().map(r -> r.id).collect(Collectors.toSet());

        // The links as ids, the doelen read once: a Doel row computes whether it is measurable,
        // which per link would cost a subquery for each of thousands of rows.
        Map<Long, Doel> alleDoelen = doelService.alle().stream().collect(Collectors.toMap(Doel::getId, d -> d));
        Map<Long, List<Doel>> doelenPerOpdracht = new HashMap<>();
        entityManager.createQuery("""
                select k.opdracht.id, k.doel.id from OpdrachtDoel k
                where lower(trim(k.opdracht.gebied)) = :gebied
                order by k.gewicht desc, k.doel.code
                """, Object[].class).setParameter("gebied", sleutel).getResultList().stream()
                .filter(k -> ids.contains((Long) k[0]))
                .forEach(k -> doelenPerOpdracht.computeIfAbsent((Long) k[0], x -> new ArrayList<>())
                        .add(alleDoelen.get((Long) k[1])));

        Map<String, Opgave> opgaven = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        actueel.stream().sorted(PRIORITEIT).forEach(r -> {
            List<Doel> doelen = doelenPerOpdracht.getOrDefault(r.id, List.of());
            Doel wortel = doelen.isEmpty() ? null : wortel(doelen.get(0), alleDoelen);
            Opgave opgave = opgaven.computeIfAbsent(wortel == null ? null : wortel.getCode(),
                    code -> new Opgave(code, wortel == null ? "Zonder doel" : wortel.getNaam(),
                            wortel == null ? null : woord(wortel.getSoort()), new ArrayList<>()));
            Object[] rapportage = rapportages.get(r.id);
            opgave.opdrachten().add(new Regel(r.sleutel, r.titel, woord(r.fase), woord(r.kleur), r.team, r.score,
                    r.rang, r.budget, DashboardService.waarde(rapportage, 1), r.fte,
                    DashboardService.waarde(rapportage, 2), r.einddatum,
                    doelen.stream().map(d -> new DoelKort(d.getCode(), d.getNaam())).toList()));
        });

        // The indicators follow the plan: the doelen in the order the opgaven and their opdrachten name them.
        Map<String, Doel> perCode = new HashMap<>();
        doelenPerOpdracht.values().forEach(l -> l.forEach(d -> perCode.put(d.getCode(), d)));
        List<Doel> volgorde = opgaven.values().stream().flatMap(o -> o.opdrachten().stream())
                .flatMap(r -> r.doelen().stream()).map(d -> perCode.get(d.code())).distinct().toList();
        String weergave = weergavenaam(rijen);
        List<Afgesloten> afgesloten = rijen.stream().filter(r -> r.fase.isEindfase())
                .sorted(Comparator.comparing((Rij r) -> r.sleutel))
                .map(r -> new Afgesloten(r.sleutel, r.titel, woord(r.fase))).toList();
        return new Gebiedsplan(weergave, peildatum, gebied(weergave, rijen, rapportages),
                new ArrayList<>(opgaven.values()), indicatoren(sleutel, ids, volgorde, peildatum), afgesloten);
    }

    /** Not found unless the caller may see an opdracht in this gebied. */
    public void controleer(String naam) {
        zichtbaar(naam);
    }

    private List<Rij> zichtbaar(String naam) {
        String sleutel = Gebiedsnamen.sleutel(naam);
        List<Rij> rijen = sleutel == null ? List.of() : rijen(sleutel);
        if (rijen.isEmpty()) {
            // The same answer whether the gebied is unknown or holds only what the caller may not see.
            throw new NietGevondenException("Gebied " + (naam == null ? "" : naam.strip()) + " heeft geen opdrachten");
        }
        return rijen;
    }

    /** First by priority score (the highest first; not yet scored last), then by key. */
    private static final Comparator<Rij> PRIORITEIT = Comparator
            .comparing((Rij r) -> r.score, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(r -> r.sleutel);

    /** The active indicators of these doelen, in their order, then those of the current opdrachten themselves. */
    private List<IndicatorStand> indicatoren(String gebied, Set<Long> ids, List<Doel> doelen, LocalDate peildatum) {
        Map<Long, Integer> plaats = new HashMap<>();
        doelen.forEach(d -> plaats.put(d.getId(), plaats.size()));
        List<Indicator> lijst = new ArrayList<>();
        if (!doelen.isEmpty()) {
            lijst.addAll(entityManager.createQuery("""
                    select i from Indicator i left join fetch i.tussendoelen
                    where i.doel.id in :ids and i.status = :actief order by i.naam, i.id
                    """, Indicator.class).setParameter("ids", plaats.keySet())
                    .setParameter("actief", IndicatorStatus.ACTIEF).getResultList());
            lijst.sort(Comparator.comparing(i -> plaats.get(i.getDoel().getId())));
        }
        entityManager.createQuery("""
                select i from Indicator i join fetch i.opdracht o left join fetch i.tussendoelen
                where lower(trim(o.gebied)) = :gebied and i.status = :actief
                order by o.sleutel, i.naam, i.id
                """, Indicator.class).setParameter("gebied", gebied).setParameter("actief", IndicatorStatus.ACTIEF)
                .getResultList().stream().filter(i -> ids.contains(i.getOpdracht().getId())).forEach(lijst::add);
        Map<Long, RealisatieRegel> realisaties = impactService.realisaties(lijst, peildatum);
        return lijst.stream().map(i -> {
            boolean vanDoel = i.getDoel() != null;
            return new IndicatorStand(vanDoel ? i.getDoel().getCode() : null,
                    vanDoel ? null : i.getOpdracht().getSleutel(),
                    vanDoel ? i.getDoel().getCode() + " – " + i.getDoel().getNaam()
                            : i.getOpdracht().getSleutel() + " – " + i.getOpdracht().getTitel(),
                    i.getId(), i.getNaam(), i.getEenheid(), i.getMeetfrequentie().name().toLowerCase(Locale.ROOT),
                    realisaties.get(i.getId()));
        }).toList();
    }

    private static Doel wortel(Doel doel, Map<Long, Doel> alle) {
        Doel d = doel;
        // Depth is bounded: DoelService refuses every change that would make a cycle.
        while (d.getOuder() != null) {
            d = alle.getOrDefault(d.getOuder().getId(), d.getOuder());
        }
        return d;
    }

    private record Rij(Long id, String sleutel, String titel, Fase fase, StatusKleur kleur, String team,
            Integer score, Integer rang, BigDecimal budget, BigDecimal fte, LocalDate einddatum, String gebied) {
    }

    /** The visible, not rejected opdrachten of one gebied (by its lower-case name), or of all when null. */
    private List<Rij> rijen(String gebied) {
        return dashboardService.zichtbaarVoor(entityManager.createQuery("""
                select o.id, o.sleutel, o.titel, o.fase, o.statusKleur, t.code, o.prioriteitScore, o.prioriteitRang,
                       o.budget, o.fte, o.einddatum, o.gebied
                from Opdracht o join o.team t
                where o.fase <> :afgewezen and (:gebied is null or lower(trim(o.gebied)) = :gebied)
                  and (:alles = true or o.vertrouwelijk = false or t.groepId in :groepen or o.aanvrager = :gebruiker)
                """, Object[].class).setParameter("afgewezen", Fase.AFGEWEZEN).setParameter("gebied", gebied))
                .getResultList().stream()
                .map(r -> new Rij((Long) r[0], (String) r[1], (String) r[2], (Fase) r[3], (StatusKleur) r[4],
                        (String) r[5], (Integer) r[6], (Integer) r[7], (BigDecimal) r[8], (BigDecimal) r[9],
                        (LocalDate) r[10], (String) r[11]))
                .toList();
    }

    /** The spelling most of its opdrachten use ("Oost" over "oost"). */
    private static String weergavenaam(List<Rij> rijen) {
        return Gebiedsnamen.eenduidig(rijen.stream().map(r -> r.gebied).toList()).apply(rijen.get(0).gebied);
    }

    private static Gebied gebied(String naam, List<Rij> rijen, Map<Long, Object[]> rapportages) {
        long lopend = 0, voorbereiding = 0, afgerond = 0, groen = 0, oranje = 0, rood = 0;
        BigDecimal budget = BigDecimal.ZERO, besteed = BigDecimal.ZERO, fte = BigDecimal.ZERO, ingezet = BigDecimal.ZERO;
        for (Rij r : rijen) {
            if (r.fase.isEindfase()) {
                afgerond++;
                continue;
            }
            if (r.fase.compareTo(Fase.UITVOERING) >= 0) {
                lopend++;
            } else {
                voorbereiding++;
            }
            if (r.kleur == StatusKleur.GROEN) {
                groen++;
            } else if (r.kleur == StatusKleur.ORANJE) {
                oranje++;
            } else if (r.kleur == StatusKleur.ROOD) {
                rood++;
            }
            Object[] rapportage = rapportages.get(r.id);
            budget = budget.add(ofNul(r.budget));
            fte = fte.add(ofNul(r.fte));
            besteed = besteed.add(ofNul(DashboardService.waarde(rapportage, 1)));
            ingezet = ingezet.add(ofNul(DashboardService.waarde(rapportage, 2)));
        }
        return new Gebied(naam, lopend, voorbereiding, afgerond, budget, besteed, fte, ingezet, groen, oranje, rood);
    }

    private static BigDecimal ofNul(BigDecimal waarde) {
        return waarde == null ? BigDecimal.ZERO : waarde;
    }

    private static String woord(Enum<?> waarde) {
        return waarde == null ? null : waarde.name().toLowerCase(Locale.ROOT);
    }
}
