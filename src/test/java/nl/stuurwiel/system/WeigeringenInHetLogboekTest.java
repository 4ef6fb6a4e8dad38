package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** A refusal by the rules is one INFO line; every other exception of a command stays an ERROR. */
class WeigeringenInHetLogboekTest {

    private final LoggerContext logboek = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger camunda = logboek.getLogger(WeigeringenInHetLogboek.CAMUNDA_CONTEXT);
    private final ListAppender<ILoggingEvent> geschreven = new ListAppender<>();
    private WeigeringenInHetLogboek filter;

    @BeforeEach
    void filterEnLijst() {
        filter = new WeigeringenInHetLogboek();
        filter.aanmelden();
        geschreven.start();
        camunda.addAppender(geschreven);
        logboek.getLogger("nl.stuurwiel.geweigerd").addAppender(geschreven);
    }

    @AfterEach
    void weg() {
        logboek.getTurboFilterList().removeIf(WeigeringenInHetLogboek.class::isInstance);
        camunda.detachAppender(geschreven);
        logboek.getLogger("nl.stuurwiel.geweigerd").detachAppender(geschreven);
    }

    @Test
    void aRefusalDeepInTheCauseChainBecomesOneInfoLine() {
        var weigering = new OngeldigeInvoerException("reviewToelichting", "is verplicht bij bijsturen");
        camunda.error("ENGINE-16004 Exception while closing command context: {}", "x",
                new ProcessEngineException("ENGINE-03051 TaskListener", new RuntimeException(weigering)));
        camunda.error("ENGINE-16004 Exception while closing command context: {}", "y",
                new ConflictException("is al een rapportage in de maak"));

        assertThat(geschreven.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Level.INFO, "Geweigerd: " + weigering.getMessage()),
                        org.assertj.core.groups.Tuple.tuple(Level.INFO, "Geweigerd: is al een rapportage in de maak"));
        assertThat(geschreven.list).allMatch(e -> e.getThrowableProxy() == null);
    }

    @Test
    void anyOtherExceptionStaysAnErrorWithItsStackTrace() {
        camunda.error("ENGINE-16004 Exception while closing command context: {}", "z",
                new ProcessEngineException("Row was updated or deleted by another transaction"));
        logboek.getLogger("elders").error("niet van Camunda", new OngeldigeInvoerException("veld", "fout"));

        assertThat(geschreven.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void registeringTwiceLeavesOneFilter() {
        new WeigeringenInHetLogboek().aanmelden();
        assertThat(logboek.getTurboFilterList()).filteredOn(WeigeringenInHetLogboek.class::isInstance).hasSize(1);
    }
}
