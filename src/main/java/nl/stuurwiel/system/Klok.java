package nl.stuurwiel.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Today and now as the engine sees them. Dates and times that process steps record (review
 * period, a report handed in, a decision, closure) follow the engine clock, so they agree with the
 * timers that triggered them and with the engine's history.
 */
public final class Klok {

    private Klok() {
    }

    public static Instant nu() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate vandaag() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
