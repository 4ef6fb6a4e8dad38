package nl.stuurwiel.team;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/** A team with its capacity; its members are the Camunda group {@link #getGroepId()}. */
@Entity
@Audited
public class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String naam;
    private String groepId;
    private BigDecimal capaciteitFte;
    /** The day the team was dissolved; null while it exists. */
    private LocalDate opgehevenOp;
    @Version
    private long version;

    protected Team() {
    }

    public Team(String code, String naam, String groepId, BigDecimal capaciteitFte) {
        this.code = code;
        this.naam = naam;
        this.groepId = groepId;
        this.capaciteitFte = capaciteitFte;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNaam() {
        return naam;
    }

    public void setNaam(String naam) {
        this.naam = naam;
    }

    public String getGroepId() {
        return groepId;
    }

    public BigDecimal getCapaciteitFte() {
        return capaciteitFte;
    }

    public void setCapaciteitFte(BigDecimal capaciteitFte) {
        this.capaciteitFte = capaciteitFte;
    }

    public LocalDate getOpgehevenOp() {
        return opgehevenOp;
    }

    public boolean isOpgeheven() {
        return opgehevenOp != null;
    }

    /** The team stops: it keeps what it did, and takes no new opdrachten. */
    public void hefOp(LocalDate dag) {
        this.opgehevenOp = dag;
    }
}
