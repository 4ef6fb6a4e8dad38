package nl.stuurwiel.system;

import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Camunda logs every exception that ends a command as an ERROR with its whole stack trace
 * (ENGINE-16004), also when Stuurwiel's rules refuse a form or a request: a missing reason, a
 * report already in the making. Those are answers to the user, who gets them as a 400 or 409,
 * not faults of the server, and they buried the real errors in the log. Such a refusal is
 * written as one INFO line instead; every other exception is logged as Camunda logs it.
 */
@Component
public class WeigeringenInHetLogboek extends TurboFilter {

    static final String CAMUNDA_CONTEXT = "org.camunda.bpm.engine.context";
    private static final Logger LOG = LoggerFactory.getLogger("nl.stuurwiel.geweigerd");

    @PostConstruct
    void aanmelden() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logboek
                && logboek.getTurboFilterList().stream().noneMatch(WeigeringenInHetLogboek.class::isInstance)) {
            start();
            logboek.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
            Object[] params, Throwable t) {
        if (level != Level.ERROR || !CAMUNDA_CONTEXT.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable weigering = weigering(t != null ? t : laatsteThrowable(params));
        if (weigering == null) {
            return FilterReply.NEUTRAL;
        }
        LOG.info("Geweigerd: {}", weigering.getMessage());
        return FilterReply.DENY;
    }

    /** The refusal by Stuurwiel's rules in the cause chain, or null for any other exception. */
    static Throwable weigering(Throwable fout) {
        for (int diepte = 0; fout != null && diepte < 20; fout = fout.getCause(), diepte++) {
            if (fout instanceof OngeldigeInvoerException || fout instanceof ConflictException) {
                return fout;
            }
        }
        return null;
    }

    private static Throwable laatsteThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t ? t : null;
    }
}
