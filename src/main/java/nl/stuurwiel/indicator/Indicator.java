package nl.stuurwiel.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.opdracht.Opdracht;

/** A KPI on exactly one doel or one opdracht, with baseline, target and yearly intermediate targets. */
@Entity
@Audited
public class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "doel_id")
    private Doel doel;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "opdracht_id")
    private Opdracht opdracht;
    private String naam;
    private String definitie;
    private String eenheid;
    @Enumerated(EnumType.STRING)
    private Richting richting;
    private BigDecimal basiswaarde;
    private LocalDate basisdatum;
    private BigDecimal streefwaarde;
    private LocalDate streefdatum;
    /** Yearly intermediate targets: calendar year to the value to reach in that year. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "indicator_tussendoel", joinColumns = @JoinColumn(name = "indicator_id"))
    @MapKeyColumn(name = "jaar")
    @Column(name = "waarde")
    private Map<Integer, BigDecimal> tussendoelen = new TreeMap<>();
    @Enumerated(EnumType.STRING)
    private Meetfrequentie meetfrequentie;
    private String bron;
    /** Camunda user id of the person who enters the metingen. */
    private String eigenaar;
    @Enumerated(EnumType.STRING)
    private IndicatorStatus status = IndicatorStatus.ACTIEF;
    private Instant aangemaaktOp;
    @Version
    private long version;

    protected Indicator() {
    }

    public Indicator(String naam, Richting richting, Meetfrequentie meetfrequentie) {
        this.naam = naam;
        this.richting = richting;
        this.meetfrequentie = meetfrequentie;
    }

    @PrePersist
    void stempel() {
        if (aangemaaktOp == null) {
            aangemaaktOp = Instant.now();
        }
    }

    /** Baseline value, target value and target date present: realisation can be judged. */
    public boolean isMeetbaar() {
        return basiswaarde != null && streefwaarde != null && streefdatum != null;
    }

    public boolean isActief() {
        return status == IndicatorStatus.ACTIEF;
    }

    public void vervalt() {
        status = IndicatorStatus.VERVALLEN;
    }

    /** Hangs the indicator on a doel or an opdracht; the other one is cleared. */
    public void hangAan(Doel doel, Opdracht opdracht) {
        if ((doel == null) == (opdracht == null)) {
            throw new IllegalArgumentException("precies een van doel of opdracht");
        }
        this.doel = doel;
        this.opdracht = opdracht;
    }

    public void zetBasis(BigDecimal waarde, LocalDate datum) {
        this.basiswaarde = waarde;
        this.basisdatum = datum;
    }

    public void zetStreef(BigDecimal waarde, LocalDate datum) {
        this.streefwaarde = waarde;
        this.streefdatum = datum;
    }

    public void zetTussendoelen(Map<Integer, BigDecimal> tussendoelen) {
        this.tussendoelen.clear();
        if (tussendoelen != null) {
            this.tussendoelen.putAll(tussendoelen);
        }
    }

    public Long getId() {
        return id;
    }

    public Doel getDoel() {
        return doel;
    }

    public Opdracht getOpdracht() {
        return opdracht;
    }

    public String getNaam() {
        return naam;
    }

    public void setNaam(String naam) {
        this.naam = naam;
    }

    public String getDefinitie() {
        return definitie;
    }

    public void setDefinitie(String definitie) {
        this.definitie = definitie;
    }

    public String getEenheid() {
        return eenheid;
    }

    public void setEenheid(String eenheid) {
        this.eenheid = eenheid;
    }

    public Richting getRichting() {
        return richting;
    }

    public void setRichting(Richting richting) {
        this.richting = richting;
    }

    public BigDecimal getBasiswaarde() {
        return basiswaarde;
    }

    public LocalDate getBasisdatum() {
        return basisdatum;
    }

    public BigDecimal getStreefwaarde() {
        return streefwaarde;
    }

    public LocalDate getStreefdatum() {
        return streefdatum;
    }

    public Map<Integer, BigDecimal> getTussendoelen() {
        return new TreeMap<>(tussendoelen);
    }

    public Meetfrequentie getMeetfrequentie() {
        return meetfrequentie;
    }

    public void setMeetfrequentie(Meetfrequentie meetfrequentie) {
        this.meetfrequentie = meetfrequentie;
    }

    public String getBron() {
        return bron;
    }

    public void setBron(String bron) {
        this.bron = bron;
    }

    public String getEigenaar() {
        return eigenaar;
    }

    public void setEigenaar(String eigenaar) {
        this.eigenaar = eigenaar;
    }

    public IndicatorStatus getStatus() {
        return status;
    }

    public Instant getAangemaaktOp() {
        return aangemaaktOp;
    }
}
