package nl.stuurwiel.system;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A municipality's day starts at midnight in the Netherlands, whatever zone the server runs in
 * (containers start in UTC): "today", review and measurement periods, due dates and the hours of the
 * timers follow {@code stuurwiel.tijdzone}, Europe/Amsterdam unless set. Applied before logging, the
 * database and the engine start, since each of them reads the zone once.
 */
public class Tijdzone implements EnvironmentPostProcessor {

    public static final String EIGENSCHAP = "stuurwiel.tijdzone";
    public static final String NEDERLAND = "Europe/Amsterdam";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment omgeving, SpringApplication toepassing) {
        String naam = omgeving.getProperty(EIGENSCHAP, NEDERLAND);
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(naam)));
        } catch (DateTimeException e) {
            throw new IllegalStateException(EIGENSCHAP + ": '" + naam + "' is geen tijdzone (bijvoorbeeld " + NEDERLAND
                    + ")", e);
        }
    }
}
