package nl.stuurwiel.doel;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.hibernate.annotations.Formula;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

@Entity
@Audited
public class Doel {

    /**
     * SQL of "this doel has an active measurable indicator"; must match Indicator#isMeetbaar():
     * baseline value, target value and target date present.
     */
    static final String MEETBARE_INDICATOREN = """
            (select count(*) from indicator i where i.doel_id = id and i.status = 'ACTIEF'
               and i.basiswaarde is not null and i.streefwaarde is not null and i.streefdatum is not null)""";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String naam;
    @Enumerated(EnumType.STRING)
    private DoelSoort soort;
    private String omschrijving;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ouder_id")
    private Doel ouder;
    /** Period of an ambitie or opgave. */
    private LocalDate van;
    private LocalDate tot;
    /** The law of a wettelijke taak, e.g. "Leerplichtwet 1969". */
    private String wet;
    /** Read when the doel is loaded; intake needs at least one on the opdracht's doelen. */
    @Formula(MEETBARE_INDICATOREN)
    @NotAudited
    private int meetbareIndicatoren;
    @Version
    private long version;

    protected Doel() {
    }

    public Doel(String code, String naam, DoelSoort soort, Doel ouder) {
        this.code = code;
        this.naam = naam;
        this.soort = soort;
        this.ouder = ouder;
    }

    /**
     * True when this doel is a statutory task or hangs under one. Walks the tree through the
     * getters: a lazy parent is a Hibernate proxy whose own fields stay empty.
     */
    public boolean dientWettelijkeTaak() {
        for (Doel d = this; d != null; d = d.getOuder()) {
            if (d.getSoort() == DoelSoort.WETTELIJKE_TAAK) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code ander} is this doel or hangs (at any depth) under it. */
    public boolean isVoorouderVan(Doel ander) {
        for (Doel d = ander; d != null; d = d.getOuder()) {
            if (d.getId() != null && d.getId().equals(getId())) {
                return true;
            }
        }
        return false;
    }

    /** Whether an active indicator with baseline, target and target date measured it when loaded. */
    public boolean heeftMeetbareIndicator() {
        return getMeetbareIndicatoren() > 0;
    }

    public int getMeetbareIndicatoren() {
        return meetbareIndicatoren;
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

    public DoelSoort getSoort() {
        return soort;
    }

    public void setSoort(DoelSoort soort) {
        this.soort = soort;
    }

    public String getOmschrijving() {
        return omschrijving;
    }

    public void setOmschrijving(String omschrijving) {
        this.omschrijving = omschrijving;
    }

    public Doel getOuder() {
        return ouder;
    }

    public void setOuder(Doel ouder) {
        this.ouder = ouder;
    }

    public LocalDate getVan() {
        return van;
    }

    public LocalDate getTot() {
        return tot;
    }

    public void setPeriode(LocalDate van, LocalDate tot) {
        this.van = van;
        this.tot = tot;
    }

    public String getWet() {
        return wet;
    }

    public void setWet(String wet) {
        this.wet = wet;
    }
}
