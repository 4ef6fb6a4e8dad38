package nl.stuurwiel.doel;

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
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Doel {

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

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNaam() {
        return naam;
    }

    public DoelSoort getSoort() {
        return soort;
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
}
