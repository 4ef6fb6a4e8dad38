package nl.stuurwiel.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * One version of the value of an indicator for a period, never changed afterwards: a correction
 * is a new row with the next versie. Carries the story behind the curve.
 */
@Entity
public class Meting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    private Indicator indicator;
    /** First day of the period (see {@link Meetfrequentie}). */
    private LocalDate periode;
    private int versie;
    private BigDecimal waarde;
    private String toelichting;
    /** Why the curve moves as it does. */
    private String verhaal;
    /** What we propose to do about it. */
    private String voorstel;
    private String ingevoerdDoor;
    private Instant ingevoerdOp;

    protected Meting() {
    }

    Meting(Indicator indicator, LocalDate periode, int versie, BigDecimal waarde, String toelichting, String verhaal,
            String voorstel, String ingevoerdDoor, Instant ingevoerdOp) {
        this.indicator = indicator;
        this.periode = periode;
        this.versie = versie;
        this.waarde = waarde;
        this.toelichting = toelichting;
        this.verhaal = verhaal;
        this.voorstel = voorstel;
        this.ingevoerdDoor = ingevoerdDoor;
        this.ingevoerdOp = ingevoerdOp;
    }

    public Long getId() {
        return id;
    }

    public Indicator getIndicator() {
        return indicator;
    }

    public LocalDate getPeriode() {
        return periode;
    }

    public int getVersie() {
        return versie;
    }

    public BigDecimal getWaarde() {
        return waarde;
    }

    public String getToelichting() {
        return toelichting;
    }

    public String getVerhaal() {
        return verhaal;
    }

    public String getVoorstel() {
        return voorstel;
    }

    public String getIngevoerdDoor() {
        return ingevoerdDoor;
    }

    public Instant getIngevoerdOp() {
        return ingevoerdOp;
    }
}
