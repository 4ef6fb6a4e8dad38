package nl.stuurwiel.system;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Today as the engine sees it. Dates that process steps record (review period, closure) follow
 * the engine clock, so they agree with the timers that triggered them.
 */
public final class Klok {

    private Klok() {
    }

    public static LocalDate vandaag() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
