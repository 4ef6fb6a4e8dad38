package nl.stuurwiel.bijstelling;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

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
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.Klok;

/**
 * A proposed change of budget, capacity, end date or scope. Once approved it holds the values
 * it replaced too, so the opdracht's earlier versions can always be read back.
 */
@Entity
@Audited
public class Bijstelling {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "opdracht_id")
    private Opdracht opdracht;
    private int volgnummer;
    @Enumerated(EnumType.STRING)
    private BijstellingStatus status = BijstellingStatus.VOORGESTELD;
    private String reden;
    private BigDecimal nieuwBudget;
    private BigDecimal nieuweFte;
    private LocalDate nieuweEinddatum;
    private String nieuweScope;
    private BigDecimal oudBudget;
    private BigDecimal oudeFte;
    private LocalDate oudeEinddatum;
    private String oudeScope;
    private String voorgesteldDoor;
    private Instant voorgesteldOp;
    private String beoordeeldDoor;
    private Instant beoordeeldOp;
    private String toelichting;
    /** The opdracht's business version this change produced. */
    private Integer opdrachtVersie;
    @Version
    private long version;

    protected Bijstelling() {
    }

    public Bijstelling(Opdracht opdracht, int volgnummer, String reden, BigDecimal nieuwBudget, BigDecimal nieuweFte,
            LocalDate nieuweEinddatum, String nieuweScope, String door) {
        this.opdracht = opdracht;
        this.volgnummer = volgnummer;
        this.reden = reden;
        this.nieuwBudget = nieuwBudget;
        this.nieuweFte = nieuweFte;
        this.nieuweEinddatum = nieuweEinddatum;
        this.nieuweScope = nieuweScope;
        this.voorgesteldDoor = door;
        this.voorgesteldOp = Klok.nu();
    }

    public boolean wijzigtIets() {
        return nieuwBudget != null || nieuweFte != null || nieuweEinddatum != null || nieuweScope != null;
    }

    /** Whether this is still a proposal, and one with the same content as the other. */
    boolean isZelfdeOpenVoorstel(Bijstelling ander) {
        return status == BijstellingStatus.VOORGESTELD && Objects.equals(reden, ander.reden)
                && gelijk(nieuwBudget, ander.nieuwBudget) && gelijk(nieuweFte, ander.nieuweFte)
                && Objects.equals(nieuweEinddatum, ander.nieuweEinddatum) && Objects.equals(nieuweScope, ander.nieuweScope);
    }

    private static boolean gelijk(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Applies the change to the opdracht, keeping what it replaces. Idempotent once approved. */
    void pasToe(String door, String toelichting) {
        if (status == BijstellingStatus.GOEDGEKEURD) {
            return;
        }
        oudBudget = opdracht.getBudget();
        oudeFte = opdracht.getFte();
        oudeEinddatum = opdracht.getEinddatum();
        oudeScope = opdracht.getVerwachtResultaat();
        if (nieuwBudget != null) {
            opdracht.setBudget(nieuwBudget);
        }
        if (nieuweFte != null) {
            opdracht.setFte(nieuweFte);
        }
        if (nieuweEinddatum != null) {
            opdracht.setEinddatum(nieuweEinddatum);
        }
        if (nieuweScope != null) {
            opdracht.setVerwachtResultaat(nieuweScope);
        }
        opdracht.verhoogVersie();
        opdrachtVersie = opdracht.getVersie();
        beoordeel(BijstellingStatus.GOEDGEKEURD, door, toelichting);
    }

    void laatVervallen(String reden) {
        if (status == BijstellingStatus.VOORGESTELD) {
            beoordeel(BijstellingStatus.VERVALLEN, HuidigeGebruiker.SYSTEEM, reden);
        }
    }

    void wijsAf(String door, String toelichting) {
        beoordeel(BijstellingStatus.AFGEWEZEN, door, toelichting);
    }

    private void beoordeel(BijstellingStatus nieuweStatus, String door, String toelichting) {
        this.status = nieuweStatus;
        this.beoordeeldDoor = door;
        this.beoordeeldOp = Klok.nu();
        this.toelichting = toelichting;
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

    public BijstellingStatus getStatus() {
        return status;
    }

    public String getReden() {
        return reden;
    }

    public BigDecimal getNieuwBudget() {
        return nieuwBudget;
    }

    public BigDecimal getNieuweFte() {
        return nieuweFte;
    }

    public LocalDate getNieuweEinddatum() {
        return nieuweEinddatum;
    }

    public String getNieuweScope() {
        return nieuweScope;
    }

    public BigDecimal getOudBudget() {
        return oudBudget;
    }

    public BigDecimal getOudeFte() {
        return oudeFte;
    }

    public LocalDate getOudeEinddatum() {
        return oudeEinddatum;
    }

    public String getOudeScope() {
        return oudeScope;
    }

    public String getVoorgesteldDoor() {
        return voorgesteldDoor;
    }

    public Instant getVoorgesteldOp() {
        return voorgesteldOp;
    }

    public String getBeoordeeldDoor() {
        return beoordeeldDoor;
    }

    public Instant getBeoordeeldOp() {
        return beoordeeldOp;
    }

    public String getToelichting() {
        return toelichting;
    }

    public Integer getOpdrachtVersie() {
        return opdrachtVersie;
    }
}
