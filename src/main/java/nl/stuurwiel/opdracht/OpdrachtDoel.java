package nl.stuurwiel.opdracht;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import nl.stuurwiel.doel.Doel;

/** An opdracht's link to a doel, with the contribution it is expected to make and its weight (1-100). */
@Entity
@Audited
@Table(name = "opdracht_doel")
public class OpdrachtDoel {

    public static final int MINIMAAL_GEWICHT = 1;
    public static final int MAXIMAAL_GEWICHT = 100;

    @EmbeddedId
    private Sleutel id = new Sleutel();
    @ManyToOne(fetch = FetchType.LAZY)
    @MapsId("opdrachtId")
    @JoinColumn(name = "opdracht_id")
    private Opdracht opdracht;
    @ManyToOne(fetch = FetchType.LAZY)
    @MapsId("doelId")
    @JoinColumn(name = "doel_id")
    private Doel doel;
    private String bijdrage;
    private int gewicht = MINIMAAL_GEWICHT;

    protected OpdrachtDoel() {
    }

    OpdrachtDoel(Opdracht opdracht, Doel doel, String bijdrage, int gewicht) {
        this.opdracht = opdracht;
        this.doel = doel;
        wijzig(bijdrage, gewicht);
    }

    void wijzig(String bijdrage, int gewicht) {
        if (gewicht < MINIMAAL_GEWICHT || gewicht > MAXIMAAL_GEWICHT) {
            throw new IllegalArgumentException("gewicht buiten " + MINIMAAL_GEWICHT + "-" + MAXIMAAL_GEWICHT);
        }
        this.bijdrage = bijdrage;
        this.gewicht = gewicht;
    }

    public Opdracht getOpdracht() {
        return opdracht;
    }

    public Doel getDoel() {
        return doel;
    }

    public String getBijdrage() {
        return bijdrage;
    }

    public int getGewicht() {
        return gewicht;
    }

    @Embeddable
    public static class Sleutel implements Serializable {

        private Long opdrachtId;
        private Long doelId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Sleutel s && Objects.equals(opdrachtId, s.opdrachtId) && Objects.equals(doelId, s.doelId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(opdrachtId, doelId);
        }
    }
}
