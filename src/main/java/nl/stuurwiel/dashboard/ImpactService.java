package nl.stuurwiel.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import nl.stuurwiel.dashboard.DashboardService.Middelen;
import nl.stuurwiel.dashboard.DashboardService.Optelling;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelService;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorWeergave.RealisatieRegel;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.indicator.Meting;
import nl.stuurwiel.indicator.RealisatieBerekening;
import nl.stuurwiel.indicator.RealisatieBerekening.Punt;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.security.Bewerkrechten;
import nl.stuurwiel.security.Toegang;
import nl.stuurwiel.system.Gebruikersnamen;
import nl.stuurwiel.system.Gebruikersnamen.Namen;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.NietGevondenException;
import nl.stuurwiel.system.OngeldigeInvoerException;

/**
 * Follow the Impact on the dashboard: per doel its indicators (baseline, target line, metingen
 * over time and the realisation figures), the opdrachten that contribute and the money and people
 * they bring. Opdrachten the caller may not see ({@link Toegang}) are left out of the lists and
 * the sums alike, so the page reveals nothing about them.
 */
@Service
@Transactional(readOnly = true)
public class ImpactService {

    /** A point of a line in a chart. */
    public record Lijnpunt(LocalDate datum, BigDecimal waarde) {
    }

    /**
     * The current value of a period. {@code peildatum} is the end of the period (the first day of
     * the next), the moment the value is judged against its {@code norm}, and where charts put it.
     */
    public record MetingPunt(LocalDate periode, LocalDate peildatum, BigDecimal waarde, int versie, BigDecimal norm,
            String toelichting, String verhaal, String voorstel, String ingevoerdDoor, String ingevoerdDoorNaam,
            Instant ingevoerdOp) {
    }

    public record IndicatorImpact(Long id, String naam, String definitie, String eenheid, String richting,
            String meetfrequentie, String bron, String status, boolean meetbaar, BigDecimal basiswaarde,
            LocalDate basisdatum, BigDecimal streefwaarde, LocalDate streefdatum, List<Lijnpunt> traject,
            List<Lijnpunt> tussendoelen, List<MetingPunt> metingen, RealisatieRegel realisatie, boolean magMeten,
            List<Periodekeuze> invoerPerioden) {
    }

    /** A period a meting may be entered for, newest first, named as people name it. */
    public record Periodekeuze(LocalDate periode, String naam) {
    }

    /** How many periods back a meting can be entered or corrected from the dashboard. */
    static final int INVOERPERIODEN = 8;

    /** A contributing opdracht; {@code aandeel} is its weight over the sum of its weights on all its doelen. */
    public record Bijdrage(String sleutel, String titel, String fase, String statusKleur, String team,
            String bijdrage, int gewicht, BigDecimal aandeel, BigDecimal budget, BigDecimal fte) {
    }

    /**
     * One doel; {@code middelen} counts the opdrachten linked to it directly, the other also those
     * of the doelen under it. Both only count opdrachten that have not ended.
     */
    public record DoelImpact(String code, String naam, String soort, String ouder, int niveau,
            List<IndicatorImpact> indicatoren, List<Bijdrage> opdrachten, Middelen middelen,
            Middelen middelenInclusiefOnderliggend) {
    }

    public record Impact(LocalDate peildatum, String opdracht, List<IndicatorImpact> indicatoren,
            List<DoelImpact> doelen) {
    }

    private final EntityManager entityManager;
    private final DoelService doelService;
    private final OpdrachtService opdrachtService;
    private final DashboardService dashboardService;
    private final RealisatieBerekening berekening;
    private final Toegang toegang;
    private final Bewerkrechten rechten;
    private final Gebruikersnamen gebruikersnamen;

    public ImpactService(EntityManager entityManager, DoelService doelService, OpdrachtService opdrachtService,
            DashboardService dashboardService, RealisatieBerekening berekening, Toegang toegang,
            Bewerkrechten rechten, Gebruikersnamen gebruikersnamen) {
        this.entityManager = entityManager;
        this.gebruikersnamen = gebruikersnamen;
        this.rechten = rechten;
        this.doelService = doelService;
        this.opdrachtService = opdrachtService;
        this.dashboardService = dashboardService;
        this.berekening = berekening;
        this.toegang = toegang;
    }

    /**
     * @param doelCode one doel with the doelen under it; null for the whole tree
     * @param sleutel  one opdracht: its own indicators and the doelen it is linked to
     * @param peildatum today; decides the period that counts for an indicator without metingen
     */
    public Impact impact(String doelCode, String sleutel, LocalDate peildatum) {
        if (doelCode != null && sleutel != null) {
            throw new OngeldigeInvoerException("opdracht", "kies een doel of een opdracht, niet allebei");
        }
        List<Doel> alle = new ArrayList<>(doelService.alle());
        Map<Long, List<Doel>> kinderen = new HashMap<>();
        List<Doel> wortels = new ArrayList<>();
        for (Doel d : alle) {
            if (d.getOuder() == null) {
                wortels.add(d);
            } else {
                kinderen.computeIfAbsent(d.getOuder().getId(), k -> new ArrayList<>()).add(d);
            }
        }
        kinderen.values().forEach(l -> l.sort(Comparator.comparing(Doel::getCode)));
        wortels.sort(Comparator.comparing(Doel::getCode));

        Map<Doel, Integer> gekozen = new LinkedHashMap<>();
        Opdracht opdracht = null;
        if (sleutel != null) {
            opdracht = zichtbareOpdracht(sleutel);
            Set<Long> gekoppeld = opdracht.getDoelKoppelingen().stream().map(k -> k.getDoel().getId())
                    .collect(Collectors.toSet());
            Map<Doel, Integer> boom = new LinkedHashMap<>();
            wortels.forEach(w -> boomVolgorde(w, 0, kinderen, boom));
            boom.forEach((d, niveau) -> {
                if (gekoppeld.contains(d.getId())) {
                    gekozen.put(d, 0);
                }
            });
        } else if (doelCode != null) {
            boomVolgorde(doelService.doel(doelCode), 0, kinderen, gekozen);
        } else {
            wortels.forEach(w -> boomVolgorde(w, 0, kinderen, gekozen));
        }

        List<Indicator> indicatoren = new ArrayList<>();
        Set<Long> doelIds = gekozen.keySet().stream().map(Doel::getId).collect(Collectors.toSet());
        if (!doelIds.isEmpty()) {
            indicatoren.addAll(entityManager.createQuery(
                    // The yearly targets (an eager collection) in the same query, not one more per indicator.
                    "select i from Indicator i left join fetch i.tussendoelen where i.doel.id in :ids order by i.naam, i.id",
                    Indicator.class)
                    .setParameter("ids", doelIds).getResultList());
        }
        List<Indicator> eigen = opdracht == null ? List.of() : entityManager.createQuery(
                "select i from Indicator i left join fetch i.tussendoelen where i.opdracht.id = :id order by i.naam, i.id",
                Indicator.class)
                .setParameter("id", opdracht.getId()).getResultList();
        indicatoren.addAll(eigen);
        Map<Long, List<Meting>> metingen = actueleMetingen(indicatoren);
        Namen namen = gebruikersnamen.van(metingen.values().stream().flatMap(List::stream)
                .map(Meting::getIngevoerdDoor).toList());
        Map<Long, List<IndicatorImpact>> perDoel = new HashMap<>();
        for (Indicator i : indicatoren) {
            if (i.getDoel() != null) {
                perDoel.computeIfAbsent(i.getDoel().getId(), k -> new ArrayList<>())
                        .add(indicator(i, metingen.getOrDefault(i.getId(), List.of()), peildatum, namen));
            }
        }

        Bijdragen bijdragen = bijdragen();
        List<DoelImpact> doelen = new ArrayList<>();
        gekozen.forEach((d, niveau) -> {
            List<Long> onderliggend = new ArrayList<>();
            boomVolgorde(d, 0, kinderen, new LinkedHashMap<>()).forEach(k -> onderliggend.add(k.getId()));
            doelen.add(new DoelImpact(d.getCode(), d.getNaam(), woord(d.getSoort()),
                    d.getOuder() == null ? null : d.getOuder().getCode(), niveau,
                    perDoel.getOrDefault(d.getId(), List.of()), bijdragen.lijst(d.getId()),
                    bijdragen.middelen(d, List.of(d.getId())), bijdragen.middelen(d, onderliggend)));
        });
        return new Impact(peildatum, opdracht == null ? null : opdracht.getSleutel(),
                eigen.stream().map(i -> indicator(i, metingen.getOrDefault(i.getId(), List.of()), peildatum, namen))
                        .toList(),
                doelen);
    }

    /**
     * Each indicator's realisation on the peildatum, by indicator id: what the area plan shows. It
     * reads the current value of each period as plain values, without the chart's points and norms,
     * since a plan may hold a thousand indicators with a hundred metingen each.
     */
    public Map<Long, RealisatieRegel> realisaties(List<Indicator> indicatoren, LocalDate peildatum) {
        Map<Long, Map<LocalDate, BigDecimal>> perIndicator = new HashMap<>();
        if (!indicatoren.isEmpty()) {
            // Ordered by version, so that the newest version of a period is the one kept.
            entityManager.createQuery("""
                    select m.indicator.id, m.periode, m.waarde from Meting m where m.indicator.id in :ids
                    order by m.indicator.id, m.periode, m.versie
                    """, Object[].class).setParameter("ids", indicatoren.stream().map(Indicator::getId).toList())
                    .getResultList().forEach(r -> perIndicator.computeIfAbsent((Long) r[0], k -> new LinkedHashMap<>())
                            .put((LocalDate) r[1], (BigDecimal) r[2]));
        }
        Map<Long, RealisatieRegel> realisaties = new HashMap<>();
        for (Indicator i : indicatoren) {
            List<Punt> reeks = perIndicator.getOrDefault(i.getId(), Map.of()).entrySet().stream()
                    .map(e -> new Punt(e.getKey(), e.getValue())).toList();
            realisaties.put(i.getId(), RealisatieRegel.van(i, berekening.bereken(i, reeks, peildatum)));
        }
        return realisaties;
    }

    private Opdracht zichtbareOpdracht(String sleutel) {
        Opdracht opdracht;
        try {
            opdracht = opdrachtService.opdracht(sleutel);
        } catch (NietGevondenException e) {
            opdracht = null;
        }
        if (opdracht == null
                || !toegang.magZien(opdracht.isVertrouwelijk(), opdracht.getTeam().getGroepId(), opdracht.getAanvrager())) {
            // Same answer as for a key that does not exist, as on the opdracht itself.
            throw new NietGevondenException("Opdracht " + sleutel + " bestaat niet");
        }
        return opdracht;
    }

    /** Depth-first, children by code; returns the doelen it added (the doel and everything under it). */
    private static List<Doel> boomVolgorde(Doel doel, int niveau, Map<Long, List<Doel>> kinderen,
            Map<Doel, Integer> volgorde) {
        List<Doel> toegevoegd = new ArrayList<>();
        // Depth is bounded: DoelService refuses every change that would make a cycle.
        volgorde.put(doel, niveau);
        toegevoegd.add(doel);
        for (Doel kind : kinderen.getOrDefault(doel.getId(), List.of())) {
            toegevoegd.addAll(boomVolgorde(kind, niveau + 1, kinderen, volgorde));
        }
        return toegevoegd;
    }

    /** Per indicator id the newest version of each period, periods in order. */
    private Map<Long, List<Meting>> actueleMetingen(List<Indicator> indicatoren) {
        Map<Long, Map<LocalDate, Meting>> perIndicator = new HashMap<>();
        if (indicatoren.isEmpty()) {
            return Map.of();
        }
        entityManager.createQuery("""
                select m from Meting m where m.indicator.id in :ids order by m.indicator.id, m.periode, m.versie
                """, Meting.class).setParameter("ids", indicatoren.stream().map(Indicator::getId).toList())
                .getResultList().forEach(m -> perIndicator
                        .computeIfAbsent(m.getIndicator().getId(), k -> new LinkedHashMap<>()).put(m.getPeriode(), m));
        Map<Long, List<Meting>> actueel = new HashMap<>();
        perIndicator.forEach((id, perPeriode) -> actueel.put(id, new ArrayList<>(perPeriode.values())));
        return actueel;
    }

    private IndicatorImpact indicator(Indicator i, List<Meting> metingen, LocalDate peildatum, Namen namen) {
        List<Lijnpunt> traject = i.isMeetbaar() && i.getBasisdatum() != null
                ? List.of(new Lijnpunt(i.getBasisdatum(), i.getBasiswaarde()),
                        new Lijnpunt(i.getStreefdatum(), i.getStreefwaarde()))
                : List.of();
        // A tussendoel is the value to reach in its calendar year: drawn at the year's end.
        List<Lijnpunt> tussendoelen = i.getTussendoelen().entrySet().stream()
                .map(t -> new Lijnpunt(LocalDate.of(t.getKey(), 12, 31), t.getValue())).toList();
        List<MetingPunt> punten = metingen.stream().map(m -> new MetingPunt(m.getPeriode(),
                i.getMeetfrequentie().volgende(m.getPeriode()), m.getWaarde(), m.getVersie(),
                berekening.normVan(i, m.getPeriode()), m.getToelichting(), m.getVerhaal(), m.getVoorstel(),
                m.getIngevoerdDoor(), namen.naam(m.getIngevoerdDoor()), m.getIngevoerdOp())).toList();
        Opdracht opdracht = i.getOpdracht();
        boolean magMeten = i.isActief()
                && rechten.magMeten(i.getEigenaar(), opdracht == null ? null : opdracht.getTeam().getGroepId());
        RealisatieRegel realisatie = RealisatieRegel.van(i, berekening.bereken(i,
                metingen.stream().map(m -> new Punt(m.getPeriode(), m.getWaarde())).toList(), peildatum));
        return new IndicatorImpact(i.getId(), i.getNaam(), i.getDefinitie(), i.getEenheid(), woord(i.getRichting()),
                woord(i.getMeetfrequentie()), i.getBron(), woord(i.getStatus()), i.isMeetbaar(), i.getBasiswaarde(),
                i.getBasisdatum(), i.getStreefwaarde(), i.getStreefdatum(), traject, tussendoelen, punten,
                realisatie, magMeten, magMeten ? invoerPerioden(i) : List.of());
    }

    /**
     * The periods that have begun, newest first, at most {@link #INVOERPERIODEN} and none before the
     * baseline's: what the API takes ({@code IndicatorService.meet}), as far back as a correction
     * usually goes. Older periods stay open to the API.
     */
    private static List<Periodekeuze> invoerPerioden(Indicator i) {
        Meetfrequentie frequentie = i.getMeetfrequentie();
        LocalDate huidige = frequentie.periodeVan(Klok.vandaag());
        LocalDate eerste = i.getBasisdatum() == null ? null : frequentie.periodeVan(i.getBasisdatum());
        List<Periodekeuze> perioden = new ArrayList<>();
        for (LocalDate p = huidige; perioden.size() < INVOERPERIODEN; p = p.minusMonths(frequentie.maanden())) {
            if (!perioden.isEmpty() && eerste != null && p.isBefore(eerste)) {
                break;
            }
            perioden.add(new Periodekeuze(p, frequentie.naam(p)));
        }
        return perioden;
    }

    /** Every link of a visible opdracht to a doel, with what the opdracht brings. */
    private Bijdragen bijdragen() {
        List<Object[]> rijen = entityManager.createQuery("""
                select k.doel.id, o.id, o.sleutel, o.titel, o.fase, o.statusKleur, t.code, t.groepId, o.vertrouwelijk,
                       o.aanvrager, k.bijdrage, k.gewicht, o.budget, o.fte
                from OpdrachtDoel k join k.opdracht o join o.team t
                order by k.gewicht desc, o.sleutel
                """, Object[].class).getResultList();
        Map<Long, Long> gewichten = new HashMap<>();
        rijen.forEach(r -> gewichten.merge((Long) r[1], ((Number) r[11]).longValue(), Long::sum));
        return new Bijdragen(rijen.stream()
                .filter(r -> r[4] != Fase.AFGEWEZEN
                        && toegang.magZien(Boolean.TRUE.equals(r[8]), (String) r[7], (String) r[9]))
                .toList(), gewichten, dashboardService.laatsteRapportages());
    }

    private static final class Bijdragen {

        private final Map<Long, List<Object[]>> perDoel = new HashMap<>();
        private final Map<Long, Long> gewichten;
        private final Map<Long, Object[]> rapportages;

        Bijdragen(List<Object[]> rijen, Map<Long, Long> gewichten, Map<Long, Object[]> rapportages) {
            rijen.forEach(r -> perDoel.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r));
            this.gewichten = gewichten;
            this.rapportages = rapportages;
        }

        List<Bijdrage> lijst(Long doelId) {
            return perDoel.getOrDefault(doelId, List.of()).stream().map(r -> new Bijdrage((String) r[2],
                    (String) r[3], woord((Enum<?>) r[4]), woord((Enum<?>) r[5]), (String) r[6], (String) r[10],
                    ((Number) r[11]).intValue(), aandeel(r).setScale(4, RoundingMode.HALF_UP), (BigDecimal) r[12],
                    (BigDecimal) r[13])).toList();
        }

        Middelen middelen(Doel doel, List<Long> doelIds) {
            Optelling optelling = new Optelling();
            for (Long id : doelIds) {
                for (Object[] r : perDoel.getOrDefault(id, List.of())) {
                    if (!((Fase) r[4]).isEindfase()) {
                        Object[] rapportage = rapportages.get((Long) r[1]);
                        optelling.tel(doel.getCode(), (Long) r[1], aandeel(r), (BigDecimal) r[12],
                                DashboardService.waarde(rapportage, 1), (BigDecimal) r[13],
                                DashboardService.waarde(rapportage, 2));
                    }
                }
            }
            return optelling.middelen(doel.getCode(), doel.getNaam());
        }

        private BigDecimal aandeel(Object[] r) {
            return DashboardService.aandeel(((Number) r[11]).intValue(), gewichten.get((Long) r[1]));
        }
    }

    private static String woord(Enum<?> waarde) {
        return waarde == null ? null : waarde.name().toLowerCase(Locale.ROOT);
    }
}
