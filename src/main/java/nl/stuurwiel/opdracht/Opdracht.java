package nl.stuurwiel.opdracht;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.team.Team;

@Entity
@Audited
// Only the changed columns: a concurrent re-ranking (OpdrachtRepository.zetRang) keeps its rank.
@DynamicUpdate
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
    /** The code of a {@link nl.stuurwiel.domein.Domein}. */
    private String domein;
    private String gebied;
    private String opdrachtgever;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    private Team team;
    // Each link is audited as a record of its own (OpdrachtDoel), so the opdracht's revisions
    // need not copy the whole list.
    @NotAudited
    @OneToMany(mappedBy = "opdracht", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("gewicht desc")
    private List<OpdrachtDoel> doelKoppelingen = new ArrayList<>();
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
    /** What processes/status-kleur.dmn computed at the last report; statusKleur is the team's. */
    @Enumerated(EnumType.STRING)
    private StatusKleur berekendeStatusKleur;
    /** Why the team's colour differs from the computed one. */
    private String kleurToelichting;
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

    public Opdracht(String sleutel, String titel, OpdrachtType type, String domein, Team team) {
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

    /**
     * Intake rule "no everything green": at least one linked doel must be followed by an active
     * indicator with baseline, target value and target date, or nobody can see whether it works.
     */
    public static final String GEEN_MEETBARE_INDICATOR =
            "meetbare indicator bij een van de doelen (basiswaarde, streefwaarde en streefdatum)";

    /** Names of the fields intake requires before an opdracht may be prioritised. */
    public List<String> ontbrekendeGegevens() {
        return ontbrekendeGegevens(vraagstuk, verwachtResultaat, opdrachtgever, getDoelen(), budget, fte, startdatum,
                einddatum, reviewFrequentie);
    }

    /** The same for a request not yet registered, such as a row of an import in phase intake. */
    public static List<String> ontbrekendeGegevens(String vraagstuk, String verwachtResultaat, String opdrachtgever,
            java.util.Collection<Doel> doelen, BigDecimal budget, BigDecimal fte, LocalDate startdatum,
            LocalDate einddatum, ReviewFrequentie reviewFrequentie) {
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
        } else if (doelen.stream().noneMatch(Doel::heeftMeetbareIndicator)) {
            ontbrekend.add(GEEN_MEETBARE_INDICATOR);
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
        return getDoelen().stream().anyMatch(Doel::dientWettelijkeTaak);
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

    public String getDomein() {
        return domein;
    }

    public void setDomein(String domein) {
        this.domein = domein;
    }

    public String getGebied() {
        return gebied;
    }

    /** Stored as typed, without the spaces around it: " Oost" and "Oost" are one gebied. */
    public void setGebied(String gebied) {
        this.gebied = gebied == null || gebied.isBlank() ? null : gebied.strip();
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

    /** The linked doelen, heaviest first (read-only; link through {@link #koppel}). */
    public Set<Doel> getDoelen() {
        return doelKoppelingen.stream().map(OpdrachtDoel::getDoel)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public List<OpdrachtDoel> getDoelKoppelingen() {
        return List.copyOf(doelKoppelingen);
    }

    /** Links the doel, or changes the expected contribution and weight of an existing link. */
    public OpdrachtDoel koppel(Doel doel, String bijdrage, int gewicht) {
        Optional<OpdrachtDoel> bestaand = koppeling(doel);
        if (bestaand.isPresent()) {
            bestaand.get().wijzig(bijdrage, gewicht);
            return bestaand.get();
        }
        OpdrachtDoel nieuw = new OpdrachtDoel(this, doel, bijdrage, gewicht);
        doelKoppelingen.add(nieuw);
        return nieuw;
    }

    /** Links the doel with an empty contribution and weight 1, unless it is linked already. */
    public void voegDoelToe(Doel doel) {
        if (koppeling(doel).isEmpty()) {
            koppel(doel, null, OpdrachtDoel.MINIMAAL_GEWICHT);
        }
    }

    /** Keeps only the links to the given doelen. */
    public void behoudDoelen(Set<String> codes) {
        doelKoppelingen.removeIf(k -> !codes.contains(k.getDoel().getCode()));
    }

    private Optional<OpdrachtDoel> koppeling(Doel doel) {
        return doelKoppelingen.stream().filter(k -> k.getDoel().getCode().equals(doel.getCode())).findFirst();
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

    /**
     * Records the team's colour next to the computed one. The team may deviate from the computed
     * colour only with a written reason.
     */
    /**
     * The team's colour beside the computed one. A colour other than the computed one needs a reason,
     * unless it is the colour the form proposed ({@code voorgesteld}, may be null): the team's own
     * new metingen can change the computed colour after the form was drawn, and the team cannot be
     * asked to explain keeping the proposal it was shown.
     */
    public void legStatusKleurVast(StatusKleur teamKleur, StatusKleur berekend, StatusKleur voorgesteld,
            String toelichting) {
        String reden = isLeeg(toelichting) ? null : toelichting.strip();
        if (berekend != null && teamKleur != null && teamKleur != berekend && teamKleur != voorgesteld
                && reden == null) {
            throw new nl.stuurwiel.system.OngeldigeInvoerException("kleurToelichting", "de berekende kleur is "
                    + berekend.name().toLowerCase(java.util.Locale.ROOT)
                    + "; wie een andere kleur kiest, schrijft op waarom");
        }
        this.statusKleur = teamKleur != null ? teamKleur : berekend;
        this.berekendeStatusKleur = berekend;
        this.kleurToelichting = reden;
    }

    public StatusKleur getBerekendeStatusKleur() {
        return berekendeStatusKleur;
    }

    public String getKleurToelichting() {
        return kleurToelichting;
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

    /** Raised by every change of the row: what an editor saw, so that a later save overwrites nothing unseen. */
    public long getWijzigingsnummer() {
        return version;
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
