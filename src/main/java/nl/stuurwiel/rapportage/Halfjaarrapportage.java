package nl.stuurwiel.rapportage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import nl.stuurwiel.system.ConflictException;

/**
 * One half-year report: the snapshot of the portfolio as compiled (JSON, written once and never
 * updated), the portfolio office's explanation per section and MT's adoption.
 */
@Entity
public class Halfjaarrapportage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String titel;
    private LocalDate periodeVan;
    private LocalDate periodeTot;
    @Enumerated(EnumType.STRING)
    private RapportageStatus status = RapportageStatus.CONCEPT;
    /** The snapshot; immutable so that what the council read stays what the council read. */
    @Column(updatable = false)
    private String momentopname;
    private Instant samengesteldOp;
    private String samengesteldDoor;
    private String procesInstantieId;
    private String toelichtingAlgemeen;
    private String toelichtingDoelen;
    private String toelichtingDomeinen;
    private String toelichtingGebieden;
    private String toelichtingTeams;
    private String toelichtingIndicatoren;
    private String toelichtingBesluiten;
    private String toegelichtDoor;
    private String terugverwijzing;
    private String terugverwezenDoor;
    private String vastgesteldDoor;
    private Instant vastgesteldOp;
    @Version
    private long version;

    protected Halfjaarrapportage() {
    }

    public Halfjaarrapportage(String titel, LocalDate van, LocalDate tot, String momentopname, Instant samengesteldOp,
            String door) {
        this.titel = titel;
        this.periodeVan = van;
        this.periodeTot = tot;
        this.momentopname = momentopname;
        this.samengesteldOp = samengesteldOp;
        this.samengesteldDoor = door;
    }

    /** The portfolio office's explanation per section; hands the report to MT. */
    void licht(Map<String, String> toelichting, String door) {
        nietGepubliceerd();
        toelichtingAlgemeen = toelichting.get(HalfjaarrapportageProces.Var.TOELICHTING_ALGEMEEN);
        toelichtingDoelen = toelichting.get(HalfjaarrapportageProces.Var.TOELICHTING_DOELEN);
        toelichtingDomeinen = toelichting.get(HalfjaarrapportageProces.Var.TOELICHTING_DOMEINEN);
        toelichtingGebieden = toelichting.get(HalfjaarrapportageProces.Var.TOELICHTING_GEBIEDEN);
        toelichtingTeams = toelichting.get(HalfjaarrapportageProces.Var.TOELICHTING_TEAMS);
        toelichtingIndicatoren = toelichting.get(HalfjaarrapportageProces.Var.TOELICHTING_INDICATOREN);
        toelichtingBesluiten = toelichting.get(HalfjaarrapportageProces.Var.TOELICHTING_BESLUITEN);
        toegelichtDoor = door;
        status = RapportageStatus.TER_VASTSTELLING;
    }

    void stuurTerug(String reden, String door) {
        nietGepubliceerd();
        terugverwijzing = reden;
        terugverwezenDoor = door;
        status = RapportageStatus.CONCEPT;
    }

    void publiceer(String door, Instant op) {
        nietGepubliceerd();
        vastgesteldDoor = door;
        vastgesteldOp = op;
        status = RapportageStatus.GEPUBLICEERD;
    }

    private void nietGepubliceerd() {
        if (status == RapportageStatus.GEPUBLICEERD) {
            throw new ConflictException("De rapportage '" + titel + "' is gepubliceerd en wijzigt niet meer");
        }
    }

    public boolean isGepubliceerd() {
        return status == RapportageStatus.GEPUBLICEERD;
    }

    /** Section → explanation, in the order of the report; sections without text are left out. */
    public Map<String, String> toelichtingen() {
        Map<String, String> teksten = new LinkedHashMap<>();
        teksten.put("algemeen", toelichtingAlgemeen);
        teksten.put("doelen", toelichtingDoelen);
        teksten.put("domeinen", toelichtingDomeinen);
        teksten.put("gebieden", toelichtingGebieden);
        teksten.put("teams", toelichtingTeams);
        teksten.put("indicatoren", toelichtingIndicatoren);
        teksten.put("besluiten", toelichtingBesluiten);
        teksten.values().removeIf(t -> t == null || t.isBlank());
        return teksten;
    }

    void setProcesInstantieId(String procesInstantieId) {
        this.procesInstantieId = procesInstantieId;
    }

    public Long getId() {
        return id;
    }

    public String getTitel() {
        return titel;
    }

    public LocalDate getPeriodeVan() {
        return periodeVan;
    }

    public LocalDate getPeriodeTot() {
        return periodeTot;
    }

    public RapportageStatus getStatus() {
        return status;
    }

    public String getMomentopname() {
        return momentopname;
    }

    public Instant getSamengesteldOp() {
        return samengesteldOp;
    }

    public String getSamengesteldDoor() {
        return samengesteldDoor;
    }

    public String getProcesInstantieId() {
        return procesInstantieId;
    }

    public String getToegelichtDoor() {
        return toegelichtDoor;
    }

    public String getTerugverwijzing() {
        return terugverwijzing;
    }

    public String getTerugverwezenDoor() {
        return terugverwezenDoor;
    }

    public String getVastgesteldDoor() {
        return vastgesteldDoor;
    }

    public Instant getVastgesteldOp() {
        return vastgesteldOp;
    }
}
