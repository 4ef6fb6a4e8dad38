package nl.stuurwiel.rapportage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Var;
import nl.stuurwiel.security.Toegang;
import nl.stuurwiel.system.ConflictException;
import nl.stuurwiel.system.Gebruikersnamen;
import nl.stuurwiel.system.Gebruikersnamen.Namen;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.NietGevondenException;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;

/**
 * Half-year reports: compiling the snapshot, the explanation and adoption steps of the process,
 * and reading them with the rules of issue 5 (published ones for all staff, drafts for the
 * portfolio office, MT and administrators; confidential opdrachten only named to who may see them).
 */
@Service
@Transactional
public class RapportageService {

    private static final int TEKST = 4000;

    /**
     * What a reader gets: the report's data with the snapshot as this reader may see it; who did
     * each step by user id and, beside it, by name.
     */
    public record Inhoud(Long id, String titel, LocalDate van, LocalDate tot, RapportageStatus status,
            Instant samengesteldOp, String samengesteldDoor, String samengesteldDoorNaam, String toegelichtDoor,
            String toegelichtDoorNaam, String terugverwijzing, String terugverwezenDoor, String terugverwezenDoorNaam,
            String vastgesteldDoor, String vastgesteldDoorNaam, Instant vastgesteldOp, Map<String, String> toelichting,
            Momentopname momentopname) {

        public String bestandsnaam(String extensie) {
            return new Periode(van, tot).sleutel().toLowerCase(java.util.Locale.ROOT) + "." + extensie;
        }
    }

    public record Samenvatting(Long id, String titel, LocalDate van, LocalDate tot, RapportageStatus status,
            Instant samengesteldOp, Instant vastgesteldOp) {
    }

    private final HalfjaarrapportageRepository rapportages;
    private final MomentopnameSamensteller samensteller;
    private final RuntimeService runtimeService;
    private final Toegang toegang;
    private final ObjectMapper json;
    private final Gebruikersnamen gebruikersnamen;

    public RapportageService(HalfjaarrapportageRepository rapportages, MomentopnameSamensteller samensteller,
            RuntimeService runtimeService, Toegang toegang, ObjectMapper json, Gebruikersnamen gebruikersnamen) {
        this.gebruikersnamen = gebruikersnamen;
        this.rapportages = rapportages;
        this.samensteller = samensteller;
        this.runtimeService = runtimeService;
        this.toegang = toegang;
        this.json = json;
    }

    /** Starts the process by hand for any period (portfolio office, MT, administrators). */
    public Halfjaarrapportage start(PeriodeInvoer invoer) {
        if (!toegang.zietAlles()) {
            throw new AuthorizationException(
                    "alleen het portfoliobureau (intake), MT en beheerders starten een rapportage");
        }
        Periode periode = periode(invoer);
        nogGeenConcept(periode);
        MessageCorrelationResultWithVariables gestart = runtimeService
                .createMessageCorrelation(HalfjaarrapportageProces.MESSAGE_STARTEN)
                .processInstanceBusinessKey(periode.sleutel()).setVariable(Var.VAN, periode.van().toString())
                .setVariable(Var.TOT, periode.tot().toString()).correlateWithResultAndVariables(true);
        Long id = (Long) gestart.getVariables().get(Var.RAPPORTAGE_ID);
        return rapportages.findById(id).orElseThrow();
    }

    /**
     * Compiles and stores the snapshot of the period; called by the process's first step.
     * A start by hand is refused while a draft of the same period is still in the making.
     */
    public Halfjaarrapportage stelSamen(Periode periode, boolean handmatig, String door, String procesInstantieId) {
        if (handmatig) {
            nogGeenConcept(periode);
        }
        Instant nu = ClockUtil.getCurrentTime().toInstant();
        Momentopname momentopname = samensteller.stelSamen(periode.van(), periode.tot(), nu);
        // A new report over a period that has one already (a correction) says which version it is.
        long eerder = rapportages.countByPeriodeVanAndPeriodeTot(periode.van(), periode.tot());
        String titel = eerder == 0 ? periode.titel() : periode.titel() + " (versie " + (eerder + 1) + ")";
        Halfjaarrapportage rapportage = new Halfjaarrapportage(titel, periode.van(), periode.tot(),
                schrijf(momentopname), nu, door);
        rapportage.setProcesInstantieId(procesInstantieId);
        return rapportages.save(rapportage);
    }

    public void licht(Long id, Map<String, String> toelichting, String door) {
        Map<String, String> fouten = new LinkedHashMap<>();
        toelichting.forEach((veld, tekst) -> {
            if (tekst != null && tekst.length() > TEKST) {
                fouten.put(veld, "is langer dan " + TEKST + " tekens");
            }
        });
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        vind(id).licht(toelichting, door);
    }

    public void stuurTerug(Long id, String reden, String door) {
        if (reden != null && reden.length() > TEKST) {
            throw new OngeldigeInvoerException(Var.VASTSTELLING_TOELICHTING, "is langer dan " + TEKST + " tekens");
        }
        vind(id).stuurTerug(reden, door);
    }

    public void publiceer(Long id, String door) {
        vind(id).publiceer(door, ClockUtil.getCurrentTime().toInstant());
    }

    /** Published reports for everyone; drafts too for the portfolio office, MT and administrators. */
    @Transactional(readOnly = true)
    public List<Samenvatting> lijst() {
        List<Halfjaarrapportage> lijst = toegang.zietAlles() ? rapportages.findAllByOrderByPeriodeVanDescIdDesc()
                : rapportages.findByStatusOrderByPeriodeVanDescIdDesc(RapportageStatus.GEPUBLICEERD);
        return lijst.stream().map(r -> new Samenvatting(r.getId(), r.getTitel(), r.getPeriodeVan(),
                r.getPeriodeTot(), r.getStatus(), r.getSamengesteldOp(), r.getVastgesteldOp())).toList();
    }

    /** One report as the current reader may see it; a draft is "not found" for other readers. */
    @Transactional(readOnly = true)
    public Inhoud inhoud(Long id) {
        Halfjaarrapportage r = rapportages.findById(id).filter(g -> g.isGepubliceerd() || toegang.zietAlles())
                .orElseThrow(() -> new NietGevondenException("Rapportage " + id + " bestaat niet"));
        Momentopname zichtbaar = lees(r.getMomentopname())
                .zichtbaarVoor(z -> toegang.magZien(true, z.teamGroep(), z.aanvrager()));
        Namen namen = gebruikersnamen.van(Arrays.asList(r.getSamengesteldDoor(), r.getToegelichtDoor(),
                r.getTerugverwezenDoor(), r.getVastgesteldDoor()));
        return new Inhoud(r.getId(), r.getTitel(), r.getPeriodeVan(), r.getPeriodeTot(), r.getStatus(),
                r.getSamengesteldOp(), r.getSamengesteldDoor(), namen.naam(r.getSamengesteldDoor()),
                r.getToegelichtDoor(), namen.naam(r.getToegelichtDoor()), r.getTerugverwijzing(),
                r.getTerugverwezenDoor(), namen.naam(r.getTerugverwezenDoor()), r.getVastgesteldDoor(),
                namen.naam(r.getVastgesteldDoor()), r.getVastgesteldOp(), r.toelichtingen(), zichtbaar);
    }

    /** The stored snapshot, unfiltered (process steps and tests). */
    @Transactional(readOnly = true)
    public Momentopname momentopname(Long id) {
        return lees(vind(id).getMomentopname());
    }

    static Periode periode(PeriodeInvoer invoer) {
        if (invoer == null) {
            throw new OngeldigeInvoerException("periode", "is leeg: geef van en tot, of jaar en half");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        Periode periode = null;
        boolean datums = invoer.van() != null || invoer.tot() != null;
        boolean halfjaar = invoer.jaar() != null || invoer.half() != null;
        if (datums && halfjaar) {
            fouten.put("periode", "geef van en tot, of jaar en half, niet allebei");
        } else if (halfjaar) {
            if (invoer.jaar() == null || invoer.jaar() < 1900 || invoer.jaar() > 2100) {
                fouten.put("jaar", "is verplicht, tussen 1900 en 2100");
            }
            if (invoer.half() == null || invoer.half() < 1 || invoer.half() > 2) {
                fouten.put("half", "is 1 (januari–juni) of 2 (juli–december)");
            }
            if (fouten.isEmpty()) {
                periode = Periode.halfjaar(invoer.jaar(), invoer.half());
            }
        } else {
            if (invoer.van() == null) {
                fouten.put("van", "is verplicht");
            }
            if (invoer.tot() == null) {
                fouten.put("tot", "is verplicht");
            }
            if (fouten.isEmpty()) {
                periode = new Periode(invoer.van(), invoer.tot());
            }
        }
        if (periode != null) {
            fouten.putAll(controleer(periode));
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        return periode;
    }

    static Map<String, String> controleer(Periode periode) {
        Map<String, String> fouten = new LinkedHashMap<>();
        if (periode.tot().isBefore(periode.van())) {
            fouten.put("tot", "ligt voor de begindatum " + new Opmaak().datum(periode.van()));
        } else if (periode.van().plusYears(5).isBefore(periode.tot())) {
            fouten.put("tot", "een rapportage beslaat hoogstens vijf jaar");
        }
        if (periode.van().isAfter(Klok.vandaag())) {
            fouten.put("van", "ligt in de toekomst; een rapportage gaat over een begonnen periode");
        }
        return fouten;
    }

    private void nogGeenConcept(Periode periode) {
        if (rapportages.existsByPeriodeVanAndPeriodeTotAndStatusIn(periode.van(), periode.tot(),
                List.of(RapportageStatus.CONCEPT, RapportageStatus.TER_VASTSTELLING))) {
            throw new ConflictException("Voor " + new Opmaak().datum(periode.van()) + " t/m " + new Opmaak().datum(periode.tot())
                    + " is al een rapportage in de maak; rond die eerst af");
        }
    }

    private Halfjaarrapportage vind(Long id) {
        return rapportages.findById(id)
                .orElseThrow(() -> new NietGevondenException("Rapportage " + id + " bestaat niet"));
    }

    private String schrijf(Momentopname momentopname) {
        try {
            return json.writeValueAsString(momentopname);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("momentopname niet te schrijven", e);
        }
    }

    private Momentopname lees(String tekst) {
        try {
            return json.readValue(tekst, Momentopname.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("momentopname niet te lezen", e);
        }
    }
}
