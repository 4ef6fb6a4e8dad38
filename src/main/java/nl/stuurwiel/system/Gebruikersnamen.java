package nl.stuurwiel.system;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People's names for the user ids the portfolio keeps: a municipal reader knows "Tim Visser",
 * not "tim". The ids stay in the data, since users can be renamed but not re-identified.
 */
@Component
public class Gebruikersnamen {

    private final IdentityService identityService;
    private final HuidigeGebruiker gebruiker;

    public Gebruikersnamen(IdentityService identityService, HuidigeGebruiker gebruiker) {
        this.identityService = identityService;
        this.gebruiker = gebruiker;
    }

    /**
     * The names of all these users, found in one query for a whole response rather than one per
     * row. As the system: a reader who may see an opdracht may see who worked on it, even without
     * a right to browse Camunda's user list.
     */
    public Namen van(Collection<String> ids) {
        return namen(ids, gezocht -> identityService.createUserQuery().userIdIn(gezocht).list().stream()
                .collect(Collectors.toMap(User::getId, Gebruikersnamen::volledigeNaam)));
    }

    /** The names of these groups ("Wijkteam Centrum" for teamwijk), in one query, as {@link #van} for users. */
    public Namen groepen(Collection<String> ids) {
        return namen(ids, gezocht -> identityService.createGroupQuery().groupIdIn(gezocht).list().stream()
                .collect(Collectors.toMap(Group::getId, g -> g.getName() == null ? "" : g.getName().strip())));
    }

    private Namen namen(Collection<String> ids, Function<String[], Map<String, String>> zoek) {
        String[] gezocht = ids.stream().filter(Objects::nonNull).filter(id -> !id.isBlank()).distinct()
                .toArray(String[]::new);
        return new Namen(gezocht.length == 0 ? Map.of() : gebruiker.alsSysteem(() -> zoek.apply(gezocht)));
    }

    /** The name of one user, for a single id such as the page header's. */
    public String naam(String id) {
        return van(id == null ? Set.of() : Set.of(id)).naam(id);
    }

    /** First and last name; empty where the profile has neither, so the caller falls back to the id. */
    public static String volledigeNaam(User u) {
        return (leeg(u.getFirstName()) + " " + leeg(u.getLastName())).strip();
    }

    private static String leeg(String tekst) {
        return tekst == null ? "" : tekst;
    }

    /** The names found; an id whose user is gone or has no name shows as itself. */
    public static final class Namen {

        private final Map<String, String> namen;

        Namen(Map<String, String> namen) {
            this.namen = namen;
        }

        /** A name to show; null only for no user at all (a step nobody did). */
        public String naam(String id) {
            if (id == null) {
                return null;
            }
            String naam = namen.get(id);
            return naam == null || naam.isEmpty() ? id : naam;
        }
    }
}
