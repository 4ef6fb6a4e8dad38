package nl.stuurwiel.domein;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A policy domain an opdracht is filed under (sociaal, fysiek, zorg…). A dissolved domain keeps its
 * opdrachten and is no longer offered for new ones.
 */
@Entity
public class Domein {

    @Id
    private String code;
    private String naam;
    /** The day the domain was dissolved; null while it is offered. */
    private LocalDate opgehevenOp;

    protected Domein() {
    }

    public Domein(String code, String naam) {
        this.code = code;
        this.naam = naam;
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

    public LocalDate getOpgehevenOp() {
        return opgehevenOp;
    }

    public boolean isOpgeheven() {
        return opgehevenOp != null;
    }

    void hefOp(LocalDate dag) {
        opgehevenOp = dag;
    }

    void herstel() {
        opgehevenOp = null;
    }
}
