package nl.stuurwiel.bijstelling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.system.NietGevondenException;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class BijstellingService {

    private final BijstellingRepository bijstellingen;
    private final OpdrachtService opdrachtService;
    private final ManagementService managementService;

    public BijstellingService(BijstellingRepository bijstellingen, OpdrachtService opdrachtService,
            ManagementService managementService) {
        this.bijstellingen = bijstellingen;
        this.opdrachtService = opdrachtService;
        this.managementService = managementService;
    }

    /** Records the team's proposal; returns its number within the opdracht. */
    public int stelVoor(String sleutel, String reden, BigDecimal budget, BigDecimal fte, LocalDate einddatum,
            String scope, String door) {
        Opdracht opdracht = opdrachtService.zetFase(sleutel, Fase.BIJSTELLING);
        Bijstelling bijstelling = new Bijstelling(opdracht, bijstellingen.hoogsteVolgnummer(opdracht.getId()) + 1,
                reden, budget, fte, einddatum, scope, door);
        if (!bijstelling.wijzigtIets()) {
            throw new OngeldigeInvoerException(Var.NIEUW_BUDGET,
                    "een bijstelling wijzigt minstens budget, fte, einddatum of scope");
        }
        controleerEinddatum(opdracht, einddatum, Var.NIEUWE_EINDDATUM);
        // At most one proposal is open per opdracht (reviews pause while it is), so this step run
        // again for the same proposal (restarted in Cockpit, or retried as a job) finds it back.
        return bijstellingen.findByOpdrachtSleutelOrderByVolgnummer(sleutel).stream()
                .filter(open -> open.isZelfdeOpenVoorstel(bijstelling))
                .findFirst()
                .orElseGet(() -> bijstellingen.save(bijstelling))
                .getVolgnummer();
    }

    /**
     * MT approved: apply it to the portfolio and move the end-date timer of the running process
     * instance along with a changed end date.
     */
    public Bijstelling pasToe(String sleutel, int volgnummer, String door, String toelichting,
            String processInstanceId) {
        Bijstelling bijstelling = bijstelling(sleutel, volgnummer);
        bijstelling.pasToe(door, toelichting);
        Opdracht opdracht = bijstelling.getOpdracht();
        opdracht.setFase(Fase.UITVOERING);
        if (bijstelling.getNieuweEinddatum() != null) {
            verzetEinddatumTimer(processInstanceId, opdracht.getEinddatum());
        }
        return bijstelling;
    }

    /** Closes proposals that were still open when the process left execution (end date passed). */
    public void laatOpenVoorstellenVervallen(String sleutel, String reden) {
        bijstellingen.findByOpdrachtSleutelOrderByVolgnummer(sleutel).forEach(b -> b.laatVervallen(reden));
    }

    public Bijstelling wijsAf(String sleutel, int volgnummer, String door, String toelichting) {
        Bijstelling bijstelling = bijstelling(sleutel, volgnummer);
        bijstelling.wijsAf(door, toelichting);
        bijstelling.getOpdracht().setFase(Fase.UITVOERING);
        return bijstelling;
    }

    /** MT extends an opdracht whose end date passed: recorded and applied as one approved bijstelling. */
    public Bijstelling verlengDirect(String sleutel, LocalDate nieuweEinddatum, String reden, String door) {
        Opdracht opdracht = opdrachtService.opdracht(sleutel);
        if (nieuweEinddatum == null) {
            throw new OngeldigeInvoerException(Var.NIEUWE_EINDDATUM, "is verplicht bij verlengen");
        }
        if (opdracht.getEinddatum() != null && !nieuweEinddatum.isAfter(opdracht.getEinddatum())) {
            // an earlier date would let the end-date timer fire again at once
            throw new OngeldigeInvoerException(Var.NIEUWE_EINDDATUM,
                    "verlengen vraagt een datum na de huidige einddatum " + new Opmaak().datum(opdracht.getEinddatum()));
        }
        controleerEinddatum(opdracht, nieuweEinddatum, Var.NIEUWE_EINDDATUM);
        Bijstelling bijstelling = new Bijstelling(opdracht, bijstellingen.hoogsteVolgnummer(opdracht.getId()) + 1,
                reden, null, null, nieuweEinddatum, null, door);
        bijstelling.pasToe(door, reden);
        return bijstellingen.save(bijstelling);
    }

    @Transactional(readOnly = true)
    public List<Bijstelling> vanOpdracht(String sleutel) {
        return bijstellingen.findByOpdrachtSleutelOrderByVolgnummer(sleutel);
    }

    private void verzetEinddatumTimer(String processInstanceId, LocalDate einddatum) {
        Job timer = managementService.createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(Element.TIMER_EINDDATUM)
                .singleResult();
        if (timer != null) {
            managementService.setJobDuedate(timer.getId(), eindeVan(einddatum));
        }
    }

    /** The planned end has passed once the end date itself is over. */
    public static Date eindeVan(LocalDate einddatum) {
        return Date.from(einddatum.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static void controleerEinddatum(Opdracht opdracht, LocalDate einddatum, String veld) {
        if (einddatum != null && opdracht.getStartdatum() != null && einddatum.isBefore(opdracht.getStartdatum())) {
            throw new OngeldigeInvoerException(veld, "ligt voor de startdatum " + new Opmaak().datum(opdracht.getStartdatum()));
        }
    }

    /**
     * What MT weighs: budget, capacity and end date as they are and as proposed, one Markdown list
     * item each ("- Budget: € 200.000 → **€ 240.000**").
     */
    public String overzicht(String sleutel, int volgnummer) {
        Bijstelling bijstelling = bijstelling(sleutel, volgnummer);
        Opdracht opdracht = bijstelling.getOpdracht();
        Opmaak opmaak = new Opmaak();
        return String.join("\n",
                regel("Budget", opmaak.euro(opdracht.getBudget()),
                        bijstelling.getNieuwBudget() == null ? null : opmaak.euro(bijstelling.getNieuwBudget())),
                regel("Capaciteit", opmaak.getal(opdracht.getFte()) + " fte",
                        bijstelling.getNieuweFte() == null ? null : opmaak.getal(bijstelling.getNieuweFte()) + " fte"),
                regel("Einddatum", opmaak.datum(opdracht.getEinddatum()),
                        bijstelling.getNieuweEinddatum() == null ? null : opmaak.datum(bijstelling.getNieuweEinddatum())));
    }

    private static String regel(String wat, String nu, String voorgesteld) {
        // Plain lines: the form shows inserted text as it is, without Markdown.
        return wat + ": " + (voorgesteld == null ? nu + " (ongewijzigd)" : nu + " → " + voorgesteld);
    }

    private Bijstelling bijstelling(String sleutel, int volgnummer) {
        return bijstellingen.findByOpdrachtSleutelAndVolgnummer(sleutel, volgnummer)
                .orElseThrow(() -> new NietGevondenException(
                        "Bijstelling " + volgnummer + " van " + sleutel + " bestaat niet"));
    }
}
