package nl.stuurwiel.review;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import nl.stuurwiel.opdracht.Opdracht;

/** A review MT brought forward, with the reason; written once, never changed. */
@Entity
@Table(name = "review_vervroeging")
public class ReviewVervroeging {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Opdracht opdracht;

    private Instant geplandOp;
    private Instant nieuwOp;
    private String reden;
    private String door;
    private Instant op;

    protected ReviewVervroeging() {
    }

    public ReviewVervroeging(Opdracht opdracht, Instant geplandOp, Instant nieuwOp, String reden, String door,
            Instant op) {
        this.opdracht = opdracht;
        this.geplandOp = geplandOp;
        this.nieuwOp = nieuwOp;
        this.reden = reden;
        this.door = door;
        this.op = op;
    }

    public Long getId() {
        return id;
    }

    public Opdracht getOpdracht() {
        return opdracht;
    }

    public Instant getGeplandOp() {
        return geplandOp;
    }

    public Instant getNieuwOp() {
        return nieuwOp;
    }

    public String getReden() {
        return reden;
    }

    public String getDoor() {
        return door;
    }

    public Instant getOp() {
        return op;
    }
}
