package nl.stuurwiel.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the engine when the first administrator (created by Camunda's
 * {@code camunda.bpm.admin-user} from STUURWIEL_ADMIN_USER / STUURWIEL_ADMIN_PASSWORD) would get
 * an empty, default or weak password. Runs before the engine creates any user. Only the demo
 * profile may use a known password.
 */
@Component
public class BeheerderControle extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(BeheerderControle.class);

    static final int MINIMALE_LENGTE = 12;
    private static final Set<String> BEKENDE_WACHTWOORDEN = Set.of("demo", "admin", "beheerder", "password",
            "wachtwoord", "changeme", "welkom", "welkom01", "camunda", "stuurwiel", "secret", "geheim");

    private final String gebruiker;
    private final String wachtwoord;
    private final boolean demoWachtwoordToegestaan;
    private final List<String> namen;

    public BeheerderControle(@Value("${stuurwiel.beheerder.gebruiker:}") String gebruiker,
            @Value("${stuurwiel.beheerder.wachtwoord:}") String wachtwoord,
            @Value("${stuurwiel.beheerder.demo-wachtwoord-toegestaan:false}") boolean demoWachtwoordToegestaan,
            @Value("${camunda.bpm.admin-user.first-name:}") String voornaam,
            @Value("${camunda.bpm.admin-user.last-name:}") String achternaam) {
        this.namen = List.of(voornaam, achternaam);
        this.gebruiker = gebruiker;
        this.wachtwoord = wachtwoord;
        this.demoWachtwoordToegestaan = demoWachtwoordToegestaan;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        String bezwaar = bezwaarTegen(gebruiker, wachtwoord, namen);
        if (bezwaar != null && !demoWachtwoordToegestaan) {
            throw new IllegalStateException("Stuurwiel start niet: " + bezwaar
                    + ". Zet STUURWIEL_ADMIN_USER en STUURWIEL_ADMIN_PASSWORD (minstens " + MINIMALE_LENGTE
                    + " tekens, met hoofdletter, kleine letter, cijfer en leesteken), of start met het profiel 'demo'.");
        }
    }

    /**
     * Failed logins lock an account for good after {@code login-max-attempts}, and anyone who can
     * reach the login can do that to the administrator, whose name is easy to guess. Another
     * administrator unlocks it in Camunda Admin; when there is none, restarting Stuurwiel unlocks
     * this one, its account from STUURWIEL_ADMIN_USER. A restart gives a guesser a few more tries,
     * not a way in.
     */
    @EventListener
    public void ontgrendelBeheerder(PostDeployEvent event) {
        IdentityService identiteiten = event.getProcessEngine().getIdentityService();
        User beheerder = identiteiten.createUserQuery().userId(gebruiker).singleResult();
        if (beheerder instanceof UserEntity entiteit
                && (entiteit.getAttempts() > 0 || entiteit.getLockExpirationTime() != null)) {
            identiteiten.unlockUser(gebruiker);
            LOG.warn("Beheerder '{}' was na {} mislukte inlogpogingen geblokkeerd en is bij het starten ontgrendeld",
                    gebruiker, entiteit.getAttempts());
        }
    }

    /**
     * Why this administrator account is unacceptable, or null when it is fine. {@code namen}: the
     * account's first and last name, which Camunda's password policy also forbids in the password.
     */
    static String bezwaarTegen(String gebruiker, String wachtwoord, List<String> namen) {
        if (gebruiker == null || gebruiker.isBlank()) {
            return "er is geen beheerder ingesteld (STUURWIEL_ADMIN_USER)";
        }
        if (wachtwoord == null || wachtwoord.isBlank()) {
            return "het wachtwoord van de beheerder is leeg (STUURWIEL_ADMIN_PASSWORD)";
        }
        String klein = wachtwoord.toLowerCase(Locale.ROOT);
        // "Password123!" and "Welkom01!" are the known word with the digits and sign a policy asks for.
        String letters = klein.replaceAll("[^\\p{L}]", "");
        if (BEKENDE_WACHTWOORDEN.contains(klein) || BEKENDE_WACHTWOORDEN.contains(letters)
                || klein.equals(gebruiker.toLowerCase(Locale.ROOT))) {
            return "het wachtwoord van de beheerder is een standaardwachtwoord";
        }
        if (wachtwoord.chars().distinct().count() < 6) {
            return "het wachtwoord van de beheerder herhaalt te weinig verschillende tekens";
        }
        // Camunda's policy refuses these too, but only once the engine runs and without saying why.
        if (klein.contains(gebruiker.toLowerCase(Locale.ROOT)) || namen.stream().filter(n -> n != null && !n.isBlank())
                .anyMatch(n -> klein.contains(n.toLowerCase(Locale.ROOT)))) {
            return "het wachtwoord van de beheerder bevat de gebruikersnaam of de naam van de beheerder";
        }
        if (wachtwoord.length() < MINIMALE_LENGTE || wachtwoord.chars().noneMatch(Character::isUpperCase)
                || wachtwoord.chars().noneMatch(Character::isLowerCase)
                || wachtwoord.chars().noneMatch(Character::isDigit)
                || wachtwoord.chars().allMatch(Character::isLetterOrDigit)) {
            return "het wachtwoord van de beheerder is te zwak";
        }
        return null;
    }
}
