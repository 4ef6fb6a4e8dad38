package nl.stuurwiel.review;

import java.math.BigDecimal;
import java.time.Instant;
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
import org.hibernate.envers.Audited;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.system.Klok;

/** One periodic review of an opdracht: the team's report and the manager's decision. */
@Entity
@Audited
public class Voortgangsrapportage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "opdracht_id")
    private Opdracht opdracht;
    private int volgnummer;
    private LocalDate peildatum;
    @Enumerated(EnumType.STRING)
    private StatusKleur statusKleur;
    private String voortgang;
    /** The colour status-kleur.dmn gave when the report was submitted. */
    @Enumerated(EnumType.STRING)
    private StatusKleur berekendeStatusKleur;
    /** Why the team chose a colour other than the computed one. */
    private String kleurToelichting;
    private BigDecimal besteedBudget;
    private BigDecimal ingezetteFte;
    private String risicos;
    @Enumerated(EnumType.STRING)
    private Voorstel voorstel;
    private String ingediendDoor;
    private Instant ingediendOp;
    private String besluit;
    private String besluitToelichting;
    private String beoordeeldDoor;
    private Instant beoordeeldOp;
    @Version
    private long version;

    protected Voortgangsrapportage() {
    }

    public Voortgangsrapportage(Opdracht opdracht, int volgnummer, LocalDate peildatum) {
        this.opdracht = opdracht;
        this.volgnummer = volgnummer;
        this.peildatum = peildatum;
    }

    public void dienIn(StatusKleur kleur, String voortgang, BigDecimal besteedBudget, BigDecimal ingezetteFte,
            String risicos, Voorstel voorstel, String door) {
        this.statusKleur = kleur;
        this.voortgang = voortgang;
        this.besteedBudget = besteedBudget;
        this.ingezetteFte = ingezetteFte;
        this.risicos = risicos;
        this.voorstel = voorstel;
        this.ingediendDoor = door;
        this.ingediendOp = Klok.nu();
    }

    public void legKleurVast(StatusKleur berekend, String toelichting) {
        this.berekendeStatusKleur = berekend;
        this.kleurToelichting = toelichting == null || toelichting.isBlank() ? null : toelichting.strip();
    }

    public void beoordeel(String besluit, String toelichting, String door) {
        this.besluit = besluit;
        this.besluitToelichting = toelichting;
        this.beoordeeldDoor = door;
        this.beoordeeldOp = Klok.nu();
    }

    public Long getId() {
        return id;
    }

    public Opdracht getOpdracht() {
        return opdracht;
    }

    public int getVolgnummer() {
        return volgnummer;
    }

    public LocalDate getPeildatum() {
        return peildatum;
    }

    public StatusKleur getStatusKleur() {
        return statusKleur;
    }

    public StatusKleur getBerekendeStatusKleur() {
        return berekendeStatusKleur;
    }

    public String getKleurToelichting() {
        return kleurToelichting;
    }

    public String getVoortgang() {
        return voortgang;
    }

    public BigDecimal getBesteedBudget() {
        return besteedBudget;
    }

    public BigDecimal getIngezetteFte() {
        return ingezetteFte;
    }

    public String getRisicos() {
        return risicos;
    }

    public Voorstel getVoorstel() {
        return voorstel;
    }

    public String getIngediendDoor() {
        return ingediendDoor;
    }

    public Instant getIngediendOp() {
        return ingediendOp;
    }

    public String getBesluit() {
        return besluit;
    }

    public String getBesluitToelichting() {
        return besluitToelichting;
    }

    public String getBeoordeeldDoor() {
        return beoordeeldDoor;
    }

    public Instant getBeoordeeldOp() {
        return beoordeeldOp;
    }
}
