package nl.stuurwiel.opdracht;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.team.Team;

@Entity
@Audited
public class Opdracht {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sleutel;
    private String titel;
    private String vraagstuk;
    private String verwachtResultaat;
    private String beleidstheorie;
    @Enumerated(EnumType.STRING)
    private OpdrachtType type;
    @Enumerated(EnumType.STRING)
    private Domein domein;
    private String gebied;
    private String opdrachtgever;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    private Team team;
    @ManyToMany
    @JoinTable(name = "opdracht_doel", joinColumns = @JoinColumn(name = "opdracht_id"),
            inverseJoinColumns = @JoinColumn(name = "doel_id"))
    private Set<Doel> doelen = new LinkedHashSet<>();
    private BigDecimal budget;
    private BigDecimal fte;
    private LocalDate startdatum;
    private LocalDate einddatum;
    @Enumerated(EnumType.STRING)
    private ReviewFrequentie reviewFrequentie;
    @Enumerated(EnumType.STRING)
    private Fase fase;
    @Enumerated(EnumType.STRING)
    private Niveau urgentie;
    @Enumerated(EnumType.STRING)
    private Niveau risico;
    private Integer prioriteitScore;
    private Integer prioriteitRang;
    @Enumerated(EnumType.STRING)
    private StatusKleur statusKleur;
    private String aanvrager;
    private String besluitReden;
    private String doelenBereikt;
    private String impact;
    private String lessen;
    private LocalDate afgeslotenOp;
    private Instant aangemaaktOp;
    private Instant gewijzigdOp;
    /** Business version: raised by every approved bijstelling; earlier versions live in Bijstelling. */
    private int versie = 1;
    /** Visible only to the owning team, intake, MT and administrators (see security/Toegang). */
    private boolean vertrouwelijk;
    @Version
    private long version;

    protected Opdracht() {
    }

    public Opdracht(String sleutel, String titel, OpdrachtType type, Domein domein, Team team) {
        this.sleutel = sleutel;
        this.titel = titel;
        this.type = type;
        this.domein = domein;
        this.team = team;
        this.fase = Fase.INTAKE;
    }

    @PrePersist
    @PreUpdate
    void stempel() {
        gewijzigdOp = Instant.now();
        if (aangemaaktOp == null) {
            aangemaaktOp = gewijzigdOp;
        }
    }

    /** Names of the fields intake requires before an opdracht may be prioritised. */
    public List<String> ontbrekendeGegevens() {
        List<String> ontbrekend = new ArrayList<>();
        if (isLeeg(vraagstuk)) {
            ontbrekend.add("vraagstuk");
        }
        if (isLeeg(verwachtResultaat)) {
            ontbrekend.add("verwacht resultaat");
        }
        if (isLeeg(opdrachtgever)) {
            ontbrekend.add("opdrachtgever");
        }
        if (doelen.isEmpty()) {
            ontbrekend.add("doel");
        }
        if (budget == null) {
            ontbrekend.add("budget");
        }
        if (fte == null) {
            ontbrekend.add("capaciteit (fte)");
        }
        if (startdatum == null) {
            ontbrekend.add("startdatum");
        }
        if (einddatum == null) {
            ontbrekend.add("einddatum");
        }
        if (reviewFrequentie == null) {
            ontbrekend.add("reviewfrequentie");
        }
        return ontbrekend;
    }

    public boolean dientWettelijkeTaak() {
        return doelen.stream().anyMatch(Doel::dientWettelijkeTaak);
    }

    private static boolean isLeeg(String s) {
        return s == null || s.isBlank();
    }

    public Long getId() {
        return id;
    }

    public String getSleutel() {
        return sleutel;
    }

    public String getTitel() {
        return titel;
    }

    public void setTitel(String titel) {
        this.titel = titel;
    }

    public String getVraagstuk() {
        return vraagstuk;
    }

    public void setVraagstuk(String vraagstuk) {
        this.vraagstuk = vraagstuk;
    }

    public String getVerwachtResultaat() {
        return verwachtResultaat;
    }

    public void setVerwachtResultaat(String verwachtResultaat) {
        this.verwachtResultaat = verwachtResultaat;
    }

    public String getBeleidstheorie() {
        return beleidstheorie;
    }

    public void setBeleidstheorie(String beleidstheorie) {
        this.beleidstheorie = beleidstheorie;
    }

    public OpdrachtType getType() {
        return type;
    }

    public void setType(OpdrachtType type) {
        this.type = type;
    }

    public Domein getDomein() {
        return domein;
    }

    public void setDomein(Domein domein) {
        this.domein = domein;
    }

    public String getGebied() {
        return gebied;
    }

    public void setGebied(String gebied) {
        this.gebied = gebied;
    }

    public String getOpdrachtgever() {
        return opdrachtgever;
    }

    public void setOpdrachtgever(String opdrachtgever) {
        this.opdrachtgever = opdrachtgever;
    }

    public Team getTeam() {
        return team;
    }

    public void setTeam(Team team) {
        this.team = team;
    }

    public Set<Doel> getDoelen() {
        return doelen;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(BigDecimal budget) {
        this.budget = budget;
    }

    public BigDecimal getFte() {
        return fte;
    }

    public void setFte(BigDecimal fte) {
        this.fte = fte;
    }

    public LocalDate getStartdatum() {
        return startdatum;
    }

    public void setStartdatum(LocalDate startdatum) {
        this.startdatum = startdatum;
    }

    public LocalDate getEinddatum() {
        return einddatum;
    }

    public void setEinddatum(LocalDate einddatum) {
        this.einddatum = einddatum;
    }

    public ReviewFrequentie getReviewFrequentie() {
        return reviewFrequentie;
    }

    public void setReviewFrequentie(ReviewFrequentie reviewFrequentie) {
        this.reviewFrequentie = reviewFrequentie;
    }

    public Fase getFase() {
        return fase;
    }

    public void setFase(Fase fase) {
        this.fase = fase;
    }

    public Niveau getUrgentie() {
        return urgentie;
    }

    public void setUrgentie(Niveau urgentie) {
        this.urgentie = urgentie;
    }

    public Niveau getRisico() {
        return risico;
    }

    public void setRisico(Niveau risico) {
        this.risico = risico;
    }

    public Integer getPrioriteitScore() {
        return prioriteitScore;
    }

    public void setPrioriteitScore(Integer prioriteitScore) {
        this.prioriteitScore = prioriteitScore;
    }

    public Integer getPrioriteitRang() {
        return prioriteitRang;
    }

    public void setPrioriteitRang(Integer prioriteitRang) {
        this.prioriteitRang = prioriteitRang;
    }

    public StatusKleur getStatusKleur() {
        return statusKleur;
    }

    public void setStatusKleur(StatusKleur statusKleur) {
        this.statusKleur = statusKleur;
    }

    public String getAanvrager() {
        return aanvrager;
    }

    public void setAanvrager(String aanvrager) {
        this.aanvrager = aanvrager;
    }

    public String getBesluitReden() {
        return besluitReden;
    }

    public void setBesluitReden(String besluitReden) {
        this.besluitReden = besluitReden;
    }

    public String getDoelenBereikt() {
        return doelenBereikt;
    }

    public void setDoelenBereikt(String doelenBereikt) {
        this.doelenBereikt = doelenBereikt;
    }

    public String getImpact() {
        return impact;
    }

    public void setImpact(String impact) {
        this.impact = impact;
    }

    public String getLessen() {
        return lessen;
    }

    public void setLessen(String lessen) {
        this.lessen = lessen;
    }

    public LocalDate getAfgeslotenOp() {
        return afgeslotenOp;
    }

    public void setAfgeslotenOp(LocalDate afgeslotenOp) {
        this.afgeslotenOp = afgeslotenOp;
    }

    public Instant getAangemaaktOp() {
        return aangemaaktOp;
    }

    public Instant getGewijzigdOp() {
        return gewijzigdOp;
    }

    public int getVersie() {
        return versie;
    }

    public void verhoogVersie() {
        this.versie++;
    }

    public boolean isVertrouwelijk() {
        return vertrouwelijk;
    }

    public void setVertrouwelijk(boolean vertrouwelijk) {
        this.vertrouwelijk = vertrouwelijk;
    }
}
