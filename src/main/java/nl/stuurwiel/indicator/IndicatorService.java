package nl.stuurwiel.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.indicator.RealisatieBerekening.Punt;
import nl.stuurwiel.indicator.RealisatieBerekening.Realisatie;
import nl.stuurwiel.meetronde.MeetrondeService;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.security.Bewerkrechten;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.NietGevondenException;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;

/** Indicators on doelen and opdrachten, their metingen (with every earlier version) and realisation. */
@Service
@Transactional
public class IndicatorService {

    private static final int TEKST = 4000;

    private final IndicatorRepository indicatoren;
    private final MetingRepository metingen;
    private final DoelRepository doelen;
    private final OpdrachtRepository opdrachten;
    private final IdentityService identityService;
    private final HuidigeGebruiker gebruiker;
    private final RealisatieBerekening berekening;
    private final Bewerkrechten rechten;
    private final MeetrondeService meetrondes;

    public IndicatorService(IndicatorRepository indicatoren, MetingRepository metingen, DoelRepository doelen,
            OpdrachtRepository opdrachten, IdentityService identityService, HuidigeGebruiker gebruiker,
            RealisatieBerekening berekening, Bewerkrechten rechten, MeetrondeService meetrondes) {
        this.rechten = rechten;
        this.meetrondes = meetrondes;
        this.indicatoren = indicatoren;
        this.metingen = metingen;
        this.doelen = doelen;
        this.opdrachten = opdrachten;
        this.identityService = identityService;
        this.gebruiker = gebruiker;
        this.berekening = berekening;
    }

    /** Creates the indicator and starts its measurement rounds (processes/meetronde.bpmn). */
    public Indicator maak(IndicatorInvoer invoer) {
        rechten.controleerPortfoliobeheer("indicatoren aanmaken");
        Indicator indicator = new Indicator(null, null, null);
        neemOver(indicator, invoer);
        indicatoren.save(indicator);
        meetrondes.start(indicator);
        return indicator;
    }

    public Indicator wijzig(Long id, IndicatorInvoer invoer) {
        rechten.controleerPortfoliobeheer("indicatoren wijzigen");
        Indicator indicator = indicator(id);
        if (!indicator.isActief()) {
            throw new OngeldigeInvoerException("status", "de indicator is vervallen en wijzigt niet meer");
        }
        neemOver(indicator, invoer);
        meetrondes.bijwerken(indicator);
        return indicator;
    }

    /**
     * The indicator is no longer followed; it keeps its metingen but takes no new ones, and its
     * measurement rounds end.
     */
    public Indicator laatVervallen(Long id) {
        rechten.controleerPortfoliobeheer("indicatoren laten vervallen");
        Indicator indicator = indicator(id);
        if (indicator.isActief()) {
            indicator.vervalt();
            meetrondes.stop(id);
        }
        return indicator;
    }

    /**
     * An opdracht that has ended measures nothing more: its own indicators are retired with it, their
     * metingen kept, and their measurement rounds end, so that nobody gets a task for them.
     */
    public void laatVervallenMetOpdracht(String sleutel) {
        for (Indicator indicator : indicatoren.vanOpdracht(sleutel)) {
            if (indicator.isActief()) {
                indicator.vervalt();
                meetrondes.stop(indicator.getId());
            }
        }
    }

    /** Whether the current user may enter metingen for the indicator (see {@link Bewerkrechten}). */
    @Transactional(readOnly = true)
    public boolean magMeten(Indicator indicator) {
        return rechten.magMeten(indicator.getEigenaar(), teamGroep(indicator));
    }

    /** The current (newest) version of one period's value, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Meting> actueleMeting(Long id, LocalDate periode) {
        List<Meting> versies = metingen.findByIndicatorIdAndPeriodeOrderByVersieAsc(id, periode);
        return versies.isEmpty() ? Optional.empty() : Optional.of(versies.get(versies.size() - 1));
    }

    /**
     * As {@link #meet}, but a value equal to the period's current value changes nothing: a form
     * submitted twice, or confirming what was entered through the API already, adds no version.
     */
    public Optional<Meting> meetTenzijGelijk(Long id, MetingInvoer invoer) {
        if (invoer != null && invoer.waarde() != null && invoer.periode() != null) {
            try {
                LocalDate periode = LocalDate.parse(invoer.periode().strip());
                Optional<Meting> huidig = actueleMeting(id, periode);
                if (huidig.isPresent() && huidig.get().getWaarde().compareTo(invoer.waarde()) == 0) {
                    return Optional.empty();
                }
            } catch (DateTimeParseException e) {
                // meet names the field
            }
        }
        return Optional.of(meet(id, invoer));
    }

    /**
     * Records the value of a period. A period that has a value already gets a new version (a
     * correction, which needs a toelichting); the earlier versions stay.
     */
    public Meting meet(Long id, MetingInvoer invoer) {
        Indicator indicator = indicatoren.vergrendel(id)
                .orElseThrow(() -> new NietGevondenException("Indicator " + id + " bestaat niet"));
        rechten.controleerMeten(indicator.getEigenaar(), teamGroep(indicator));
        if (!indicator.isActief()) {
            throw new OngeldigeInvoerException("indicator", "is vervallen en neemt geen metingen meer aan");
        }
        if (invoer == null) {
            throw new OngeldigeInvoerException("meting", "is leeg");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        LocalDate periode = null;
        try {
            periode = periode(indicator, invoer.periode());
        } catch (OngeldigeInvoerException e) {
            fouten.putAll(e.getVelden());
        }
        if (periode != null && periode.isAfter(vandaag())) {
            fouten.put("periode", "is nog niet begonnen");
        }
        if (invoer.waarde() == null) {
            fouten.put("waarde", "is verplicht");
        } else if (invoer.waarde().abs().compareTo(new BigDecimal("1e15")) >= 0) {
            fouten.put("waarde", "is te groot");
        }
        lengte(fouten, "toelichting", invoer.toelichting());
        lengte(fouten, "verhaal", invoer.verhaal());
        lengte(fouten, "voorstel", invoer.voorstel());
        int versie = periode == null ? 0 : metingen.laatsteVersie(id, periode) + 1;
        if (versie > 1 && leeg(invoer.toelichting())) {
            fouten.put("toelichting", "is verplicht bij een correctie: waarom wijkt de waarde af van de vorige?");
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        Meting meting = metingen.save(new Meting(indicator, periode, versie, invoer.waarde(),
                tekst(invoer.toelichting()), tekst(invoer.verhaal()), tekst(invoer.voorstel()), gebruiker.id(),
                Instant.now()));
        meetrondes.metingOntvangen(id, periode);
        return meting;
    }

    private static String teamGroep(Indicator indicator) {
        Opdracht opdracht = indicator.getOpdracht();
        return opdracht == null || opdracht.getTeam() == null ? null : opdracht.getTeam().getGroepId();
    }

    @Transactional(readOnly = true)
    public Indicator indicator(Long id) {
        return indicatoren.findById(id).orElseThrow(() -> new NietGevondenException("Indicator " + id + " bestaat niet"));
    }

    @Transactional(readOnly = true)
    public List<Indicator> zoek(String doel, String opdracht) {
        if (leeg(doel) && !leeg(opdracht)) {
            return indicatoren.vanOpdracht(opdracht.strip());
        }
        if (leeg(opdracht) && !leeg(doel)) {
            return indicatoren.vanDoel(doel.strip());
        }
        return indicatoren.zoek(leeg(doel) ? null : doel.strip(), leeg(opdracht) ? null : opdracht.strip());
    }

    /** The current (newest) version of each period, periods in order. */
    @Transactional(readOnly = true)
    public List<Meting> actueleMetingen(Long id) {
        indicator(id);
        Map<LocalDate, Meting> perPeriode = new LinkedHashMap<>();
        for (Meting m : metingen.findByIndicatorIdOrderByPeriodeAscVersieAsc(id)) {
            perPeriode.put(m.getPeriode(), m);
        }
        return new ArrayList<>(perPeriode.values());
    }

    /** Every version of one period, oldest first. */
    @Transactional(readOnly = true)
    public List<Meting> historie(Long id, String periode) {
        LocalDate dag = periode(indicator(id), periode);
        List<Meting> versies = metingen.findByIndicatorIdAndPeriodeOrderByVersieAsc(id, dag);
        if (versies.isEmpty()) {
            throw new NietGevondenException("Indicator " + id + " heeft geen meting voor periode " + dag);
        }
        return versies;
    }

    @Transactional(readOnly = true)
    public Realisatie realisatie(Long id, LocalDate peildatum) {
        return realisatie(indicator(id), actueleMetingen(id), peildatum);
    }

    /** As {@link #realisatie(Long, LocalDate)}, from the indicator's {@link #actueleMetingen} read before. */
    public Realisatie realisatie(Indicator indicator, List<Meting> actueleMetingen, LocalDate peildatum) {
        List<Punt> reeks = actueleMetingen.stream().map(m -> new Punt(m.getPeriode(), m.getWaarde())).toList();
        return berekening.bereken(indicator, reeks, peildatum);
    }

    /** Parses and checks a period: an ISO date that is the first day of a period of the indicator's frequency. */
    static LocalDate periode(Indicator indicator, String tekst) {
        if (leeg(tekst)) {
            throw new OngeldigeInvoerException("periode", "is verplicht");
        }
        LocalDate dag;
        try {
            dag = LocalDate.parse(tekst.strip());
        } catch (DateTimeParseException e) {
            throw new OngeldigeInvoerException("periode", "is geen datum (jjjj-mm-dd): '" + tekst + "'");
        }
        Meetfrequentie frequentie = indicator.getMeetfrequentie();
        if (!frequentie.isPeriodeBegin(dag)) {
            throw new OngeldigeInvoerException("periode", "de meetfrequentie is " + woord(frequentie)
                    + "; een periode begint op de eerste dag, bijvoorbeeld " + frequentie.periodeVan(dag));
        }
        return dag;
    }

    private void neemOver(Indicator indicator, IndicatorInvoer invoer) {
        if (invoer == null) {
            throw new OngeldigeInvoerException("indicator", "is leeg");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        Doel doel = null;
        Opdracht opdracht = null;
        if (leeg(invoer.doel()) && leeg(invoer.opdracht())) {
            fouten.put("doel", "is verplicht: kies het doel (of geef de opdracht) waar de indicator bij hoort");
        } else if (!leeg(invoer.doel()) && !leeg(invoer.opdracht())) {
            fouten.put("opdracht", "een indicator hoort bij een doel of bij een opdracht, niet bij allebei");
        } else if (!leeg(invoer.doel())) {
            doel = doelen.findByCode(invoer.doel().strip()).orElse(null);
            if (doel == null) {
                fouten.put("doel", "onbekend doel '" + invoer.doel() + "'");
            }
        } else {
            opdracht = opdrachten.findBySleutel(invoer.opdracht().strip()).orElse(null);
            if (opdracht == null) {
                fouten.put("opdracht", "onbekende opdracht '" + invoer.opdracht() + "'");
            }
        }
        if (leeg(invoer.naam())) {
            fouten.put("naam", "is verplicht");
        } else if (invoer.naam().strip().length() > 200) {
            fouten.put("naam", "is langer dan 200 tekens");
        }
        lengte(fouten, "definitie", invoer.definitie());
        if (invoer.eenheid() != null && invoer.eenheid().strip().length() > 50) {
            fouten.put("eenheid", "is langer dan 50 tekens");
        }
        if (invoer.bron() != null && invoer.bron().strip().length() > 300) {
            fouten.put("bron", "is langer dan 300 tekens");
        }
        if (invoer.richting() == null) {
            fouten.put("richting", "is verplicht: hoger is beter (hoger_beter) of lager is beter (lager_beter)");
        }
        if (invoer.meetfrequentie() == null) {
            fouten.put("meetfrequentie", "is verplicht (maand, kwartaal, halfjaar of jaar)");
        }
        if ((invoer.basiswaarde() == null) != (invoer.basisdatum() == null)) {
            fouten.put(invoer.basiswaarde() == null ? "basiswaarde" : "basisdatum",
                    "basiswaarde en basisdatum horen bij elkaar");
        }
        if ((invoer.streefwaarde() == null) != (invoer.streefdatum() == null)) {
            fouten.put(invoer.streefwaarde() == null ? "streefwaarde" : "streefdatum",
                    "streefwaarde en streefdatum horen bij elkaar");
        }
        boolean heeftDoelwaarde = invoer.streefwaarde() != null
                || (invoer.tussendoelen() != null && !invoer.tussendoelen().isEmpty());
        if (heeftDoelwaarde && leeg(invoer.eenheid())) {
            fouten.put("eenheid", "is verplicht bij een streefwaarde: een streefwaarde zonder eenheid zegt niets");
        }
        // Typos such as 1026 or 2207; a baseline may lie decades back, a target not before 2000.
        LocalDate basis = invoer.basisdatum();
        LocalDate streef = invoer.streefdatum();
        if (basis != null && (basis.getYear() < 1950 || basis.getYear() > 2100)) {
            fouten.put("basisdatum", "ligt niet tussen 1950 en 2100");
        }
        if (streef != null && (streef.getYear() < 2000 || streef.getYear() > 2100)) {
            fouten.put("streefdatum", "ligt niet tussen 2000 en 2100");
        }
        if (invoer.basisdatum() != null && invoer.streefdatum() != null && !fouten.containsKey("streefdatum")
                && !invoer.streefdatum().isAfter(invoer.basisdatum())) {
            fouten.put("streefdatum", "ligt niet na de basisdatum " + new Opmaak().datum(invoer.basisdatum()));
        }
        if (invoer.tussendoelen() != null && !invoer.tussendoelen().isEmpty()) {
            if (invoer.streefwaarde() == null) {
                fouten.put("tussendoelen", "kan alleen bij een streefwaarde");
            }
            for (Map.Entry<Integer, BigDecimal> t : invoer.tussendoelen().entrySet()) {
                if (t.getValue() == null) {
                    fouten.put("tussendoelen." + t.getKey(), "heeft geen waarde");
                } else if ((invoer.basisdatum() != null && t.getKey() < invoer.basisdatum().getYear())
                        || (invoer.streefdatum() != null && t.getKey() > invoer.streefdatum().getYear())) {
                    fouten.put("tussendoelen." + t.getKey(), "ligt buiten de jaren van basisdatum tot streefdatum");
                }
            }
        }
        if (!leeg(invoer.eigenaar()) && !bestaatGebruiker(invoer.eigenaar().strip())) {
            fouten.put("eigenaar", "onbekende gebruiker '" + invoer.eigenaar() + "'");
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
        indicator.hangAan(doel, opdracht);
        indicator.setNaam(invoer.naam().strip());
        indicator.setDefinitie(tekst(invoer.definitie()));
        indicator.setEenheid(tekst(invoer.eenheid()));
        indicator.setRichting(invoer.richting());
        indicator.zetBasis(invoer.basiswaarde(), invoer.basisdatum());
        indicator.zetStreef(invoer.streefwaarde(), invoer.streefdatum());
        indicator.zetTussendoelen(invoer.tussendoelen());
        indicator.setMeetfrequentie(invoer.meetfrequentie());
        indicator.setBron(tekst(invoer.bron()));
        indicator.setEigenaar(tekst(invoer.eigenaar()));
    }

    /**
     * Whether the Camunda user exists. Asked without the caller's authorization: whoever may
     * define an indicator may name its owner without the right to browse all users.
     */
    private boolean bestaatGebruiker(String id) {
        return gebruiker.alsSysteem(() -> identityService.createUserQuery().userId(id).count() > 0);
    }

    /** Today as the engine sees it, so that process steps and the API agree on which periods have begun. */
    static LocalDate vandaag() {
        return Klok.vandaag();
    }

    private static void lengte(Map<String, String> fouten, String veld, String waarde) {
        if (waarde != null && waarde.length() > TEKST) {
            fouten.put(veld, "is langer dan " + TEKST + " tekens");
        }
    }

    static String woord(Enum<?> waarde) {
        return waarde == null ? null : waarde.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean leeg(String s) {
        return s == null || s.isBlank();
    }

    private static String tekst(String s) {
        return leeg(s) ? null : s.strip();
    }
}
