package nl.stuurwiel.meetronde;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rhythm of the measurement rounds that process designers may change without a developer;
 * processes/meetronde.bpmn reads it as ${meetrondeInstellingen.…}. The due date of a round
 * follows stuurwiel.actualiteit.respijt-dagen, so a task is overdue exactly when the data
 * freshness overview says so.
 */
@Component("meetrondeInstellingen")
@ConfigurationProperties("stuurwiel.meetronde")
public class MeetrondeInstellingen {

    /** ISO-8601 duration after the task opens before the owner is reminded. */
    private String herinnering = "P14D";

    public String getHerinnering() {
        return herinnering;
    }

    public void setHerinnering(String herinnering) {
        this.herinnering = herinnering;
    }
}
