package nl.stuurwiel.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.Gebiedsnamen;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.security.Toegang;
import nl.stuurwiel.system.EigenQueryPlan;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamService;

/**
 * The numbers managers steer by: people and money per team, domain and area against plan,
 * the phases of the portfolio and how work flows through intake and prioritisation.
 * <p>
 * Every figure counts only the opdrachten the user may see (security/Toegang): a confidential
 * opdracht of another team adds nothing to a count, a sum or a list. Team load is the exception:
 * it is the team's committed capacity, which steering needs whole, and it names no opdracht.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    static final int DAGEN_VOORUIT = 30;
    /** The waiting-time average looks back this far. */
    static final Duration WACHTTIJD_PERIODE = Duration.ofDays(365);
    private static final Duration DAG = Duration.ofDays(1);
    private static final List<Fase> LOPEND = Fase.nietBeeindigd();

    public record Aantal(String fase, long aantal) {
    }

    /** Money and people of a group; {@code naam} only where the group is a code (a doel). */
    public record Middelen(String groep, long aantal, BigDecimal budget, BigDecimal besteed, BigDecimal fte,
            BigDecimal ingezetteFte, String naam) {
    }

    /** A dissolved team ({@code opgeheven}) stays for the filters on its earlier opdrachten, out of the load. */
    public record TeamBelasting(String code, String naam, BigDecimal capaciteitFte, BigDecimal ingezetFte,
            BigDecimal vrijFte, boolean overbelast, boolean opgeheven) {
    }

    public record Wachttijd(String stap, long afgerond, Double gemiddeldDagen, long open, Double oudsteOpenDagen) {
    }

    public record Reviewmoment(String sleutel, String titel, String team, Date moment) {
    }

    public record TeLaat(String taakId, String taak, String sleutel, String titel, Date vervaldatum, long dagenTeLaat) {
    }

    public record Overzicht(List<Aantal> fasen, List<TeamBelasting> teams, List<Middelen> perTeam,
            List<Middelen> perDomein, List<Middelen> perGebied, List<Middelen> perDoel, List<Wachttijd> wachttijden,
            List<Reviewmoment> reviewsKomend, List<TeLaat> teLaat, boolean teLaatAfgekapt) {
    }

    private final EntityManager entityManager;
    private final TeamService teamService;
    private final HistoryService historyService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Toegang toegang;
    private final EigenQueryPlan queryPlan;
    private final HuidigeGebruiker gebruiker;

    public DashboardService(EntityManager entityManager, TeamService teamService, HistoryService historyService,
            ManagementService managementService, RuntimeService runtimeService, TaskService taskService,
            Toegang toegang, EigenQueryPlan queryPlan, HuidigeGebruiker gebruiker) {
        this.gebruiker = gebruiker;
        this.toegang = toegang;
        this.queryPlan = queryPlan;
        this.entityManager = entityManager;
        this.teamService = teamService;
        this.historyService = historyService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    public Overzicht overzicht() {
        // Its visibility filter is optional (:alles = true or ...), like the opdracht list's.
        queryPlan.voorDezeTransactie();
        List<Lopend> lopend = lopend();
        List<TeLaat> teLaat = teLaat();
        Function<String, String> gebied = Gebiedsnamen.eenduidig(lopend.stream().map(Lopend::gebied).toList());
        return new Overzicht(fasen(), teams(), middelen(lopend, Lopend::team), middelen(lopend, Lopend::domein),
                middelen(lopend, l -> gebied.apply(l.gebied())), perDoel(lopend),
                List.of(wachttijd("Intake", LevenscyclusProces.Element.BEOORDEEL_INTAKE),
                        wachttijd("Prioritering (MT)", LevenscyclusProces.Element.MT_BESLUIT)),
                reviewsKomend(), teLaat, teLaat.size() >= TE_LAAT_MAXIMUM);
    }

    /**
     * A running opdracht the user may see, as the sums need it: its plan and what its latest
     * submitted progress report says. Rows, not entities: the dashboard adds up ten thousand of them.
     */
    private record Lopend(long id, String team, String domein, String gebied, BigDecimal budget, BigDecimal fte,
            BigDecimal besteed, BigDecimal ingezet) {
    }

    private List<Lopend> lopend() {
        Map<Long, Object[]> rapportages = laatsteRapportages();
        return zichtbaarVoor(entityManager.createQuery("""
                select o.id, t.code, o.domein, o.gebied, o.budget, o.fte from Opdracht o join o.team t
                where o.fase in :fasen
                  and (:alles = true or o.vertrouwelijk = false or t.groepId in :groepen or o.aanvrager = :gebruiker)
                """, Object[].class).setParameter("fasen", LOPEND)).getResultList().stream().map(r -> {
                    Object[] rapportage = rapportages.get((Long) r[0]);
                    return new Lopend((Long) r[0], (String) r[1], (String) r[2],
                            r[3] == null ? "(geen gebied)" : (String) r[3], (BigDecimal) r[4], (BigDecimal) r[5],
                            waarde(rapportage, 1), waarde(rapportage, 2));
                }).toList();
    }

    /** Fills in the parameters of the visibility filter the opdracht queries here share. */
    <T> TypedQuery<T> zichtbaarVoor(TypedQuery<T> query) {
        List<String> groepen = new ArrayList<>(toegang.groepen());
        groepen.add(""); // an empty IN list is not portable
        return query.setParameter("alles", toegang.zietAlles()).setParameter("groepen", groepen)
                .setParameter("gebruiker", toegang.gebruiker() == null ? "" : toegang.gebruiker());
    }

    private List<Aantal> fasen() {
        Map<Fase, Long> aantallen = new EnumMap<>(Fase.class);
        for (Fase fase : Fase.values()) {
            aantallen.put(fase, 0L);
        }
        zichtbaarVoor(entityManager.createQuery("""
                select o.fase, count(o) from Opdracht o
                where :alles = true or o.vertrouwelijk = false or o.team.groepId in :groepen or o.aanvrager = :gebruiker
                group by o.fase""", Object[].class))
                .getResultList().forEach(r -> aantallen.put((Fase) r[0], (Long) r[1]));
        return aantallen.entrySet().stream().map(e -> new Aantal(woord(e.getKey()), e.getValue())).toList();
    }

    private List<TeamBelasting> teams() {
        return teamService.alle().stream().sorted(Comparator.comparing(Team::getCode)).map(team -> {
            BigDecimal ingezet = teamService.ingezet(team);
            BigDecimal vrij = team.getCapaciteitFte().subtract(ingezet);
            return new TeamBelasting(team.getCode(), team.getNaam(), team.getCapaciteitFte(), ingezet, vrij,
                    vrij.signum() < 0, team.isOpgeheven());
        }).toList();
    }

    /** Per opdracht id: money spent and FTE used as its latest submitted progress report says. */
    Map<Long, Object[]> laatsteRapportages() {
        Map<Long, Object[]> laatste = new HashMap<>();
        entityManager.createQuery("""
                select r.opdracht.id, r.besteedBudget, r.ingezetteFte from Voortgangsrapportage r
                where r.ingediendOp is not null and r.volgnummer = (
                    select max(r2.volgnummer) from Voortgangsrapportage r2
                    where r2.opdracht = r.opdracht and r2.ingediendOp is not null)
                """, Object[].class).getResultList().forEach(r -> laatste.put((Long) r[0], r));
        return laatste;
    }

    /** Per group, sorted by its name. */
    private static List<Middelen> middelen(List<Lopend> opdrachten, Function<Lopend, String> groep) {
        Map<String, List<Lopend>> perGroep = new TreeMap<>();
        opdrachten.forEach(o -> perGroep.computeIfAbsent(groep.apply(o), g -> new ArrayList<>()).add(o));
        return perGroep.entrySet().stream().map(e -> new Middelen(e.getKey(), e.getValue().size(),
                som(e.getValue(), Lopend::budget), som(e.getValue(), Lopend::besteed), som(e.getValue(), Lopend::fte),
                som(e.getValue(), Lopend::ingezet), null)).toList();
    }

    /**
     * Per doel, sorted by code. An opdracht that serves several doelen is shared out by the weights
     * of its links (weights 70 and 30: 70% and 30% of its budget), so the doelen add up to the
     * portfolio; it counts once in {@code aantal} of each.
     */
    private List<Middelen> perDoel(List<Lopend> opdrachten) {
        Map<Long, Lopend> perId = new HashMap<>();
        opdrachten.forEach(o -> perId.put(o.id(), o));
        Map<Long, Long> gewichten = new HashMap<>();
        // By phase, not by a list of ids: ten thousand ids in an IN list cost more than the links.
        List<Object[]> koppelingen = perId.isEmpty() ? List.of() : entityManager.createQuery("""
                select k.opdracht.id, d.code, d.naam, k.gewicht from OpdrachtDoel k join k.doel d join k.opdracht o
                where o.fase in :fasen order by d.code
                """, Object[].class).setParameter("fasen", LOPEND).getResultList().stream()
                .filter(k -> perId.containsKey((Long) k[0])).toList();
        koppelingen.forEach(k -> gewichten.merge((Long) k[0], ((Number) k[3]).longValue(), Long::sum));
        Optelling optelling = new Optelling();
        Map<String, String> namen = new HashMap<>();
        for (Object[] k : koppelingen) {
            Lopend o = perId.get((Long) k[0]);
            namen.put((String) k[1], (String) k[2]);
            optelling.tel((String) k[1], o.id(), aandeel(((Number) k[3]).intValue(), gewichten.get(o.id())),
                    o.budget(), o.besteed(), o.fte(), o.ingezet());
        }
        opdrachten.stream().filter(o -> !gewichten.containsKey(o.id())).forEach(o -> optelling.tel(GEEN_DOEL, o.id(),
                BigDecimal.ONE, o.budget(), o.besteed(), o.fte(), o.ingezet()));
        return optelling.allemaal(namen);
    }

    public static final String GEEN_DOEL = "(geen doel)";

    /** The share of one link in its opdracht: its weight over the sum of the opdracht's weights. */
    public static BigDecimal aandeel(int gewicht, long somGewichten) {
        return BigDecimal.valueOf(gewicht).divide(BigDecimal.valueOf(somGewichten), MathContext.DECIMAL64);
    }

    /**
     * Adds opdrachten (or shares of them) up per group; amounts are rounded to cents once, at the end.
     * The half-year report shares money per doel the same way.
     */
    public static final class Optelling {

        private final Map<String, java.util.Set<Long>> opdrachten = new java.util.TreeMap<>();
        private final Map<String, BigDecimal[]> sommen = new HashMap<>();

        public void tel(String groep, Long opdracht, BigDecimal aandeel, BigDecimal budget, BigDecimal besteed,
                BigDecimal fte, BigDecimal ingezet) {
            opdrachten.computeIfAbsent(groep, g -> new java.util.HashSet<>()).add(opdracht);
            BigDecimal[] som = sommen.computeIfAbsent(groep,
                    g -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
            BigDecimal[] waarden = { budget, besteed, fte, ingezet };
            for (int i = 0; i < waarden.length; i++) {
                if (waarden[i] != null) {
                    som[i] = som[i].add(waarden[i].multiply(aandeel, MathContext.DECIMAL64));
                }
            }
        }

        List<String> groepen() {
            return List.copyOf(opdrachten.keySet());
        }

        Middelen middelen(String groep, String naam) {
            BigDecimal[] som = sommen.get(groep);
            if (som == null) {
                return new Middelen(groep, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        naam);
            }
            return new Middelen(groep, opdrachten.get(groep).size(), cent(som[0]), cent(som[1]), cent(som[2]),
                    cent(som[3]), naam);
        }

        private static BigDecimal cent(BigDecimal waarde) {
            return waarde.setScale(2, RoundingMode.HALF_UP);
        }

        /**
         * Every group, rounded to cents so that together they make the rounded total: three doelen
         * sharing 100.000,01 get 33.333,34, 33.333,34 and 33.333,33, not three times 33.333,34. Each
         * group is first rounded down; the cents that leaves go to the groups that lost most by it
         * (the largest remainder), so no group is more than a cent from its exact share. Only for
         * groups that do not overlap: each share is counted in one of them.
         */
        public List<Middelen> allemaal(Map<String, String> namen) {
            List<String> groepen = groepen();
            BigDecimal[][] afgerond = new BigDecimal[groepen.size()][4];
            for (int kolom = 0; kolom < 4; kolom++) {
                BigDecimal totaal = BigDecimal.ZERO;
                BigDecimal verdeeld = BigDecimal.ZERO;
                BigDecimal[] rest = new BigDecimal[groepen.size()];
                for (int g = 0; g < groepen.size(); g++) {
                    BigDecimal exact = sommen.get(groepen.get(g))[kolom];
                    afgerond[g][kolom] = exact.setScale(2, RoundingMode.FLOOR);
                    rest[g] = exact.subtract(afgerond[g][kolom]);
                    totaal = totaal.add(exact);
                    verdeeld = verdeeld.add(afgerond[g][kolom]);
                }
                int centen = cent(totaal).subtract(verdeeld).movePointRight(2).intValueExact();
                List<Integer> volgorde = new ArrayList<>(java.util.stream.IntStream.range(0, groepen.size()).boxed().toList());
                volgorde.sort((a, b) -> rest[b].compareTo(rest[a]));
                for (int i = 0; i < centen; i++) {
                    int g = volgorde.get(i);
                    afgerond[g][kolom] = afgerond[g][kolom].add(BigDecimal.ONE.movePointLeft(2));
                }
            }
            List<Middelen> middelen = new ArrayList<>();
            for (int g = 0; g < groepen.size(); g++) {
                String groep = groepen.get(g);
                middelen.add(new Middelen(groep, opdrachten.get(groep).size(), afgerond[g][0], afgerond[g][1],
                        afgerond[g][2], afgerond[g][3], namen.get(groep)));
            }
            return middelen;
        }
    }

    static BigDecimal waarde(Object[] rij, int kolom) {
        return rij == null ? null : (BigDecimal) rij[kolom];
    }

    private static BigDecimal som(List<Lopend> opdrachten, Function<Lopend, BigDecimal> waarde) {
        return opdrachten.stream().map(waarde).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Wachttijd wachttijd(String stap, String activiteit) {
        Instant nu = ClockUtil.getCurrentTime().toInstant();
        Set<String> verborgen = verborgenInstanties();
        // The average covers the last year only, so the query stays bounded as the history grows.
        // The figures cover every opdracht the user may see in the portfolio, not only the processes
        // Camunda lets this user read; the confidential ones are left out above.
        List<Double> afgerond = gebruiker.alsSysteem(() -> historyService.createHistoricActivityInstanceQuery()
                .activityId(activiteit).finished().finishedAfter(Date.from(nu.minus(WACHTTIJD_PERIODE))).list())
                .stream()
                .filter(a -> !verborgen.contains(a.getProcessInstanceId()))
                .map(a -> dagen(a.getStartTime().toInstant(), a.getEndTime().toInstant())).toList();
        List<Double> open = gebruiker.alsSysteem(() -> historyService.createHistoricActivityInstanceQuery()
                .activityId(activiteit).unfinished().list()).stream()
                .filter(a -> !verborgen.contains(a.getProcessInstanceId()))
                .map(a -> dagen(a.getStartTime().toInstant(), nu)).toList();
        return new Wachttijd(stap, afgerond.size(),
                afgerond.isEmpty() ? null : rond(afgerond.stream().mapToDouble(d -> d).average().orElse(0)),
                open.size(), open.isEmpty() ? null : rond(open.stream().mapToDouble(d -> d).max().orElse(0)));
    }

    /** Process instances of the confidential opdrachten this user may not see. */
    private Set<String> verborgenInstanties() {
        if (toegang.zietAlles()) {
            return Set.of();
        }
        String[] sleutels = entityManager.createQuery(
                "select o from Opdracht o join fetch o.team where o.vertrouwelijk = true", Opdracht.class)
                .getResultList().stream().filter(o -> !zichtbaar(o)).map(Opdracht::getSleutel).toArray(String[]::new);
        if (sleutels.length == 0) {
            return Set.of();
        }
        return gebruiker.alsSysteem(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(sleutels).list()).stream().map(p -> p.getId())
                .collect(Collectors.toSet());
    }

    private boolean zichtbaar(Opdracht o) {
        return toegang.magZien(o.isVertrouwelijk(), o.getTeam().getGroepId(), o.getAanvrager());
    }

    private List<Reviewmoment> reviewsKomend() {
        Date tot = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(DAGEN_VOORUIT)));
        List<Job> timers = gebruiker.alsSysteem(() -> managementService.createJobQuery().timers()
                .activityId(LevenscyclusProces.Element.TIMER_REVIEWCYCLUS).duedateLowerThan(tot)
                .orderByJobDuedate().asc().list());
        return metOpdracht(timers.stream().map(Job::getProcessInstanceId).toList(), (opdracht, i) -> new Reviewmoment(
                opdracht.getSleutel(), opdracht.getTitel(), opdracht.getTeam().getCode(), timers.get(i).getDuedate()));
    }

    /** The longest overdue first; Tasklist's filter "Te laat" holds them all. */
    static final int TE_LAAT_MAXIMUM = 200;

    private List<TeLaat> teLaat() {
        Date nu = ClockUtil.getCurrentTime();
        List<Task> taken = taskService.createTaskQuery().processDefinitionKey(LevenscyclusProces.PROCESS_ID)
                .dueBefore(nu).orderByDueDate().asc().listPage(0, TE_LAAT_MAXIMUM);
        return metOpdracht(taken.stream().map(Task::getProcessInstanceId).toList(), (opdracht, i) -> {
            Task taak = taken.get(i);
            long dagen = Duration.between(taak.getDueDate().toInstant(), nu.toInstant()).toDays();
            return new TeLaat(taak.getId(), taak.getName(), opdracht.getSleutel(), opdracht.getTitel(),
                    taak.getDueDate(), dagen);
        });
    }

    private interface Regel<T> {
        T maak(Opdracht opdracht, int index);
    }

    /** Maps engine results to rows with their opdracht, via the business keys of their processes. */
    private <T> List<T> metOpdracht(List<String> procesIds, Regel<T> regel) {
        if (procesIds.isEmpty()) {
            return List.of();
        }
        Map<String, String> sleutels = new HashMap<>();
        gebruiker.alsSysteem(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceIds(new java.util.HashSet<>(procesIds)).list())
                .forEach(p -> sleutels.put(p.getId(), ((ProcessInstance) p).getBusinessKey()));
        Map<String, Opdracht> opdrachten = new HashMap<>();
        entityManager.createQuery("select o from Opdracht o join fetch o.team where o.sleutel in :sleutels",
                Opdracht.class).setParameter("sleutels", sleutels.values()).getResultList()
                .forEach(o -> opdrachten.put(o.getSleutel(), o));
        List<T> rijen = new ArrayList<>();
        for (int i = 0; i < procesIds.size(); i++) {
            Opdracht opdracht = opdrachten.get(sleutels.get(procesIds.get(i)));
            if (opdracht != null && zichtbaar(opdracht)) {
                rijen.add(regel.maak(opdracht, i));
            }
        }
        return rijen;
    }

    private static double dagen(Instant van, Instant tot) {
        return (double) Duration.between(van, tot).toMinutes() / DAG.toMinutes();
    }

    private static double rond(double waarde) {
        return Math.round(waarde * 10) / 10.0;
    }

    private static String woord(Enum<?> waarde) {
        return waarde == null ? null : waarde.name().toLowerCase(Locale.ROOT);
    }
}
