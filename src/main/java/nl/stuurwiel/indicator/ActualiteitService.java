package nl.stuurwiel.indicator;

import static nl.stuurwiel.indicator.IndicatorService.woord;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.security.Toegang;
import nl.stuurwiel.system.Gebruikersnamen;
import nl.stuurwiel.system.Gebruikersnamen.Namen;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.team.TeamRepository;

/**
 * Data freshness: which metingen are overdue and which progress reports are past their due
 * date, per team. A meting is due when its period has ended plus the grace period
 * {@code stuurwiel.actualiteit.respijt-dagen}; after the last measured period the next one is
 * expected, and without any meting the period after the baseline (or, without a baseline, the
 * period in which the indicator was created). Indicators on a doel count for the teams whose
 * unfinished opdrachten contribute to it; indicators on an opdracht only while it runs.
 */
@Service
@Transactional(readOnly = true)
public class ActualiteitService {

    public record TeLateMeting(Long indicator, String naam, String doel, String opdracht, List<String> teams,
            String eigenaar, String eigenaarNaam, String meetfrequentie, LocalDate laatstePeriode,
            LocalDate verwachtePeriode,
            LocalDate uiterlijk, long dagenTeLaat, int ontbrekendePerioden) {
    }

    public record TeLateRapportage(String opdracht, String titel, String team, String taak, String toegewezenAan,
            String toegewezenAanNaam, Date vervaldatum, long dagenTeLaat) {
    }

    public record TeamActualiteit(String team, int metingenTeLaat, int rapportagesTeLaat) {
    }

    public record Actualiteit(LocalDate peildatum, int respijtDagen, List<TeamActualiteit> teams,
            List<TeLateMeting> metingen, List<TeLateRapportage> rapportages) {
    }

    /** When the next meting of an indicator is due, and how late it is on the peildatum. */
    public record Achterstand(LocalDate verwachtePeriode, LocalDate uiterlijk, long dagenTeLaat,
            int ontbrekendePerioden) {
    }

    private static final Set<Fase> NIET_AFGESLOTEN = Set.copyOf(Fase.nietBeeindigd());

    private final IndicatorRepository indicatoren;
    private final MetingRepository metingen;
    private final OpdrachtRepository opdrachten;
    private final TeamRepository teams;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HuidigeGebruiker gebruiker;
    private final Gebruikersnamen gebruikersnamen;
    private final int respijtDagen;
    private final Toegang toegang;

    public ActualiteitService(IndicatorRepository indicatoren, MetingRepository metingen,
            OpdrachtRepository opdrachten, TeamRepository teams, TaskService taskService, RuntimeService runtimeService,
            HuidigeGebruiker gebruiker, Toegang toegang, Gebruikersnamen gebruikersnamen,
            @Value("${stuurwiel.actualiteit.respijt-dagen:30}") int respijtDagen) {
        this.toegang = toegang;
        this.gebruikersnamen = gebruikersnamen;
        this.indicatoren = indicatoren;
        this.metingen = metingen;
        this.opdrachten = opdrachten;
        this.teams = teams;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.gebruiker = gebruiker;
        this.respijtDagen = respijtDagen;
    }

    /**
     * @param team  a team code, or null for all teams
     * @param nu    the engine's now: progress reports whose due date lies before it are late
     */
    public Actualiteit actualiteit(String team, Date nu) {
        if (team != null && teams.findByCode(team).isEmpty()) {
            throw new OngeldigeInvoerException("team", "onbekend team '" + team + "'");
        }
        LocalDate peildatum = nu.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        List<TeLateMeting> teLateMetingen = teLateMetingen(peildatum).stream()
                .filter(m -> team == null || m.teams().contains(team)).toList();
        List<TeLateRapportage> teLateRapportages = teLateRapportages(nu).stream()
                .filter(r -> team == null || team.equals(r.team())).toList();
        Map<String, int[]> perTeam = new TreeMap<>();
        teLateMetingen.forEach(m -> m.teams().stream().filter(t -> team == null || team.equals(t))
                .forEach(t -> perTeam.computeIfAbsent(t, k -> new int[2])[0]++));
        teLateRapportages.forEach(r -> perTeam.computeIfAbsent(r.team(), k -> new int[2])[1]++);
        List<TeamActualiteit> overzicht = perTeam.entrySet().stream()
                .map(e -> new TeamActualiteit(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new Actualiteit(peildatum, respijtDagen, overzicht, teLateMetingen, teLateRapportages);
    }

    /** The pure rule: null when the next meting is not late on the peildatum. */
    public static Achterstand achterstand(Meetfrequentie frequentie, LocalDate laatstePeriode, LocalDate basisdatum,
            LocalDate aangemaakt, int respijtDagen, LocalDate peildatum) {
        LocalDate verwacht = laatstePeriode != null ? frequentie.volgende(laatstePeriode)
                : basisdatum != null ? frequentie.volgende(frequentie.periodeVan(basisdatum))
                        : frequentie.periodeVan(aangemaakt);
        LocalDate uiterlijk = frequentie.volgende(verwacht).plusDays(respijtDagen);
        if (!peildatum.isAfter(uiterlijk)) {
            return null;
        }
        int ontbrekend = 0;
        for (LocalDate p = verwacht; peildatum.isAfter(frequentie.volgende(p).plusDays(respijtDagen));
                p = frequentie.volgende(p)) {
            ontbrekend++;
        }
        return new Achterstand(verwacht, uiterlijk, ChronoUnit.DAYS.between(uiterlijk, peildatum), ontbrekend);
    }

    private List<TeLateMeting> teLateMetingen(LocalDate peildatum) {
        Map<Long, LocalDate> laatste = new HashMap<>();
        for (Object[] r : metingen.laatstePerioden()) {
            laatste.put((Long) r[0], (LocalDate) r[1]);
        }
        Map<Long, Set<String>> teamsPerDoel = new HashMap<>();
        for (Object[] r : indicatoren.teamsPerDoel(NIET_AFGESLOTEN)) {
            teamsPerDoel.computeIfAbsent((Long) r[0], k -> new TreeSet<>()).add((String) r[1]);
        }
        List<TeLateMeting> teLaat = new ArrayList<>();
        List<Indicator> actief = indicatoren.findByStatus(IndicatorStatus.ACTIEF);
        Namen namen = gebruikersnamen.van(actief.stream().map(Indicator::getEigenaar).toList());
        for (Indicator i : actief) {
            Opdracht opdracht = i.getOpdracht();
            if (opdracht != null && !(opdracht.getFase().isLopend() || opdracht.getFase() == Fase.AFSLUITING)) {
                continue;
            }
            if (opdracht != null && !toegang.magZien(opdracht.isVertrouwelijk(), opdracht.getTeam().getGroepId(),
                    opdracht.getAanvrager())) {
                continue;
            }
            Achterstand a = achterstand(i.getMeetfrequentie(), laatste.get(i.getId()), i.getBasisdatum(),
                    i.getAangemaaktOp().atZone(ZoneId.systemDefault()).toLocalDate(), respijtDagen, peildatum);
            if (a == null) {
                continue;
            }
            List<String> betrokken = opdracht != null ? List.of(opdracht.getTeam().getCode())
                    : List.copyOf(teamsPerDoel.getOrDefault(i.getDoel().getId(), Set.of()));
            teLaat.add(new TeLateMeting(i.getId(), i.getNaam(), i.getDoel() == null ? null : i.getDoel().getCode(),
                    opdracht == null ? null : opdracht.getSleutel(), betrokken, i.getEigenaar(),
                    namen.naam(i.getEigenaar()), woord(i.getMeetfrequentie()), laatste.get(i.getId()),
                    a.verwachtePeriode(), a.uiterlijk(),
                    a.dagenTeLaat(), a.ontbrekendePerioden()));
        }
        teLaat.sort(Comparator.comparingLong(TeLateMeting::dagenTeLaat).reversed()
                .thenComparing(TeLateMeting::indicator));
        return teLaat;
    }

    /**
     * Open progress-report tasks past their due date, as far as the caller may see them (the
     * task query runs under the caller's Camunda authorizations).
     */
    private List<TeLateRapportage> teLateRapportages(Date nu) {
        List<Task> taken = taskService.createTaskQuery()
                .taskDefinitionKey(LevenscyclusProces.Element.VOORTGANG_RAPPORTEREN).dueBefore(nu)
                .orderByDueDate().asc().list();
        if (taken.isEmpty()) {
            return List.of();
        }
        Set<String> instanties = taken.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> sleutels = gebruiker.alsSysteem(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceIds(instanties).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey)));
        Map<String, Opdracht> perSleutel = opdrachten.findBySleutelIn(sleutels.values()).stream()
                .collect(Collectors.toMap(Opdracht::getSleutel, Function.identity()));
        List<TeLateRapportage> teLaat = new ArrayList<>();
        Namen namen = gebruikersnamen.van(taken.stream().map(Task::getAssignee).toList());
        for (Task t : taken) {
            Opdracht o = perSleutel.get(sleutels.get(t.getProcessInstanceId()));
            if (o == null) {
                continue;
            }
            long dagen = ChronoUnit.DAYS.between(t.getDueDate().toInstant(), nu.toInstant());
            teLaat.add(new TeLateRapportage(o.getSleutel(), o.getTitel(), o.getTeam().getCode(), t.getId(),
                    t.getAssignee(), namen.naam(t.getAssignee()), t.getDueDate(), dagen));
        }
        return teLaat;
    }
}
