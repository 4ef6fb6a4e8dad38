package nl.stuurwiel.security;

import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the engine when the first administrator (created by Camunda's
 * {@code camunda.bpm.admin-user} from STUURWIEL_ADMIN_USER / STUURWIEL_ADMIN_PASSWORD) would get
 * an empty, default or weak password. Runs before the engine creates any user. Only the demo
 * profile may use a known password.
 */
@Component
public class BeheerderControle extends AbstractProcessEnginePlugin {

    static final int MINIMALE_LENGTE = 12;
    private static final Set<String> BEKENDE_WACHTWOORDEN = Set.of("demo", "admin", "beheerder", "password",
            "wachtwoord", "changeme", "welkom", "welkom01", "camunda", "stuurwiel", "secret", "geheim");

    private final String gebruiker;
    private final String wachtwoord;
    private final boolean demoWachtwoordToegestaan;

    public BeheerderControle(@Value("${stuurwiel.beheerder.gebruiker:}") String gebruiker,
            @Value("${stuurwiel.beheerder.wachtwoord:}") String wachtwoord,
            @Value("${stuurwiel.beheerder.demo-wachtwoord-toegestaan:false}") boolean demoWachtwoordToegestaan) {
        this.gebruiker = gebruiker;
        this.wachtwoord = wachtwoord;
        this.demoWachtwoordToegestaan = demoWachtwoordToegestaan;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        String bezwaar = bezwaarTegen(gebruiker, wachtwoord);
        if (bezwaar != null && !demoWachtwoordToegestaan) {
            throw new IllegalStateException("Stuurwiel start niet: " + bezwaar
                    + ". Zet STUURWIEL_ADMIN_USER en STUURWIEL_ADMIN_PASSWORD (minstens " + MINIMALE_LENGTE
                    + " tekens, met hoofdletter, kleine letter, cijfer en leesteken), of start met het profiel 'demo'.");
        }
    }

    /** Why this administrator account is unacceptable, or null when it is fine. */
    static String bezwaarTegen(String gebruiker, String wachtwoord) {
        if (gebruiker == null || gebruiker.isBlank()) {
            return "er is geen beheerder ingesteld (STUURWIEL_ADMIN_USER)";
        }
        if (wachtwoord == null || wachtwoord.isBlank()) {
            return "het wachtwoord van de beheerder is leeg (STUURWIEL_ADMIN_PASSWORD)";
        }
        String klein = wachtwoord.toLowerCase(Locale.ROOT);
        if (BEKENDE_WACHTWOORDEN.contains(klein) || klein.equals(gebruiker.toLowerCase(Locale.ROOT))) {
            return "het wachtwoord van de beheerder is een standaardwachtwoord";
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
