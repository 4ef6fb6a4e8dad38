package nl.stuurwiel.team;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.security.Bewerkrechten;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.security.StandaardAutorisaties;
import nl.stuurwiel.system.ConflictException;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.NietGevondenException;
import nl.stuurwiel.system.OngeldigeInvoerException;

/**
 * Teams and their capacity. A new team gets its Camunda group with the rights every team has, in the
 * same transaction as the team itself: a team without its group, or a group without its team, never
 * remains. Changes are audited (the team is an Envers entity).
 */
@Service
@Transactional(readOnly = true)
public class TeamService {

    private static final List<Fase> LOPEND = Arrays.stream(Fase.values()).filter(Fase::isLopend).toList();
    private static final List<Fase> NIET_BEEINDIGD = Fase.nietBeeindigd();
    /** Stored as numeric(8, 2). */
    private static final BigDecimal MAXIMALE_CAPACITEIT = new BigDecimal("999999.99");
    private static final Set<String> ROLGROEPEN = Set.of(Rollen.AANVRAGER, Rollen.INTAKE, Rollen.MT,
            Rollen.PROCESONTWERPER, Rollen.BEHEERDER);

    private final TeamRepository teams;
    private final OpdrachtRepository opdrachten;
    private final Bewerkrechten rechten;
    private final StandaardAutorisaties autorisaties;
    private final IdentityService identityService;
    private final HuidigeGebruiker gebruiker;

    public TeamService(TeamRepository teams, OpdrachtRepository opdrachten, Bewerkrechten rechten,
            StandaardAutorisaties autorisaties, IdentityService identityService, HuidigeGebruiker gebruiker) {
        this.teams = teams;
        this.opdrachten = opdrachten;
        this.rechten = rechten;
        this.autorisaties = autorisaties;
        this.identityService = identityService;
        this.gebruiker = gebruiker;
    }

    /** FTE committed to the team's running opdrachten. */
    public BigDecimal ingezet(Team team) {
        return opdrachten.ingezetteFte(team.getId(), LOPEND);
    }

    /** What the team has left: capacity minus what running opdrachten take. */
    public BigDecimal vrijeCapaciteit(Team team) {
        return team.getCapaciteitFte().subtract(ingezet(team));
    }

    public List<Team> alle() {
        return teams.findAll();
    }

    public Team team(String code) {
        return teams.findByCode(code).orElseThrow(() -> new NietGevondenException("Team " + code + " bestaat niet"));
    }

    @Transactional
    public Team maak(TeamInvoer invoer) {
        rechten.controleerTeams("teams aanmaken");
        if (invoer == null) {
            throw new OngeldigeInvoerException("team", "is leeg");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        String code = tekst(invoer.code());
        if (code == null) {
            fouten.put("code", "is verplicht");
        } else if (code.length() > 50 || !code.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            fouten.put("code", "mag alleen letters, cijfers, '-' en '_' bevatten (maximaal 50)");
        } else {
            // "wijk" beside "WIJK" would be two teams nobody can tell apart in a list or a form.
            teams.findFirstByCodeIgnoreCase(code).map(Team::getCode).ifPresent(bestaand -> fouten.put("code",
                    bestaand.equals(code) ? "bestaat al" : "bestaat al als " + bestaand));
        }
        String groep = tekst(invoer.groep());
        if (groep == null && code != null && !fouten.containsKey("code")) {
            groep = "team" + code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
        if (groep != null) {
            // Camunda accepts group ids of letters and digits only.
            if (groep.length() > 64 || !groep.matches("[A-Za-z0-9]+")) {
                fouten.put("groep", "mag alleen letters en cijfers bevatten (maximaal 64)");
            } else if (ROLGROEPEN.contains(groep)) {
                fouten.put("groep", "'" + groep + "' is een rol, geen team");
            } else if (teams.findByGroepId(groep).isPresent()) {
                fouten.put("groep", "hoort al bij team " + teams.findByGroepId(groep).get().getCode());
            }
        }
        controleer(invoer, fouten);
        meld(fouten);
        Team team = teams.save(new Team(code, invoer.naam().strip(), groep, invoer.capaciteitFte()));
        String groepId = groep;
        // Creating a group is an administrator's right in Camunda; here it follows from creating the team.
        gebruiker.alsSysteem(() -> {
            autorisaties.teamGroep(groepId, team.getNaam());
            return null;
        });
        return team;
    }

    /** Name and capacity; less capacity than running opdrachten take is allowed and shows as overbelast. */
    @Transactional
    public Team wijzig(String code, TeamInvoer invoer) {
        rechten.controleerTeams("teams wijzigen");
        Team team = team(code);
        if (team.isOpgeheven()) {
            throw new ConflictException("Team " + code + " is opgeheven op " + team.getOpgehevenOp()
                    + " en wijzigt niet meer");
        }
        if (invoer == null) {
            throw new OngeldigeInvoerException("team", "is leeg");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        if (invoer.code() != null && !invoer.code().strip().equals(code)) {
            fouten.put("code", "kan niet wijzigen");
        }
        if (invoer.groep() != null && !invoer.groep().strip().equals(team.getGroepId())) {
            fouten.put("groep", "kan niet wijzigen; de leden van het team staan in groep " + team.getGroepId());
        }
        controleer(invoer, fouten);
        meld(fouten);
        team.setNaam(invoer.naam().strip());
        team.setCapaciteitFte(invoer.capaciteitFte());
        gebruiker.alsSysteem(() -> {
            Group groep = identityService.createGroupQuery().groupId(team.getGroepId()).singleResult();
            // A group from the organisation's directory keeps its own name.
            if (groep != null && Rollen.TEAM_TYPE.equals(groep.getType())) {
                groep.setName(team.getNaam());
                identityService.saveGroup(groep);
            }
            return null;
        });
        return team;
    }

    /**
     * Dissolves the team: it keeps its history and its Camunda group, and takes no new opdrachten. Refused
     * while it has opdrachten that have not ended; they go to another team first (overdracht).
     */
    @Transactional
    public Team hefOp(String code) {
        rechten.controleerTeams("teams opheffen");
        Team team = team(code);
        if (team.isOpgeheven()) {
            return team;
        }
        List<String> open = opdrachten.sleutelsVanTeam(team.getId(), NIET_BEEINDIGD);
        if (!open.isEmpty()) {
            throw new ConflictException("Team " + code + " heeft nog " + open.size()
                    + (open.size() == 1 ? " opdracht die niet is beëindigd: " : " opdrachten die niet zijn beëindigd: ")
                    + String.join(", ", open.subList(0, Math.min(10, open.size()))) + (open.size() > 10 ? ", …" : "")
                    + ". Draag die eerst over aan een ander team.");
        }
        team.hefOp(Klok.vandaag());
        return team;
    }

    private static void controleer(TeamInvoer invoer, Map<String, String> fouten) {
        String naam = tekst(invoer.naam());
        if (naam == null) {
            fouten.put("naam", "is verplicht");
        } else if (naam.length() > 200) {
            fouten.put("naam", "is langer dan 200 tekens");
        }
        BigDecimal fte = invoer.capaciteitFte();
        if (fte == null) {
            fouten.put("capaciteitFte", "is verplicht");
        } else if (fte.signum() < 0) {
            fouten.put("capaciteitFte", "mag niet negatief zijn");
        } else if (fte.compareTo(MAXIMALE_CAPACITEIT) > 0) {
            fouten.put("capaciteitFte",
                    "mag hoogstens " + new nl.stuurwiel.system.Opmaak().getal(MAXIMALE_CAPACITEIT) + " zijn");
        } else if (fte.stripTrailingZeros().scale() > 2) {
            fouten.put("capaciteitFte", "heeft hoogstens twee decimalen");
        }
    }

    private static void meld(Map<String, String> fouten) {
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
    }

    private static String tekst(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
